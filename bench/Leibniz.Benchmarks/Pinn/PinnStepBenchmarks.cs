using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Pinn;

/// <summary>
/// One PINN training step (Adam, float32, one thread) on the three problems of bench/pytorch/pinn_steps.py; the
/// peer's steps/s are measured by that script. Allocated bytes per step are reported (expected: 0).
/// </summary>
[MemoryDiagnoser]
public class PinnStepBenchmarks
{
    private PinnProblem _problem = null!;

    /// <summary>The problem.</summary>
    [ParamsSource(nameof(Problems))]
    public string Problem { get; set; } = "burgers";

    /// <summary>The problem names.</summary>
    public static IEnumerable<string> Problems => PinnProblem.Names;

    /// <summary>Builds the problem and warms its buffers.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _problem = PinnProblem.Create(Problem);
        for (var i = 0; i < 5; i++)
        {
            _problem.Step();
        }
    }

    /// <summary>zero_grad, loss with input derivatives, backward, Adam step.</summary>
    [Benchmark]
    public double TrainingStep() => _problem.Step();
}
