using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Leibniz.Benchmarks.Loops;
using Leibniz.Testing;

namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// Hessian-vector products of methods with loops (<see cref="SecondOrderLoopFunctions"/>, spans of 100 elements, a
/// recurrence of 100 steps): per function the generated gradient is the baseline, next to the generated Hvp (and, for
/// the tuple form, the full Hessian). Every Hvp is checked against central differences of the gradient first.
/// </summary>
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class LoopHvpBenchmarks
{
    private const int N = 100;
    private readonly double[] _x = LoopChecks.Point(N, 0.0);
    private readonly double[] _direction = LoopChecks.Point(N, 1.3);
    private readonly double[] _features = LoopChecks.Point(N, 2.1);
    private readonly double[] _gradient = new double[N];
    private readonly double[] _product = new double[N];

    [GlobalSetup]
    public void CheckAgreement()
    {
        const double step = 1e-6;
        var (vx, vr) = (0.4, -0.7);
        var up = SecondOrderLoopFunctions.RecurrenceGradient(0.3 + step * vx, 1.1 + step * vr, 100);
        var down = SecondOrderLoopFunctions.RecurrenceGradient(0.3 - step * vx, 1.1 - step * vr, 100);
        var hv = SecondOrderLoopFunctions.RecurrenceHvp(0.3, 1.1, 100, vx, vr);
        LoopChecks.Close("Recurrence Hvp vs differences", [(up.dx - down.dx) / (2 * step), (up.dr - down.dr) / (2 * step)], [hv.hvx, hv.hvr], 1e-5);
        CheckSpan("Nested", (x, g) => SecondOrderLoopFunctions.NestedGradient(x, g), (x, v, g, h) => SecondOrderLoopFunctions.NestedHvp(x, v, g, h));
        CheckSpan("Smooth", (x, g) => SecondOrderLoopFunctions.SmoothGradient(x, 0.7, g, out _),
            (x, v, g, h) => SecondOrderLoopFunctions.SmoothHvp(x, 0.7, v, 0, g, out _, h, out _));
        CheckSpan("Logistic", (x, g) => SecondOrderLoopFunctions.LogisticGradient(x, _features, g),
            (x, v, g, h) => SecondOrderLoopFunctions.LogisticHvp(x, _features, v, g, h));
        CheckSpan("Bumps", (x, g) => SecondOrderLoopFunctions.BumpsGradient(x, 0.7, g, out _),
            (x, v, g, h) => SecondOrderLoopFunctions.BumpsHvp(x, 0.7, v, 0, g, out _, h, out _));
    }

    private delegate double Gradient(ReadOnlySpan<double> x, Span<double> gradient);

    private delegate double Hvp(ReadOnlySpan<double> x, ReadOnlySpan<double> direction, Span<double> gradient, Span<double> product);

    // H·v against central differences of the generated gradient along v.
    private void CheckSpan(string name, Gradient gradient, Hvp hvp)
    {
        const double step = 1e-6;
        var (up, down, shifted) = (new double[N], new double[N], new double[N]);
        for (var i = 0; i < N; i++)
        {
            shifted[i] = _x[i] + step * _direction[i];
        }

        gradient(shifted, up);
        for (var i = 0; i < N; i++)
        {
            shifted[i] = _x[i] - step * _direction[i];
        }

        gradient(shifted, down);
        var product = new double[N];
        var value = hvp(_x, _direction, new double[N], product);
        LoopChecks.Close(name + " Hvp value", gradient(_x, new double[N]), value);
        foreach (var i in LoopChecks.Spread(N, 20))
        {
            LoopChecks.Close($"{name} Hvp [{i}] vs differences", (up[i] - down[i]) / (2 * step), product[i], 1e-5);
        }
    }

    [BenchmarkCategory("Recurrence"), Benchmark(Baseline = true)]
    public double RecurrenceGradient() => SecondOrderLoopFunctions.RecurrenceGradient(0.3, 1.1, 100).dx;

    [BenchmarkCategory("Recurrence"), Benchmark]
    public double RecurrenceHvp() => SecondOrderLoopFunctions.RecurrenceHvp(0.3, 1.1, 100, 0.4, -0.7).hvx;

    [BenchmarkCategory("Recurrence"), Benchmark]
    public double RecurrenceHessian() => SecondOrderLoopFunctions.RecurrenceHessian(0.3, 1.1, 100).dxdr;

    [BenchmarkCategory("Nested"), Benchmark(Baseline = true)]
    public double NestedGradient() => SecondOrderLoopFunctions.NestedGradient(_x, _gradient);

    [BenchmarkCategory("Nested"), Benchmark]
    public double NestedHvp() => SecondOrderLoopFunctions.NestedHvp(_x, _direction, _gradient, _product);

    [BenchmarkCategory("Smooth"), Benchmark(Baseline = true)]
    public double SmoothGradient() => SecondOrderLoopFunctions.SmoothGradient(_x, 0.7, _gradient, out _);

    [BenchmarkCategory("Smooth"), Benchmark]
    public double SmoothHvp() => SecondOrderLoopFunctions.SmoothHvp(_x, 0.7, _direction, 0.3, _gradient, out _, _product, out _);

    [BenchmarkCategory("Logistic"), Benchmark(Baseline = true)]
    public double LogisticGradient() => SecondOrderLoopFunctions.LogisticGradient(_x, _features, _gradient);

    [BenchmarkCategory("Logistic"), Benchmark]
    public double LogisticHvp() => SecondOrderLoopFunctions.LogisticHvp(_x, _features, _direction, _gradient, _product);

    [BenchmarkCategory("Bumps"), Benchmark(Baseline = true)]
    public double BumpsGradient() => SecondOrderLoopFunctions.BumpsGradient(_x, 0.7, _gradient, out _);

    [BenchmarkCategory("Bumps"), Benchmark]
    public double BumpsHvp() => SecondOrderLoopFunctions.BumpsHvp(_x, 0.7, _direction, 0.3, _gradient, out _, _product, out _);
}
