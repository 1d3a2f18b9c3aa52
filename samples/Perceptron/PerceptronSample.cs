using Leibniz.Nn;

namespace Leibniz.Samples.Perceptron;

/// <summary>What the sample measured.</summary>
/// <param name="SeparableEpochs">Epochs until an epoch without mistakes on the separable set (Heaviside).</param>
/// <param name="SeparableConverged">Whether it got there.</param>
/// <param name="SignEpochs">The same with the sign activation and ±1 labels.</param>
/// <param name="SignConverged">Whether that converged.</param>
/// <param name="XorConverged">Whether XOR ever converged (it cannot).</param>
/// <param name="XorMistakesPerEpoch">XOR's misclassified points in each epoch.</param>
/// <param name="XorBestAccuracy">The best accuracy on XOR after any epoch.</param>
public sealed record PerceptronResult(
    int SeparableEpochs,
    bool SeparableConverged,
    int SignEpochs,
    bool SignConverged,
    bool XorConverged,
    IReadOnlyList<int> XorMistakesPerEpoch,
    double XorBestAccuracy);

/// <summary>Rosenblatt's perceptron: it learns any linearly separable set, and never learns XOR.</summary>
public static class PerceptronSample
{
    /// <summary>The learning rate η of the rule w ← w + η(y − ŷ)x.</summary>
    public const double LearningRate = 0.1;

    /// <summary>Runs the sample.</summary>
    public static PerceptronResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Heading("Rosenblatt's perceptron: ŷ = heaviside(w·x + b), learning rule w ← w + η(y − ŷ)x, b ← b + η(y − ŷ)");
        var set = PointSet.Separable(context.Quick ? 40 : 100, context.Seed);
        var perceptron = new Nn.Perceptron(2, PerceptronActivation.Heaviside, LearningRate, new Random(context.Seed));
        var (epochs, converged) = perceptron.Fit(set.Features(), Tensor.FromArray(set.Labels), maxEpochs: 1000);
        var sign = new Nn.Perceptron(2, PerceptronActivation.Sign, LearningRate, new Random(context.Seed));
        var (signEpochs, signConverged) = sign.Fit(set.Features(), Tensor.FromArray(set.SignLabels()), maxEpochs: 1000);

        context.Line($"{set.X.Length} points on either side of the line y = 0.8x + 0.5 (none closer than {PointSet.Margin}): linearly separable.");
        context.Line("Weights and bias start uniform in [-0.5, 0.5] (seeded); points are visited in a fixed order.");
        var table = new ResultTable("activation", "labels", "epochs", "converged", "w₁", "w₂", "b");
        table.Add("heaviside", "0 / 1", epochs, converged ? "yes" : "no", perceptron.Weights[0], perceptron.Weights[1], perceptron.Bias);
        table.Add("sign", "−1 / +1", signEpochs, signConverged ? "yes" : "no", sign.Weights[0], sign.Weights[1], sign.Bias);
        context.Show(table);
        context.Line("Converged means a whole epoch without a mistake: the perceptron convergence theorem guarantees it for");
        context.Line("any separable set, after at most (R/γ)² mistakes (R the largest |x|, γ the margin).");
        PlotBoundary(context, set, perceptron, "perceptron-separable.png",
            $"Separable set: learned boundary after {epochs} epochs");

        context.Heading("XOR: no line separates it, so the rule never stops");
        var xor = new Nn.Perceptron(2, PerceptronActivation.Heaviside, LearningRate, new Random(context.Seed));
        var maxEpochs = context.Quick ? 100 : 1000;
        var mistakes = new List<int>();
        var weights = new List<(double W1, double W2, double B)>();
        var bestAccuracy = 0.0;
        for (var epoch = 0; epoch < maxEpochs; epoch++)
        {
            var wrong = 0;
            for (var i = 0; i < PointSet.Xor.X.Length; i++)
            {
                wrong += xor.Learn(PointSet.Xor.X[i], PointSet.Xor.Labels[i]) ? 1 : 0;
            }

            mistakes.Add(wrong);
            weights.Add((xor.Weights[0], xor.Weights[1], xor.Bias));
            var correct = Enumerable.Range(0, 4).Count(i => xor.Predict(PointSet.Xor.X[i]) == PointSet.Xor.Labels[i]);
            bestAccuracy = Math.Max(bestAccuracy, correct / 4.0);
        }

        var xorConverged = mistakes.Contains(0);
        var truth = new ResultTable("x₁", "x₂", "XOR", "perceptron after the last epoch");
        for (var i = 0; i < 4; i++)
        {
            truth.Add(PointSet.Xor.X[i][0], PointSet.Xor.X[i][1], PointSet.Xor.Labels[i], xor.Predict(PointSet.Xor.X[i]));
        }

        context.Show(truth);
        var cycle = new ResultTable("epoch", "mistakes", "w₁", "w₂", "b");
        foreach (var epoch in Enumerable.Range(0, 8).Append(maxEpochs - 1))
        {
            cycle.Add(epoch + 1, mistakes[epoch], weights[epoch].W1, weights[epoch].W2, weights[epoch].B);
        }

        context.Show(cycle);
        context.Line($"Converged: {(xorConverged ? "yes" : "no")}. Best accuracy after any epoch: {bestAccuracy * 100:0}% — a line gets at most 3 of 4.");
        var repeatsFrom = Enumerable.Range(1, weights.Count - 1).FirstOrDefault(e => weights.Skip(e).All(w => w == weights[e]));
        context.Line(repeatsFrom > 0
            ? $"From epoch {repeatsFrom + 1} on, every epoch ends with the same weights: the rule cycles forever."
            : "The weights never settle.");
        context.Line("One line cannot do it; two lines (a hidden layer) can: see samples/Xor.");
        PlotXor(context, weights.Take(6).ToArray());
        return new PerceptronResult(epochs, converged, signEpochs, signConverged, xorConverged, mistakes, bestAccuracy);
    }

    private static void PlotBoundary(SampleContext context, PointSet set, Nn.Perceptron perceptron, string file,
        string title)
    {
        var chart = new Chart(title, "x₁", "x₂");
        var ones = Enumerable.Range(0, set.X.Length).Where(i => set.Labels[i] == 1).ToArray();
        var zeros = Enumerable.Range(0, set.X.Length).Where(i => set.Labels[i] == 0).ToArray();
        chart.Points("label 1", ones.Select(i => set.X[i][0]).ToArray(), ones.Select(i => set.X[i][1]).ToArray(), 8);
        chart.Points("label 0", zeros.Select(i => set.X[i][0]).ToArray(), zeros.Select(i => set.X[i][1]).ToArray(), 8,
            ScottPlot.MarkerShape.FilledSquare);
        var min = set.X.Min(p => Math.Min(p[0], p[1])) - 0.5;
        var max = set.X.Max(p => Math.Max(p[0], p[1])) + 0.5;
        double[] ends = [min, max];
        AddBoundary(chart, "learned: w·x + b = 0", (perceptron.Weights[0], perceptron.Weights[1], perceptron.Bias), min, max);
        chart.Line("true line y = 0.8x + 0.5", ends, ends.Select(x => 0.8 * x + 0.5).ToArray(), dashed: true);
        chart.Plot.Axes.SetLimits(min, max, min, max);
        chart.Save(context, file, 640, 560);
    }

    private static void PlotXor(SampleContext context, (double W1, double W2, double B)[] epochs)
    {
        var chart = new Chart("XOR: the boundary after each of the first epochs", "x₁", "x₂").LegendOutside();
        chart.Points("XOR = 1", [0.0, 1.0], [1.0, 0.0], 12);
        chart.Points("XOR = 0", [0.0, 1.0], [0.0, 1.0], 12, ScottPlot.MarkerShape.FilledSquare);
        for (var e = 0; e < epochs.Length; e++)
        {
            AddBoundary(chart, $"after epoch {e + 1}", epochs[e], -0.5, 1.5);
        }

        chart.Plot.Axes.SetLimits(-0.5, 1.5, -0.5, 1.5);
        chart.Save(context, "perceptron-xor.png", 760, 560);
    }

    // The line w₁x₁ + w₂x₂ + b = 0 across [min, max]; vertical when w₂ = 0, nothing when w = 0.
    private static void AddBoundary(Chart chart, string label, (double W1, double W2, double B) line, double min, double max)
    {
        var (w1, w2, b) = line;
        if (Math.Abs(w2) > 1e-12)
        {
            double[] ends = [min, max];
            chart.Line(label, ends, ends.Select(x => -(w1 * x + b) / w2).ToArray());
        }
        else if (Math.Abs(w1) > 1e-12)
        {
            chart.Line(label, [-b / w1, -b / w1], [min, max]);
        }
    }
}
