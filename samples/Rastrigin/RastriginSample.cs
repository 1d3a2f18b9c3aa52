using Leibniz.Nn;

namespace Leibniz.Samples.Rastrigin;

/// <summary>What the sample measured in one region.</summary>
/// <param name="Region">Where.</param>
/// <param name="Metrics">The network's errors there.</param>
public sealed record RegionOutcome(Region Region, RegressionMetrics Metrics);

/// <summary>What the sample measured.</summary>
/// <param name="Regions">Inside the training square first, then the rings outside it.</param>
/// <param name="Epochs">The epochs trained.</param>
/// <param name="FinalTrainLoss">The last epoch's training loss (MSE on standardized targets).</param>
public sealed record RastriginResult(IReadOnlyList<RegionOutcome> Regions, int Epochs, double FinalTrainLoss);

/// <summary>
/// The lecture's exercise 1: fit Rastrigin's function on [-5.12, 5.12]² with an MLP, then ask how it behaves
/// outside the training interval.
/// </summary>
public static class RastriginSample
{
    /// <summary>Hidden units per layer (change with --width).</summary>
    public const int Width = 64;

    /// <summary>Adam's learning rate at the start of the cosine schedule.</summary>
    public const double PeakLearningRate = 2e-2;

    /// <summary>Runs the sample.</summary>
    public static RastriginResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = new Random(context.Seed);
        var trainCount = context.Quick ? 4000 : 16000;
        var epochs = PositiveOption(context, "epochs", context.Quick ? 8 : 30);
        var width = PositiveOption(context, "width", context.Quick ? 32 : Width);

        var trainPoints = Region.All[0].Sample(trainCount, random);
        var trainValues = Evaluate(trainPoints);
        var mean = trainValues.Average();
        var scale = Math.Sqrt(trainValues.Average(v => (v - mean) * (v - mean)));
        var targets = trainValues.Select(v => (v - mean) / scale).ToArray();

        var model = new Sequential(
            new Linear(2, width, random: random), new Tanh(),
            new Linear(width, width, random: random), new Tanh(),
            new Linear(width, width, random: random), new Tanh(),
            new Linear(width, 1, random: random));
        context.Heading("Fitting f(x, y) = 20 + (x² − 10 cos 2πx) + (y² − 10 cos 2πy) on [-5.12, 5.12]²");
        context.Line($"{trainCount} random points of the square; targets standardized (mean {ResultTable.Num(mean)}, std {ResultTable.Num(scale)}).");
        context.Line($"MLP 2-{width}-{width}-{width}-1 with tanh ({model.ParameterCount()} parameters), MSE, Adam (lr 2e-2 decaying");
        context.Line($"to 1e-4 on a cosine), batch 64, {epochs} epochs. Inputs are divided by 5.12, so the square maps to [-1, 1]².");

        var loader = new DataLoader(Tensor.FromArray(Scaled(trainPoints), trainCount, 2), Tensor.FromArray(targets, trainCount, 1),
            batchSize: 64, shuffle: true, seed: context.Seed);
        var optimizer = new Adam(model.Parameters(), learningRate: PeakLearningRate);
        var trainer = new Trainer(model, new MSELoss(), optimizer);
        var history = context.Train("training", epochs, progress => trainer.Fit(loader, epochs, options: new TrainingOptions
        {
            Seed = context.Seed,
            OnEpoch = report =>
            {
                optimizer.LearningRate = LearningRate(report.Epoch, epochs);
                progress.Report(report.Epoch, report.TrainLoss);
            },
        }));

        Func<double[], double[]> predict = points => Predict(model, points).Select(v => v * scale + mean).ToArray();
        var testRandom = new Random(context.Seed + 1);
        var outcomes = Region.All
            .Select(region =>
            {
                var points = region.Sample(context.Quick ? 2000 : 10000, testRandom);
                return new RegionOutcome(region, RegressionMetrics.Of(predict(points), Evaluate(points)));
            })
            .ToArray();

        var table = new ResultTable("test region", "RMSE", "MAE", "R²", "mean of f there", "RMSE vs inside");
        foreach (var o in outcomes)
        {
            table.Add(o.Region.Name, o.Metrics.Rmse, o.Metrics.Mae, o.Metrics.RSquared, o.Metrics.TruthMean,
                $"{o.Metrics.Rmse / outcomes[0].Metrics.Rmse:0.#}×");
        }

        context.Show(table);
        Answer(context, outcomes);
        Plot(context, predict);
        return new RastriginResult(outcomes, history.Epochs.Count, history.FinalTrainLoss);
    }

    /// <summary>The network sees inputs divided by the domain's half-width, so the square maps to [-1, 1]².</summary>
    private static double[] Scaled(double[] points) => points.Select(v => v / RastriginFunction.Domain).ToArray();

    // Cosine decay from the peak to 1e-4: large steps find the bowl, small ones fit the ripples.
    private static double LearningRate(int epoch, int epochs) =>
        1e-4 + 0.5 * (PeakLearningRate - 1e-4) * (1 + Math.Cos(Math.PI * epoch / epochs));

    private static int PositiveOption(SampleContext context, string name, int fallback)
    {
        var text = context.Options.Find(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var value) && value > 0
            ? value
            : throw new SampleInputException($"--{name} needs a positive integer, not '{text}'.");
    }

    private static double[] Evaluate(double[] points)
    {
        var values = new double[points.Length / 2];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = RastriginFunction.Value(points[2 * i], points[2 * i + 1]);
        }

        return values;
    }

    private static double[] Predict(Module model, double[] points)
    {
        model.Eval();
        using (Tensor.NoGrad())
        {
            return model.Forward(Tensor.FromArray(Scaled(points), points.Length / 2, 2)).ToArray();
        }
    }

    private static void Answer(SampleContext context, RegionOutcome[] outcomes)
    {
        var inside = outcomes[0].Metrics;
        var ring1 = outcomes[1].Metrics;
        var ring2 = outcomes[2].Metrics;
        context.Line();
        context.Line("How does it work outside the training interval?");
        context.Line($"  Inside the square the network explains {inside.RSquared * 100:0.#}% of the variance (RMSE {ResultTable.Num(inside.Rmse)},");
        context.Line($"  where f averages {ResultTable.Num(inside.TruthMean)}). Just outside, up to ±7.68, the RMSE is {ResultTable.Num(ring1.Rmse)}: {ring1.Rmse / inside.Rmse:0}× larger,");
        context.Line($"  and up to ±10.24 it is {ResultTable.Num(ring2.Rmse)} (R² {ResultTable.Num(ring2.RSquared)}: worse than predicting the mean).");
        context.Line("  The network never saw those points. Its tanh units saturate, so it continues the edge of the square");
        context.Line("  roughly as a constant, while Rastrigin keeps growing like x² + y² and keeps its ripples. A network");
        context.Line("  interpolates where it has data; it does not discover the formula, and it does not extrapolate.");
    }

    private static void Plot(SampleContext context, Func<double[], double[]> predict)
    {
        var n = context.Quick ? 60 : 200;
        var extent = 2 * RastriginFunction.Domain;
        var truth = HeatmapChart.Sample(RastriginFunction.Value, -extent, extent, n);
        var points = new double[2 * n * n];
        var cell = 2 * extent / n;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                points[2 * (row * n + col)] = -extent + (col + 0.5) * cell;
                points[2 * (row * n + col) + 1] = extent - (row + 0.5) * cell;
            }
        }

        var flat = predict(points);
        var prediction = new double[n, n];
        var error = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                prediction[row, col] = flat[row * n + col];
                error[row, col] = Math.Abs(flat[row * n + col] - truth[row, col]);
            }
        }

        var xs = Enumerable.Range(0, 801).Select(i => -extent + i * 2 * extent / 800).ToArray();
        var slice = predict(xs.SelectMany(x => new[] { x, 0.0 }).ToArray());
        var chart = new Chart("Slice y = 0: the network against f, inside and outside the training interval", "x", "f(x, 0)")
            .Line("f(x, 0)", xs, xs.Select(x => RastriginFunction.Value(x, 0)).ToArray())
            .Line("MLP", xs, slice);
        chart.Plot.Add.VerticalLine(-RastriginFunction.Domain, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        chart.Plot.Add.VerticalLine(RastriginFunction.Domain, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        chart.Save(context, "rastrigin-slice.png", 900, 450);

        var range = new ScottPlot.Range(0, truth.Cast<double>().Max());
        HeatmapChart.Save(context, "rastrigin-truth.png", "Rastrigin f(x, y) (dashed: training square)", truth, -extent, extent,
            "f", range, RastriginFunction.Domain);
        HeatmapChart.Save(context, "rastrigin-prediction.png", "MLP prediction", prediction, -extent, extent, "prediction",
            range, RastriginFunction.Domain);
        HeatmapChart.Save(context, "rastrigin-error.png", "|prediction − f|", error, -extent, extent, "absolute error",
            null, RastriginFunction.Domain);
    }
}
