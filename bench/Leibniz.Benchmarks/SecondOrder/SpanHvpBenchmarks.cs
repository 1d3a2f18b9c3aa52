using BenchmarkDotNet.Attributes;
using Leibniz.Benchmarks.Infrastructure;
using Leibniz.Benchmarks.Loops;

namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// Hessian-vector products of a span method (extended Rosenbrock, n = 10², 10⁴, 10⁶): the generated gradient is the
/// baseline of each n, next to the generated <c>RosenbrockHvp(x, vx, dx, hvx)</c> and a hand-written Hvp that shows
/// what H·v can cost.
/// </summary>
[Config(typeof(PerElementConfig))]
public class SpanHvpBenchmarks
{
    private double[] _x = [];
    private double[] _direction = [];
    private double[] _gradient = [];
    private double[] _product = [];

    [Params(100, 10_000, 1_000_000)]
    public int N { get; set; }

    [GlobalSetup]
    public void CheckAgreement()
    {
        _x = LoopChecks.Point(N, 0.0);
        _direction = LoopChecks.Point(N, 1.3);
        _gradient = new double[N];
        _product = new double[N];
        var generated = new double[N];
        var value = SpanSecondOrderFunctions.RosenbrockGradient(_x, generated);
        LoopChecks.Close("Rosenbrock hand-written Hvp value", value, HandWrittenHvp());
        LoopChecks.Close("Rosenbrock hand-written Hvp gradient", generated, _gradient);

        // H·v against central differences of the generated gradient along v.
        const double step = 1e-6;
        var up = new double[N];
        var down = new double[N];
        var shifted = (double[])_x.Clone();
        for (var i = 0; i < N; i++)
        {
            shifted[i] = _x[i] + step * _direction[i];
        }

        SpanSecondOrderFunctions.RosenbrockGradient(shifted, up);
        for (var i = 0; i < N; i++)
        {
            shifted[i] = _x[i] - step * _direction[i];
        }

        SpanSecondOrderFunctions.RosenbrockGradient(shifted, down);
        foreach (var i in LoopChecks.Spread(N, 50))
        {
            LoopChecks.Close($"Rosenbrock hand-written Hvp [{i}] vs differences", (up[i] - down[i]) / (2 * step),
                _product[i], 1e-6);
        }

        var generatedProduct = new double[N];
        LoopChecks.Close("Rosenbrock generated Hvp value", value,
            SpanSecondOrderFunctions.RosenbrockHvp(_x, _direction, generated, generatedProduct));
        LoopChecks.Close("Rosenbrock generated Hvp gradient", generated, _gradient);
        LoopChecks.Close("Rosenbrock generated Hvp product", generatedProduct, _product);
    }

    [Benchmark(Baseline = true)]
    public double GeneratedGradient() => SpanSecondOrderFunctions.RosenbrockGradient(_x, _gradient);

    [Benchmark]
    public double GeneratedHvp() => SpanSecondOrderFunctions.RosenbrockHvp(_x, _direction, _gradient, _product);

    [Benchmark]
    public double HandWrittenHvp() => SecondOrder.HandWrittenHvp.RosenbrockHvp(_x, _direction, _gradient, _product);
}
