using BenchmarkDotNet.Attributes;
using Leibniz.Benchmarks.Infrastructure;
using Leibniz.Benchmarks.Loops;

namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// The whole Hessian of the extended Rosenbrock function over a span (n = 10², 10³): the generated dense
/// <c>RosenbrockHessian</c> (n Hvps) against <see cref="SparseHessian"/> with the tridiagonal pattern (3 Hvps, one
/// per color), both against the generated gradient of the same n; one generated Hvp for scale.
/// </summary>
[Config(typeof(PerElementConfig))]
public class SparseHessianBenchmarks
{
    private static readonly HessianVectorProduct<double> Hvp = SpanSecondOrderFunctions.RosenbrockHvp;

    private double[] _x = [];
    private double[] _gradient = [];
    private double[] _dense = [];
    private double[] _values = [];
    private double[] _direction = [];
    private double[] _product = [];
    private double[][] _colorDirections = [];
    private SparseHessian _pattern = SparseHessian.Banded(1, 0);

    [Params(100, 1_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void CheckAgreement()
    {
        _x = LoopChecks.Point(N, 0.0);
        _gradient = new double[N];
        _dense = new double[N * N];
        _pattern = SparseHessian.Banded(N, 1);
        _values = new double[_pattern.NonzeroCount];
        _direction = LoopChecks.Point(N, 1.3);
        _product = new double[N];
        _colorDirections = [.. Enumerable.Range(0, 3).Select(c => Enumerable.Range(0, N).Select(i => _pattern.Colors[i] == c ? 1.0 : 0.0).ToArray())];
        var value = DenseHessian();
        LoopChecks.Close("sparse Hessian value", value, ColoredHessian());
        var fromColors = new double[N * N];
        _pattern.ToDense<double>(_values, fromColors);
        LoopChecks.Close("sparse Hessian entries", _dense, fromColors, 1e-14);
    }

    [Benchmark(Baseline = true)]
    public double GeneratedGradient() => SpanSecondOrderFunctions.RosenbrockGradient(_x, _gradient);

    [Benchmark]
    public double GeneratedHvp() => SpanSecondOrderFunctions.RosenbrockHvp(_x, _direction, _gradient, _product);

    /// <summary>The floor of the colored Hessian: its three Hvps with ready-made directions, nothing else.</summary>
    [Benchmark]
    public double ThreeHvps() =>
        SpanSecondOrderFunctions.RosenbrockHvp(_x, _colorDirections[0], _gradient, _product)
        + SpanSecondOrderFunctions.RosenbrockHvp(_x, _colorDirections[1], _gradient, _product)
        + SpanSecondOrderFunctions.RosenbrockHvp(_x, _colorDirections[2], _gradient, _product);

    [Benchmark]
    public double DenseHessian() => SpanSecondOrderFunctions.RosenbrockHessian(_x, _gradient, _dense);

    [Benchmark]
    public double ColoredHessian() => _pattern.Evaluate(Hvp, _x, _gradient, _values);
}
