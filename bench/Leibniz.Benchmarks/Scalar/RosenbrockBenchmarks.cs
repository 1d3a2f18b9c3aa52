using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get the extended Rosenbrock gradient in 10 variables; hand-written is the baseline.</summary>
public class RosenbrockBenchmarks
{
    private readonly double[] _x = [-1.2, 1.0, -1.1, 0.9, 0.5, 0.3, 1.3, 1.7, -0.4, 0.2];
    private readonly double[] _direction = DirectionalDual.Direction(10);
    private readonly double[] _gradient = new double[10];
    private readonly Tape _tape = new();

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        GradientAgreement.Check("Rosenbrock10 primal", hand.AsSpan(0, 1), [Primal()]);
        GradientAgreement.CheckAgainstDifferences("Rosenbrock10 hand-written", p => DoubleForms.Rosenbrock10(p), _x,
            hand.AsSpan(1));
        GradientAgreement.Check("Rosenbrock10 generated", hand, GradientAgreement.Components(GeneratedGradient()));
        double[] jvp = [hand[0], DirectionalDual.Dot(hand.AsSpan(1), _direction)];
        GradientAgreement.Check("Rosenbrock10 generated Jvp", jvp, [GeneratedJvp().Item1, GeneratedJvp().Item2]);
        GradientAgreement.Check("Rosenbrock10 Dual Jvp", jvp, [DualJvp().Value, DualJvp().Tangent]);
        GradientAgreement.Check("Rosenbrock10 Dual", hand, [DualGradient(), .. _gradient]);
        GradientAgreement.Check("Rosenbrock10 Tape", hand, [TapeGradient(), .. _gradient]);
        CentralDifferences();
        GradientAgreement.Check("Rosenbrock10 differences", hand.AsSpan(1), _gradient, 1e-6);
    }

    [Benchmark]
    public double Primal() =>
        Functions.Rosenbrock10(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark(Baseline = true)]
    public (double, double, double, double, double, double, double, double, double, double, double)
        HandWrittenGradient() =>
        HandWritten.Rosenbrock10Gradient(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark]
    public (double, double, double, double, double, double, double, double, double, double, double)
        GeneratedGradient() =>
        Functions.Rosenbrock10Gradient(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9]);

    [Benchmark]
    public (double, double) GeneratedJvp() =>
        Functions.Rosenbrock10Jvp(_x[0], _x[1], _x[2], _x[3], _x[4], _x[5], _x[6], _x[7], _x[8], _x[9],
            _direction[0], _direction[1], _direction[2], _direction[3], _direction[4], _direction[5], _direction[6],
            _direction[7], _direction[8], _direction[9]);

    [Benchmark]
    public Dual DualJvp() => DirectionalDual.Jvp(DualForms.Rosenbrock10, _x, _direction);

    [Benchmark]
    public double DualGradient() => Dual.Gradient(DualForms.Rosenbrock10, _x, _gradient);

    [Benchmark]
    public double TapeGradient() => _tape.Gradient(VarForms.Rosenbrock10, _x, _gradient);

    [Benchmark]
    public double CentralDifferences()
    {
        FiniteDifference.Gradient(DoubleForms.Rosenbrock10, _x, _gradient);
        return _gradient[0];
    }
}
