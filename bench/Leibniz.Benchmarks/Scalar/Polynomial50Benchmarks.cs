using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get the gradient of the 50-parameter polynomial; hand-written is the baseline.</summary>
public partial class Polynomial50Benchmarks
{
    private readonly double[] _a = Enumerable.Range(0, 50).Select(i => Math.Sin(i + 1.0)).ToArray();
    private readonly double[] _gradient = new double[50];
    private readonly Tape _tape = new();
    private readonly double[] _direction = DirectionalDual.Direction(50);

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        GradientAgreement.Check("Polynomial50 primal", hand.AsSpan(0, 1), [Primal()]);
        GradientAgreement.CheckAgainstDifferences("Polynomial50 hand-written", Evaluate, _a, hand.AsSpan(1));
        GradientAgreement.Check("Polynomial50 Dual", hand, [DualGradient(), .. _gradient]);
        GradientAgreement.Check("Polynomial50 Tape", hand, [TapeGradient(), .. _gradient]);
        var jvp = DualJvp();
        GradientAgreement.Check("Polynomial50 Dual Jvp", [hand[0], DirectionalDual.Dot(hand.AsSpan(1), _direction)], [jvp.Value, jvp.Tangent]);
        GradientAgreement.Check("Polynomial50 generated gradient", hand, GradientAgreement.Components(GeneratedGradient()));
        var generatedJvp = GeneratedJvp();
        GradientAgreement.Check("Polynomial50 generated Jvp", [jvp.Value, jvp.Tangent], [generatedJvp.Item1, generatedJvp.Item2]);
    }

    [Benchmark]
    public double DualGradient() => Dual.Gradient(DualForms.Polynomial50, _a, _gradient);

    [Benchmark]
    public double TapeGradient() => _tape.Gradient(VarForms.Polynomial50, _a, _gradient);

    [Benchmark]
    public Dual DualJvp() => DirectionalDual.Jvp(DualForms.Polynomial50, _a, _direction);
}
