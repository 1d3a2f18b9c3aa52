using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get Rastrigin's gradient in 2 variables; the hand-written gradient is the baseline.</summary>
public class RastriginBenchmarks
{
    private readonly double[] _point = [1.1, 2.3];
    private readonly double[] _direction = DirectionalDual.Direction(2);
    private readonly double[] _gradient = new double[2];
    private readonly Tape _tape = new();

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        GradientAgreement.Check("Rastrigin primal", hand.AsSpan(0, 1), [Primal()]);
        GradientAgreement.CheckAgainstDifferences(
            "Rastrigin hand-written", p => Functions.Rastrigin(p[0], p[1]), _point, hand.AsSpan(1));
        GradientAgreement.Check("Rastrigin generated", hand, GradientAgreement.Components(GeneratedGradient()));
        var jvp = (hand[0], DirectionalDual.Dot(hand.AsSpan(1), _direction));
        GradientAgreement.Check("Rastrigin generated Jvp", [jvp.Item1, jvp.Item2], [GeneratedJvp().Item1, GeneratedJvp().Item2]);
        GradientAgreement.Check("Rastrigin Dual Jvp", [jvp.Item1, jvp.Item2], [DualJvp().Value, DualJvp().Tangent]);
        GradientAgreement.Check("Rastrigin Dual", hand, [DualGradient(), .. _gradient]);
        GradientAgreement.Check("Rastrigin Tape", hand, [TapeGradient(), .. _gradient]);
        CentralDifferences();
        GradientAgreement.Check("Rastrigin differences", hand.AsSpan(1), _gradient, 1e-6);
    }

    [Benchmark]
    public double Primal() => Functions.Rastrigin(_point[0], _point[1]);

    [Benchmark(Baseline = true)]
    public (double, double, double) HandWrittenGradient() => HandWritten.RastriginGradient(_point[0], _point[1]);

    [Benchmark]
    public (double, double, double) GeneratedGradient() => Functions.RastriginGradient(_point[0], _point[1]);

    [Benchmark]
    public (double, double) GeneratedJvp() =>
        Functions.RastriginJvp(_point[0], _point[1], _direction[0], _direction[1]);

    [Benchmark]
    public Dual DualJvp() => DirectionalDual.Jvp(DualForms.Rastrigin, _point, _direction);

    [Benchmark]
    public double DualGradient() => Dual.Gradient(DualForms.Rastrigin, _point, _gradient);

    [Benchmark]
    public double TapeGradient() => _tape.Gradient(VarForms.Rastrigin, _point, _gradient);

    [Benchmark]
    public double CentralDifferences()
    {
        FiniteDifference.Gradient(DoubleForms.Rastrigin, _point, _gradient);
        return _gradient[0];
    }
}
