using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>Every way to get the gradient of the 50-parameter polynomial; hand-written is the baseline.</summary>
public partial class Polynomial50Benchmarks
{
    private readonly double[] _a = Enumerable.Range(0, 50).Select(i => Math.Sin(i + 1.0)).ToArray();

    [GlobalSetup]
    public void CheckAgreement()
    {
        var hand = GradientAgreement.Components(HandWrittenGradient());
        GradientAgreement.Check("Polynomial50 primal", hand.AsSpan(0, 1), [Primal()]);
        GradientAgreement.CheckAgainstDifferences("Polynomial50 hand-written", Evaluate, _a, hand.AsSpan(1));
    }
}
