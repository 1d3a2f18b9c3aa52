using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Tensors;

/// <summary>
/// Square float32 matrix multiply, c = a·b, at n = 64, 256 and 1024: Leibniz's <see cref="Tensor.MatMul(Tensor)"/>
/// (as a user calls it: it returns a new tensor) against a five-line SIMD loop without blocking (the baseline).
/// GFLOP/s counts 2n³ floating-point operations; BENCHMARKS.md sets them against the core's peak.
/// </summary>
[Config(typeof(Config))]
public class MatMulBenchmarks
{
    private float[] _a = [];
    private float[] _b = [];
    private float[] _c = [];
    private Tensor _left;
    private Tensor _right;

    [Params(64, 256, 1024)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        _a = Enumerable.Range(0, N * N).Select(_ => (float)random.NextDouble()).ToArray();
        _b = Enumerable.Range(0, N * N).Select(_ => (float)random.NextDouble()).ToArray();
        _c = new float[N * N];
        _left = Tensor.FromArray(_a, N, N);
        _right = Tensor.FromArray(_b, N, N);

        // Both methods must compute the same product (float32 sums in different orders: compare loosely).
        SimpleSimd();
        var product = Leibniz().ToArray();
        for (var i = 0; i < _c.Length; i++)
        {
            if (Math.Abs(product[i] - _c[i]) > 1e-4 * N)
            {
                throw new InvalidOperationException($"MatMul element {i}: {product[i]} vs {_c[i]}.");
            }
        }
    }

    [Benchmark(Baseline = true)]
    public float[] SimpleSimd()
    {
        SimpleMatMul.Multiply(_a, _b, _c, N);
        return _c;
    }

    [Benchmark]
    public Tensor Leibniz() => _left.MatMul(_right);

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "GFLOP/s", "2n³ floating-point operations per second, from the median",
            (c, ns) => RateColumn.Parameter(c, nameof(N)) is { } n ? 2.0 * n * n * n / ns : null, "F1"));
    }
}
