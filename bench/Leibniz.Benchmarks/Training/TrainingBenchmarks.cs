using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Training;

/// <summary>
/// One Adam training step (zero_grad, forward, MSE, backward, step) of the two MLPs, cycling through the batches,
/// next to the forward pass alone without a graph (the baseline: what inference costs). The steps/s column is
/// 10⁹ / median ns; bench/compare.py sets the same networks against PyTorch.
/// </summary>
[Config(typeof(Config))]
public class TrainingBenchmarks
{
    private MlpProblem _problem = null!;
    private int _batch;

    [Params("small", "large")]
    public string Net { get; set; } = "small";

    [GlobalSetup]
    public void Setup()
    {
        _problem = MlpProblem.Create(Net);
        var before = _problem.FullLoss();
        for (var b = 0; b < _problem.StepsPerEpoch; b++)
        {
            _problem.Step(b);
        }

        var after = _problem.FullLoss();
        if (!(after < before))
        {
            throw new InvalidOperationException($"{Net}: one epoch of Adam did not lower the loss ({before} → {after}).");
        }
    }

    [Benchmark(Baseline = true)]
    public Tensor Inference() => _problem.Infer(Next());

    [Benchmark]
    public void TrainStep() => _problem.Step(Next());

    private int Next()
    {
        var batch = _batch;
        _batch = batch + 1 == _problem.StepsPerEpoch ? 0 : batch + 1;
        return batch;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "steps/s", "calls per second, 10⁹ / median ns", (_, ns) => 1e9 / ns, "N0"));
    }
}
