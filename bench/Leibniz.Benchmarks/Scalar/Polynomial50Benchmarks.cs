using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// Every way to get the gradient of the 50-parameter polynomial; hand-written is the baseline. The benchmark
/// methods are in Polynomial50Benchmarks.Calls.cs, written by bench/tools/gen_polynomial.py (50-argument calls).
/// </summary>
public partial class Polynomial50Benchmarks
{
    private readonly double[] _a = Enumerable.Range(0, 50).Select(i => Math.Sin(i + 1.0)).ToArray();
    private readonly double[] _direction = DirectionalDual.Direction(50);
    private readonly double[] _gradient = new double[50];
    private readonly Tape _tape = new();

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        GradientAgreement.Check("Polynomial50 primal", hand.AsSpan(0, 1), [Primal()]);
        GradientAgreement.CheckAgainstDifferences("Polynomial50 hand-written", p => DoubleForms.Polynomial50(p), _a,
            hand.AsSpan(1));
        GradientAgreement.Check("Polynomial50 generated", hand, GradientAgreement.Components(GeneratedGradient()));
        double[] jvp = [hand[0], DirectionalDual.Dot(hand.AsSpan(1), _direction)];
        GradientAgreement.Check("Polynomial50 generated Jvp", jvp, [GeneratedJvp().Item1, GeneratedJvp().Item2]);
        GradientAgreement.Check("Polynomial50 Dual Jvp", jvp, [DualJvp().Value, DualJvp().Tangent]);
        GradientAgreement.Check("Polynomial50 Dual", hand, [DualGradient(), .. _gradient]);
        GradientAgreement.Check("Polynomial50 Tape", hand, [TapeGradient(), .. _gradient]);
        CentralDifferences();
        GradientAgreement.Check("Polynomial50 differences", hand.AsSpan(1), _gradient, 1e-6);
    }
}
