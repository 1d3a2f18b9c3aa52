using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// The cost of the derivative table's functions themselves on <see cref="Dual"/> and on the <see cref="Tape"/>: one
/// pass over 256 points, each through a dozen table functions (tanh, sigmoid, softplus, exp, log, sqrt, atan, asin,
/// sinh, cbrt, pow, hypot), summed; plain doubles are the baseline. Where Dual and Var take their local partials from
/// the one derivative table, this shows what that costs.
/// </summary>
public class TableFunctionBenchmarks
{
    private const int Points = 256;
    private readonly double[] _x = Enumerable.Range(0, Points).Select(i => 0.05 + 0.9 * i / Points).ToArray();
    private readonly Tape _tape = new();

    [GlobalSetup]
    public void CheckAgreement()
    {
        var dual = DualSum();
        var tape = TapeSum();
        var value = Mix(_x[0]);
        var slope = FiniteDifference.Derivative(Mix, _x[0], DifferenceScheme.Central);
        GradientAgreement.Check("table functions Dual", [value, slope], [Mix(Dual.Variable(_x[0])).Value, Mix(Dual.Variable(_x[0])).Tangent], 1e-6);
        GradientAgreement.Check("table functions tape = Dual", [dual], [tape]);
    }

    [Benchmark(Baseline = true)]
    public double DoubleSum()
    {
        var sum = 0.0;
        foreach (var x in _x)
        {
            sum += Mix(x);
        }

        return sum;
    }

    [Benchmark]
    public double DualSum()
    {
        var sum = 0.0;
        foreach (var x in _x)
        {
            var y = Mix(Dual.Variable(x));
            sum += y.Value + y.Tangent;
        }

        return sum;
    }

    [Benchmark]
    public double TapeSum()
    {
        var sum = 0.0;
        foreach (var x in _x)
        {
            _tape.Clear();
            var v = _tape.Variable(x);
            var y = Mix(v);
            _tape.Backward(y);
            sum += y.Value + v.Gradient;
        }

        return sum;
    }

    private static double Mix(double x) =>
        Math.Tanh(x) + Elementary.Sigmoid(x) + Elementary.Softplus(x) + Math.Exp(x) + Math.Log(x) + Math.Sqrt(x)
        + Math.Atan(x) + Math.Asin(x) + Math.Sinh(x) + Math.Cbrt(x) + Math.Pow(x, 2.5) + double.Hypot(x, 0.5);

    private static Dual Mix(Dual x) =>
        Dual.Tanh(x) + Dual.Sigmoid(x) + Dual.Softplus(x) + Dual.Exp(x) + Dual.Log(x) + Dual.Sqrt(x)
        + Dual.Atan(x) + Dual.Asin(x) + Dual.Sinh(x) + Dual.Cbrt(x) + Dual.Pow(x, 2.5) + Dual.Hypot(x, 0.5);

    private static Var Mix(Var x) =>
        Var.Tanh(x) + Var.Sigmoid(x) + Var.Softplus(x) + Var.Exp(x) + Var.Log(x) + Var.Sqrt(x)
        + Var.Atan(x) + Var.Asin(x) + Var.Sinh(x) + Var.Cbrt(x) + Var.Pow(x, 2.5) + Var.Hypot(x, 0.5);
}
