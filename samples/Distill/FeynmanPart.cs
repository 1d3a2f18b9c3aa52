using Leibniz.Symbolic;

namespace Leibniz.Samples.Distill;

/// <summary>Part 2: Feynman I.6.2a, f(θ) = exp(−θ²/2)/√(2π), recovered from 500 exact samples with θ in [1, 3].</summary>
public static class FeynmanPart
{
    /// <summary>Runs the part.</summary>
    public static SymbolicModel Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Heading("Part 2: a formula from data — Feynman I.6.2a, f(θ) = exp(−θ²/2)/√(2π)");
        var random = new Random(context.Seed);
        var theta = Enumerable.Range(0, 500).Select(_ => 1 + 2 * random.NextDouble()).ToArray();
        var data = new RegressionData(["theta"], [theta], [.. theta.Select(Truth)]);
        var result = SymbolicRegression.Fit(data, DistillSample.Search(context, 10));
        DistillSample.ShowFront(context, result);
        var model = result.Chosen;
        var outside = Enumerable.Range(0, 200).Select(i => 3 + 3.0 * i / 199).ToArray();
        var outsideR2 = model.RSquared(new RegressionData(["theta"], [outside], [.. outside.Select(Truth)]));
        context.Line($"Chosen: f(θ) = {model.ToMath()}; R² on θ in [3, 6] (outside the data): {ResultTable.Num(outsideR2)}.");
        return model;
    }

    private static double Truth(double theta) => Math.Exp(-theta * theta / 2) / Math.Sqrt(2 * Math.PI);
}
