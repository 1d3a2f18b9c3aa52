using Leibniz.Nn;
using Leibniz.Samples.Rastrigin;
using Leibniz.Symbolic;

namespace Leibniz.Samples.Distill;

/// <summary>Part 1's result.</summary>
/// <param name="Regions">The training square and the rings around it.</param>
/// <param name="Network">The network's errors by region.</param>
/// <param name="Formula">The distilled formula's errors by region.</param>
/// <param name="Distilled">The formula fitted to the network's predictions.</param>
/// <param name="Model">The same structure refitted on the raw training data: the emitted formula.</param>
public sealed record RastriginOutcome(IReadOnlyList<Region> Regions, IReadOnlyList<RegressionMetrics> Network,
    IReadOnlyList<RegressionMetrics> Formula, SymbolicModel Distilled, SymbolicModel Model);

/// <summary>
/// Part 1: train the Rastrigin sample's network, distill it into a formula (constants refitted on the raw data), and
/// compare both outside the training square, where the network fails.
/// </summary>
public static class RastriginPart
{
    /// <summary>Runs the part.</summary>
    public static RastriginOutcome Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var random = new Random(context.Seed);
        var count = context.Quick ? 2000 : 16000;
        var epochs = context.Quick ? 4 : 30;
        var width = context.Quick ? 32 : RastriginSample.Width;
        context.Heading("Part 1: distill the Rastrigin network back into its formula");
        var points = Region.All[0].Sample(count, random);
        var truth = Evaluate(points);
        var network = Train(context, points, truth, width, epochs);

        var functions = FunctionSet.Of(Symbol.Add, Symbol.Sub, Symbol.Mul, Symbol.Cos);
        var rawRows = Enumerable.Range(0, Math.Min(count, 2000)).ToArray();
        var raw = RegressionData.FromRows(["x", "y"], points.AsSpan(0, 2 * rawRows.Length), truth[..rawRows.Length]);
        var d = RastriginFunction.Domain;
        context.Line($"Distilling: 1,000 points of the network's predictions on [-{d}, {d}]², functions {functions}, then the");
        context.Line($"structure's constants refitted on {raw.Rows} raw training points.");
        var result = Distiller.Distill(network, ["x", "y"], [-d, -d], [d, d], new DistillOptions
        {
            Samples = 1000,
            SamplingSeed = context.Seed,
            RawData = raw,
            Search = DistillSample.Search(context, 20) with { Functions = functions },
        });
        DistillSample.ShowFront(context, result.Regression);
        context.Line($"Distilled from the network: f = {result.Regression.Chosen.ToMath()}");
        context.Line($"Refitted on the raw data:   f = {result.Model.ToMath()}");

        var testRandom = new Random(context.Seed + 1);
        var networkMetrics = new List<RegressionMetrics>();
        var formulaMetrics = new List<RegressionMetrics>();
        var table = new ResultTable("test region", "network R²", "formula R²", "network RMSE", "formula RMSE");
        foreach (var region in Region.All)
        {
            var test = region.Sample(context.Quick ? 1000 : 10000, testRandom);
            var values = Evaluate(test);
            var byNetwork = RegressionMetrics.Of(Predict(network, test), values);
            var byFormula = RegressionMetrics.Of(Predict(p => result.Model.Evaluate(p), test), values);
            networkMetrics.Add(byNetwork);
            formulaMetrics.Add(byFormula);
            table.Add(region.Name, byNetwork.RSquared, byFormula.RSquared, byNetwork.Rmse, byFormula.Rmse);
        }

        context.Show(table);
        context.Line("The network interpolates inside the square and fails outside it; the formula is the function, so it");
        context.Line("extrapolates as well as it interpolates — when the search found the right structure.");
        Plot(context, network, result.Model);
        DistillSample.Emit(context, result.Model, "RastriginDistilled.cs", "Distilled", "Rastrigin");
        return new RastriginOutcome(Region.All, networkMetrics, formulaMetrics, result.Regression.Chosen, result.Model);
    }

    private static Func<double[], double> Train(SampleContext context, double[] points, double[] truth, int width, int epochs)
    {
        var mean = truth.Average();
        var scale = Math.Sqrt(truth.Average(v => (v - mean) * (v - mean)));
        var random = new Random(context.Seed);
        var contender = Contender.Tanh;
        var model = contender.Build(width, random);
        var n = truth.Length;
        var loader = new DataLoader(Tensor.FromArray([.. points.Select(v => v / RastriginFunction.Domain)], n, 2),
            Tensor.FromArray([.. truth.Select(v => (v - mean) / scale)], n, 1), batchSize: 64, shuffle: true, seed: context.Seed);
        var optimizer = new Adam(model.Parameters(), learningRate: contender.PeakLearningRate);
        var trainer = new Trainer(model, new MSELoss(), optimizer);
        context.Line($"MLP 2-{width}-{width}-{width}-1 (tanh) trained as samples/Rastrigin does: {n} points, {epochs} epochs of Adam.");
        context.Train("training the network", epochs, progress => trainer.Fit(loader, epochs, options: new TrainingOptions
        {
            Seed = context.Seed,
            OnEpoch = report =>
            {
                optimizer.LearningRate = RastriginSample.LearningRate(contender.PeakLearningRate, report.Epoch, epochs);
                progress.Report(report.Epoch, report.TrainLoss);
            },
        }));
        var function = model.AsFunction(2);
        return p => function([p[0] / RastriginFunction.Domain, p[1] / RastriginFunction.Domain]) * scale + mean;
    }

    private static double[] Evaluate(double[] points) =>
        [.. Enumerable.Range(0, points.Length / 2).Select(i => RastriginFunction.Value(points[2 * i], points[2 * i + 1]))];

    private static double[] Predict(Func<double[], double> f, double[] points) =>
        [.. Enumerable.Range(0, points.Length / 2).Select(i => f([points[2 * i], points[2 * i + 1]]))];

    private static void Plot(SampleContext context, Func<double[], double> network, SymbolicModel formula)
    {
        var extent = 2 * RastriginFunction.Domain;
        var xs = Enumerable.Range(0, 801).Select(i => -extent + i * 2 * extent / 800).ToArray();
        var chart = new Chart("Slice y = 0: the network and the distilled formula, inside and outside the training square", "x", "f(x, 0)")
            .Line("f(x, 0)", xs, [.. xs.Select(x => RastriginFunction.Value(x, 0))])
            .Line("MLP", xs, [.. xs.Select(x => network([x, 0]))])
            .Line("distilled formula", xs, [.. xs.Select(x => formula.Evaluate(x, 0))]);
        chart.Plot.Add.VerticalLine(-RastriginFunction.Domain, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        chart.Plot.Add.VerticalLine(RastriginFunction.Domain, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        chart.Save(context, "distill-slice.png", 900, 450);
    }
}
