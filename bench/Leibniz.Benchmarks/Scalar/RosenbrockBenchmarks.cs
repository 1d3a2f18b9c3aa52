using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get the extended Rosenbrock gradient in 10 variables; hand-written is the baseline.</summary>
public class RosenbrockBenchmarks
{
    private readonly double[] _x = [-1.2, 1.0, -1.1, 0.9, 0.5, 0.3, 1.3, 1.7, -0.4, 0.2];
    private readonly double[] _gradient = new double[10];
    private readonly Tape _tape = new();
    private readonly double[] _direction = DirectionalDual.Direction(10);

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        GradientAgreement.Check("Rosenbrock10 primal", hand.AsSpan(0, 1), [Primal()]);
        GradientAgreement.CheckAgainstDifferences(
            "Rosenbrock10 hand-written",
            p => Functions.Rosenbrock10(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9]),
            _x, hand.AsSpan(1));
        GradientAgreement.Check("Rosenbrock10 Dual", hand, [DualGradient(), .. _gradient]);
        GradientAgreement.Check("Rosenbrock10 Tape", hand, [TapeGradient(), .. _gradient]);
        var jvp = DualJvp();
        GradientAgreement.Check("Rosenbrock10 Dual Jvp", [hand[0], DirectionalDual.Dot(hand.AsSpan(1), _direction)], [jvp.Value, jvp.Tangent]);
        GradientAgreement.Check("Rosenbrock10 generated gradient", hand, GradientAgreement.Components(GeneratedGradient()));
        var generatedJvp = GeneratedJvp();
        GradientAgreement.Check("Rosenbrock10 generated Jvp", [jvp.Value, jvp.Tangent], [generatedJvp.Item1, generatedJvp.Item2]);
    }

    [Benchmark]
    public double Primal() =>
        Functions.Rosenbrock10(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark(Baseline = true)]
    public (double, double, double, double, double, double, double, double, double, double, double)
        HandWrittenGradient() =>
        HandWritten.Rosenbrock10Gradient(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark]
    public double DualGradient() => Dual.Gradient(DualForms.Rosenbrock10, _x, _gradient);

    [Benchmark]
    public double TapeGradient() => _tape.Gradient(VarForms.Rosenbrock10, _x, _gradient);

    [Benchmark]
    public Dual DualJvp() => DirectionalDual.Jvp(DualForms.Rosenbrock10, _x, _direction);

    [Benchmark]
    public (double, double, double, double, double, double, double, double, double, double, double) GeneratedGradient() => Functions.Rosenbrock10Gradient(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark]
    public (double, double) GeneratedJvp() => Functions.Rosenbrock10Jvp(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9], _direction[0], _direction[1], _direction[2], _direction[3], _direction[4], _direction[5], _direction[6], _direction[7], _direction[8], _direction[9]);
}
