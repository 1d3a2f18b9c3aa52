using System.Numerics.Tensors;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Infrastructure;

namespace Leibniz.Benchmarks.Tensors;

/// <summary>
/// Element-wise float32 ops on vectors of 4 Ki and 1 Mi elements: Leibniz tensors (as a user calls them: each
/// returns a new tensor) against TensorPrimitives writing into a preallocated buffer (the baseline of each op,
/// the SIMD kernel with no tensor around it).
/// </summary>
[Config(typeof(Config))]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory, BenchmarkLogicalGroupRule.ByParams)]
[CategoriesColumn]
public class ElementwiseBenchmarks
{
    private float[] _x = [];
    private float[] _y = [];
    private float[] _destination = [];
    private Tensor _tx;
    private Tensor _ty;

    [Params(4096, 1 << 20)]
    public int N { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        _x = Enumerable.Range(0, N).Select(_ => (float)random.NextDouble() - 0.5f).ToArray();
        _y = Enumerable.Range(0, N).Select(_ => (float)random.NextDouble() + 0.5f).ToArray();
        _destination = new float[N];
        _tx = Tensor.FromArray(_x);
        _ty = Tensor.FromArray(_y);
        Check("add", RawAdd, LeibnizAdd);
        Check("mul", RawMul, LeibnizMul);
        Check("relu", RawRelu, LeibnizRelu);
        Check("exp", RawExp, LeibnizExp);
        Check("tanh", RawTanh, LeibnizTanh);
    }

    [BenchmarkCategory("add"), Benchmark(Baseline = true)]
    public float[] RawAdd()
    {
        TensorPrimitives.Add(_x, _y, _destination);
        return _destination;
    }

    [BenchmarkCategory("add"), Benchmark]
    public Tensor LeibnizAdd() => _tx + _ty;

    [BenchmarkCategory("mul"), Benchmark(Baseline = true)]
    public float[] RawMul()
    {
        TensorPrimitives.Multiply(_x, _y, _destination);
        return _destination;
    }

    [BenchmarkCategory("mul"), Benchmark]
    public Tensor LeibnizMul() => _tx * _ty;

    [BenchmarkCategory("relu"), Benchmark(Baseline = true)]
    public float[] RawRelu()
    {
        TensorPrimitives.Max(_x, 0f, _destination);
        return _destination;
    }

    [BenchmarkCategory("relu"), Benchmark]
    public Tensor LeibnizRelu() => _tx.Relu();

    [BenchmarkCategory("exp"), Benchmark(Baseline = true)]
    public float[] RawExp()
    {
        TensorPrimitives.Exp(_x, _destination);
        return _destination;
    }

    [BenchmarkCategory("exp"), Benchmark]
    public Tensor LeibnizExp() => _tx.Exp();

    [BenchmarkCategory("tanh"), Benchmark(Baseline = true)]
    public float[] RawTanh()
    {
        TensorPrimitives.Tanh(_x, _destination);
        return _destination;
    }

    [BenchmarkCategory("tanh"), Benchmark]
    public Tensor LeibnizTanh() => _tx.Tanh();

    private static void Check(string op, Func<float[]> raw, Func<Tensor> leibniz)
    {
        var expected = raw();
        var actual = leibniz().ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            if (Math.Abs(expected[i] - actual[i]) > 1e-5 * Math.Max(1, Math.Abs(expected[i])))
            {
                throw new InvalidOperationException($"{op} element {i}: {actual[i]} vs {expected[i]}.");
            }
        }
    }

    private sealed class Config : ManualConfig
    {
        public Config() => AddColumn(new RateColumn(
            "Gelem/s", "elements per nanosecond (10⁹ elements per second), from the median",
            (c, ns) => RateColumn.Parameter(c, nameof(N)) is { } n ? n / ns : null, "F2"));
    }
}
