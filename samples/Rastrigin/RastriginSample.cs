using System.Diagnostics;
using Leibniz.Nn;

namespace Leibniz.Samples.Rastrigin;

/// <summary>What the sample measured in one region.</summary>
/// <param name="Region">Where.</param>
/// <param name="Metrics">The network's errors there.</param>
public sealed record RegionOutcome(Region Region, RegressionMetrics Metrics);

/// <summary>What one network achieved.</summary>
/// <param name="Contender">Which network.</param>
/// <param name="Regions">Inside the training square first, then the rings outside it.</param>
/// <param name="FinalTrainLoss">The last epoch's training loss (MSE on standardized targets).</param>
/// <param name="TrainingTime">Wall time of the training loop.</param>
public sealed record NetworkOutcome(Contender Contender, IReadOnlyList<RegionOutcome> Regions, double FinalTrainLoss, TimeSpan TrainingTime);

/// <summary>What the sample measured.</summary>
/// <param name="Networks">One outcome per contender, in the order of <see cref="Contender.All"/>.</param>
/// <param name="Epochs">The epochs each network trained.</param>
public sealed record RastriginResult(IReadOnlyList<NetworkOutcome> Networks, int Epochs)
{
    /// <summary>The network with the highest R² inside the training square.</summary>
    public NetworkOutcome Best => Networks.MaxBy(n => n.Regions[0].Metrics.RSquared)!;
}

/// <summary>
/// The lecture's exercise 1: fit Rastrigin's function on [-5.12, 5.12]² with MLPs of one size and three
/// activations (tanh, ReLU, sine), then ask how each behaves outside the training interval.
/// </summary>
public static class RastriginSample
{
    /// <summary>Hidden units per layer (change with --width).</summary>
    public const int Width = 64;

    /// <summary>Mini-batch size.</summary>
    public const int BatchSize = 64;

    /// <summary>The learning rate at the end of the cosine schedule, as a fraction of the peak.</summary>
    public const double FinalLearningRateFraction = 0.005;

    /// <summary>Runs the sample.</summary>
    public static RastriginResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var trainCount = context.Quick ? 4000 : 16000;
        var epochs = PositiveOption(context, "epochs", context.Quick ? 8 : 30);
        var width = PositiveOption(context, "width", context.Quick ? 32 : Width);
        var contenders = Contenders(context);

        var trainPoints = Region.All[0].Sample(trainCount, new Random(context.Seed));
        var trainValues = Evaluate(trainPoints);
        var mean = trainValues.Average();
        var scale = Math.Sqrt(trainValues.Average(v => (v - mean) * (v - mean)));
        var targets = trainValues.Select(v => (v - mean) / scale).ToArray();
        var inputs = Tensor.FromArray(Scaled(trainPoints), trainCount, 2);
        var labels = Tensor.FromArray(targets, trainCount, 1);

        context.Heading("Fitting f(x, y) = 20 + (x² − 10 cos 2πx) + (y² − 10 cos 2πy) on [-5.12, 5.12]²");
        context.Line($"{trainCount} random points of the square; targets standardized (mean {ResultTable.Num(mean)}, std {ResultTable.Num(scale)}).");
        context.Line($"Three MLPs 2-{width}-{width}-{width}-1 on the same points and budget: MSE, batch {BatchSize}, {epochs} epochs, Adam with");
        context.Line($"each network's best peak learning rate from a small grid ({string.Join(", ", contenders.Select(c => $"{c.Name} {c.PeakLearningRate:0.####}"))}),");
        context.Line($"decaying on a cosine to {FinalLearningRateFraction:0.###} of it. Inputs are divided by 5.12,");
        context.Line("so the square maps to [-1, 1]². tanh and ReLU start from PyTorch's initialisation; sine is SIREN:");
        context.Line("sin(30·(Wx + b)) with W from U(±1/fan_in) in the first layer and U(±√(6/fan_in)/30) after it.");

        var testRandom = new Random(context.Seed + 1);
        var testSets = Region.All.Select(region => region.Sample(context.Quick ? 2000 : 10000, testRandom)).ToArray();
        var networks = new List<NetworkOutcome>();
        var predictors = new List<Func<double[], double[]>>();
        foreach (var contender in contenders)
        {
            var model = contender.Build(width, new Random(context.Seed));
            var loader = new DataLoader(inputs, labels, batchSize: BatchSize, shuffle: true, seed: context.Seed);
            var optimizer = new Adam(model.Parameters(), learningRate: contender.PeakLearningRate);
            var trainer = new Trainer(model, new MSELoss(), optimizer);
            var clock = Stopwatch.StartNew();
            var history = context.Train($"training {contender.Name}", epochs, progress => trainer.Fit(loader, epochs, options: new TrainingOptions
            {
                Seed = context.Seed,
                OnEpoch = report =>
                {
                    optimizer.LearningRate = LearningRate(contender.PeakLearningRate, report.Epoch, epochs);
                    progress.Report(report.Epoch, report.TrainLoss);
                },
            }));
            clock.Stop();

            Func<double[], double[]> predict = points => Predict(model, points).Select(v => v * scale + mean).ToArray();
            var regions = Region.All.Select((region, i) => new RegionOutcome(region, RegressionMetrics.Of(predict(testSets[i]), Evaluate(testSets[i])))).ToArray();
            networks.Add(new NetworkOutcome(contender, regions, history.FinalTrainLoss, clock.Elapsed));
            predictors.Add(predict);
        }

        var result = new RastriginResult(networks, epochs);
        Report(context, result);
        RastriginPlots.Save(context, result, predictors);
        return result;
    }

    /// <summary>The network sees inputs divided by the domain's half-width, so the square maps to [-1, 1]².</summary>
    private static double[] Scaled(double[] points) => points.Select(v => v / RastriginFunction.Domain).ToArray();

    /// <summary>
    /// Adam's learning rate after <paramref name="epoch"/> of <paramref name="epochs"/>: a cosine decay from
    /// <paramref name="peak"/> to <see cref="FinalLearningRateFraction"/> of it — large steps find the shape, small
    /// ones fit the ripples.
    /// </summary>
    public static double LearningRate(double peak, int epoch, int epochs)
    {
        var floor = FinalLearningRateFraction * peak;
        return floor + 0.5 * (peak - floor) * (1 + Math.Cos(Math.PI * epoch / epochs));
    }

    private static IReadOnlyList<Contender> Contenders(SampleContext context)
    {
        var name = context.Options.Find("activation");
        if (name is null)
        {
            return Contender.All;
        }

        var chosen = Contender.All.Where(c => c.Name.StartsWith(name, StringComparison.OrdinalIgnoreCase)).ToArray();
        return chosen.Length == 1
            ? chosen
            : throw new SampleInputException($"--activation needs one of tanh, relu, sine, not '{name}'.");
    }

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

    private static void Report(SampleContext context, RastriginResult result)
    {
        var networks = result.Networks;
        var table = new ResultTable(["test region", .. networks.Select(n => $"R² {n.Contender.Name}"), .. networks.Select(n => $"RMSE {n.Contender.Name}")]);
        for (var r = 0; r < Region.All.Count; r++)
        {
            table.Add([Region.All[r].Name, .. networks.Select(n => (object)n.Regions[r].Metrics.RSquared), .. networks.Select(n => (object)n.Regions[r].Metrics.Rmse)]);
        }

        context.Show(table);
        foreach (var n in networks)
        {
            context.Line($"  {n.Contender.Name,-5} final training loss {ResultTable.Num(n.FinalTrainLoss)}, trained in {n.TrainingTime.TotalSeconds:0.0} s");
        }

        Answer(context, result);
    }

    private static void Answer(SampleContext context, RastriginResult result)
    {
        var best = result.Best;
        var others = result.Networks.Where(n => n != best).ToArray();
        string Rmse(int region) => string.Join(", ", result.Networks.Select(n => $"{ResultTable.Num(n.Regions[region].Metrics.Rmse)} {n.Contender.Name}"));
        var inside = best.Regions[0].Metrics;
        var ring1 = best.Regions[1].Metrics;
        context.Line();
        context.Line("How does it work outside the training interval?");
        context.Line($"  Inside the square {best.Contender.Name} fits f best: R² {inside.RSquared:0.####}, RMSE {ResultTable.Num(inside.Rmse)}"
            + (others.Length == 0 ? "." : $" ({string.Join(", ", others.Select(n => $"{n.Contender.Name} {ResultTable.Num(n.Regions[0].Metrics.Rmse)}"))})."));
        context.Line($"  Outside, that ranking means nothing. Up to ±7.68 the RMSE is {Rmse(1)};");
        context.Line($"  up to ±10.24 it is {Rmse(2)}. {best.Contender.Name}'s error grows {ring1.Rmse / inside.Rmse:0}× one step outside,");
        context.Line(result.Networks.All(n => n.Regions.Skip(1).All(r => r.Metrics.RSquared < 0))
            ? "  and every R² out there is negative: worse than predicting the ring's own mean."
            : "  and no R² out there comes close to the one inside.");
        context.Line("  Each network continues the edge of the square its own way: tanh saturates to a constant, ReLU");
        context.Line("  continues as planes, sine keeps rippling at periods of its own. None follows the x² + y² bowl it never");
        context.Line("  saw rise. A better fit inside buys nothing outside: a network interpolates where it has data; it does");
        context.Line("  not discover the formula, and it does not extrapolate.");
    }
}
