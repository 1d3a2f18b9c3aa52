using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Tensors;

/// <summary>
/// Forward and backward through tanh and sigmoid on float32 vectors of 4 Ki and 1 Mi elements (y = f(x), then
/// y.Backward(1)), against TensorPrimitives' forward kernel alone writing into a preallocated buffer (the baseline
/// of each group): what the backward kernel's derivative form (sech², σ(x)·σ(−x)) costs on top of the forward pass.
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class ActivationBackwardBenchmarks
{
    private float[] _x = [];
    private float[] _destination = [];
    private Tensor _tx;
    private Tensor _ones;

    [Params(4096, 1 << 20)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(12);
        _x = Enumerable.Range(0, N).Select(_ => 8 * (float)random.NextDouble() - 4).ToArray();
        _destination = new float[N];
        _tx = Tensor.FromArray(_x).RequireGrad();
        _ones = Tensor.FromArray(Enumerable.Repeat(1f, N).ToArray());
        TanhBackward();
        var slope = _tx.Grad.ToArray();
        var tanh = Math.Tanh(_x[0]);
        if (Math.Abs(slope[0] - (1 - tanh * tanh)) > 1e-5)
        {
            throw new InvalidOperationException($"tanh′ {slope[0]}, expected {1 - tanh * tanh}.");
        }
    }

    [BenchmarkCategory("tanh"), Benchmark(Baseline = true)]
    public float[] RawTanhForward()
    {
        TensorPrimitives.Tanh(_x, _destination);
        return _destination;
    }

    [BenchmarkCategory("tanh"), Benchmark]
    public Tensor TanhBackward()
    {
        _tx.ZeroGrad();
        _tx.Tanh().Backward(_ones);
        return _tx;
    }

    [BenchmarkCategory("sigmoid"), Benchmark(Baseline = true)]
    public float[] RawSigmoidForward()
    {
        TensorPrimitives.Sigmoid(_x, _destination);
        return _destination;
    }

    [BenchmarkCategory("sigmoid"), Benchmark]
    public Tensor SigmoidBackward()
    {
        _tx.ZeroGrad();
        _tx.Sigmoid().Backward(_ones);
        return _tx;
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "Gelem/s", "elements per nanosecond (10⁹ elements per second), from the median",
            (c, ns) => RateColumn.Parameter(c, nameof(N)) is { } n ? n / ns : null, "F2"));
    }
}
