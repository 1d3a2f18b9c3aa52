using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get Rastrigin's gradient in 2 variables; the hand-written gradient is the baseline.</summary>
public class RastriginBenchmarks
{
    private readonly double[] _point = [1.1, 2.3];
    private readonly double[] _gradient = new double[2];
    private readonly Tape _tape = new();
    private readonly double[] _direction = DirectionalDual.Direction(2);

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        var (v, dx, dy) = (hand[0], hand[1], hand[2]);
        GradientAgreement.Check("Rastrigin primal", [v], [Primal()]);
        GradientAgreement.CheckAgainstDifferences(
            "Rastrigin hand-written", p => Functions.Rastrigin(p[0], p[1]), _point, [dx, dy]);
        GradientAgreement.Check("Rastrigin Dual", [v, dx, dy], [DualGradient(), .. _gradient]);
        GradientAgreement.Check("Rastrigin Tape", [v, dx, dy], [TapeGradient(), .. _gradient]);
        var jvp = DualJvp();
        GradientAgreement.Check("Rastrigin Dual Jvp", [hand[0], DirectionalDual.Dot(hand.AsSpan(1), _direction)], [jvp.Value, jvp.Tangent]);
        GradientAgreement.Check("Rastrigin generated gradient", hand, GradientAgreement.Components(GeneratedGradient()));
        var generatedJvp = GeneratedJvp();
        GradientAgreement.Check("Rastrigin generated Jvp", [jvp.Value, jvp.Tangent], [generatedJvp.Item1, generatedJvp.Item2]);
    }

    [Benchmark]
    public double Primal() => Functions.Rastrigin(_point[0], _point[1]);

    [Benchmark(Baseline = true)]
    public (double, double, double) HandWrittenGradient() => HandWritten.RastriginGradient(_point[0], _point[1]);

    [Benchmark]
    public (double, double, double) GeneratedGradient() => Functions.RastriginGradient(_point[0], _point[1]);

    [Benchmark]
    public (double, double) GeneratedJvp() => Functions.RastriginJvp(_point[0], _point[1], _direction[0], _direction[1]);

    [Benchmark]
    public Dual DualJvp() => DirectionalDual.Jvp(DualForms.Rastrigin, _point, _direction);

    [Benchmark]
    public double DualGradient() => Dual.Gradient(DualForms.Rastrigin, _point, _gradient);

    [Benchmark]
    public double TapeGradient() => _tape.Gradient(VarForms.Rastrigin, _point, _gradient);
}
