using Leibniz.Nn;

namespace Leibniz.Samples.HousingPrices;

/// <summary>How a model did on the held-out test rows, in the target's own units.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="RSquared">The share of the target's variance explained.</param>
/// <param name="Epochs">Epochs trained (early stopping may end sooner).</param>
public sealed record ModelOutcome(string Model, double Rmse, double Mae, double RSquared, int Epochs);

/// <summary>What the sample measured.</summary>
/// <param name="Rows">Rows loaded.</param>
/// <param name="Features">Features after one-hot encoding.</param>
/// <param name="Baseline">The linear regression.</param>
/// <param name="Mlp">The MLP.</param>
public sealed record HousingPricesResult(int Rows, int Features, ModelOutcome Baseline, ModelOutcome Mlp);

/// <summary>The lecture's exercise 3: predict house prices, against a linear baseline trained the same way.</summary>
public static class HousingPricesSample
{
    /// <summary>The sample's own options, for the usage line.</summary>
    public const string Usage = "[--data <file.csv>] [--target <column>] [--categorical <column>[,<column>…]] [--export <model.onnx>]";

    /// <summary>The target column of the California housing data.</summary>
    public const string DefaultTarget = "median_house_value";

    /// <summary>Runs the sample.</summary>
    public static HousingPricesResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var defaultData = Path.GetFullPath(Path.Combine(SampleDirectory.Of(typeof(HousingPricesSample).Assembly), "..", "data",
            "california_housing.csv"));
        var path = context.Options.Get("data", defaultData);
        var target = context.Options.Get("target", DefaultTarget);
        var categorical = context.Options.Find("categorical")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
        var data = HousingData.Load(path, target, categorical, context.Seed, context.Quick ? 4000 : null);
        var epochs = context.Quick ? 6 : 60;

        context.Heading($"Predicting '{target}' from {Path.GetFileName(path)}");
        string[] encoded = [.. categorical, .. data.Source.InferredCategoricalColumns];
        context.Line($"{data.Source.Count} rows, {data.Source.FeatureCount} features" +
                     (encoded.Length > 0 ? $" (text column{(encoded.Length > 1 ? "s" : "")} {string.Join(", ", encoded)} one-hot encoded)" : "") +
                     $"; blank fields filled with training means.");
        if (data.Source.InferredCategoricalColumns.Count > 0)
        {
            context.Line($"Recognised as text, no --categorical needed: {string.Join(", ", data.Source.InferredCategoricalColumns)}.");
        }

        context.Line($"Split 80/10/10 (seed {context.Seed}): {data.Train.Count} training, {data.Validation.Count} validation, {data.Test.Count} test rows.");
        context.Line("Features and target standardized with training statistics only. Both models: MSE, Adam lr 3e-3, batch 64,");
        context.Line($"up to {epochs} epochs, early stopping on the validation loss (patience 8, best weights restored).");

        var features = data.Train.FeatureCount;
        var random = new Random(context.Seed);
        var baseline = new Sequential(new Linear(features, 1, random: random));
        var mlp = new Sequential(
            new Linear(features, 64, random: random), new ReLU(),
            new Linear(64, 64, random: random), new ReLU(),
            new Linear(64, 1, random: random));
        var baselineOutcome = Train(context, "linear regression", baseline, data, epochs, out var baselinePredictions);
        var mlpOutcome = Train(context, $"MLP {features}-64-64-1 (ReLU)", mlp, data, epochs, out var mlpPredictions);

        var actual = Actual(data);
        var meanPredictor = Metrics("predict the training mean", Enumerable.Repeat((double)data.Targets.Means[0], actual.Length).ToArray(), actual, 0);
        var table = new ResultTable("model on the test rows", "RMSE", "MAE", "R²", "epochs");
        foreach (var o in new[] { meanPredictor, baselineOutcome, mlpOutcome })
        {
            table.Add(o.Model, o.Rmse, o.Mae, o.RSquared, o.Epochs == 0 ? "" : o.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        context.Show(table);
        context.Line($"The MLP explains {mlpOutcome.RSquared * 100:0.#}% of the variance of held-out prices, the linear model {baselineOutcome.RSquared * 100:0.#}%;");
        context.Line($"its typical error (MAE) is {ResultTable.Num(mlpOutcome.Mae)} against {ResultTable.Num(baselineOutcome.Mae)}.");
        if (target == DefaultTarget)
        {
            context.Line("Prices in this data set are capped at 500,001: the vertical stripe at the right of the plot.");
        }

        new Chart($"Test rows: predicted against actual {target}", "actual", "predicted")
            .Points("linear regression", actual, baselinePredictions, 3)
            .Points("MLP", actual, mlpPredictions, 3)
            .Line("perfect prediction", [actual.Min(), actual.Max()], [actual.Min(), actual.Max()], dashed: true)
            .Save(context, "housing-predicted-vs-actual.png", 700, 600);
        if (context.Options.Find("export") is { } exportPath)
        {
            HousingExport.Write(context, mlp, data, exportPath);
        }

        return new HousingPricesResult(data.Source.Count, features, baselineOutcome, mlpOutcome);
    }

    private static ModelOutcome Train(SampleContext context, string name, Module model, HousingData data, int epochs,
        out double[] predictions)
    {
        var trainer = new Trainer(model, new MSELoss(), new Adam(model.Parameters(), 3e-3));
        var validation = new DataLoader(data.Validation, 1024, shuffle: false);
        var history = context.Train(name, epochs, progress => trainer.Fit(new DataLoader(data.Train, 64, seed: context.Seed),
            epochs, validation, new TrainingOptions
            {
                Seed = context.Seed,
                EarlyStopping = new EarlyStopping { Patience = 8 },
                OnEpoch = report => progress.Report(report.Epoch, report.TrainLoss,
                    $"validation {ResultTable.Num(report.ValidationLoss ?? double.NaN)}"),
            }));
        predictions = Predict(model, data);
        return Metrics(name, predictions, Actual(data), history.Epochs.Count);
    }

    private static double[] Predict(Module model, HousingData data)
    {
        model.Eval();
        float[] standardized;
        using (Tensor.NoGrad())
        {
            var x = Tensor.FromArray(data.Test.Features.ToArray(), data.Test.Count, data.Test.FeatureCount);
            standardized = model.Forward(x).ToArray().Select(v => (float)v).ToArray();
        }

        var values = new float[standardized.Length];
        data.Targets.InverseTransform(standardized, values);
        return values.Select(v => (double)v).ToArray();
    }

    private static double[] Actual(HousingData data)
    {
        var values = new float[data.Test.Count];
        data.Targets.InverseTransform(data.Test.Targets, values);
        return values.Select(v => (double)v).ToArray();
    }

    private static ModelOutcome Metrics(string name, double[] predicted, double[] actual, int epochs)
    {
        var mean = actual.Average();
        double sse = 0, sae = 0, sst = 0;
        for (var i = 0; i < actual.Length; i++)
        {
            sse += (predicted[i] - actual[i]) * (predicted[i] - actual[i]);
            sae += Math.Abs(predicted[i] - actual[i]);
            sst += (actual[i] - mean) * (actual[i] - mean);
        }

        return new ModelOutcome(name, Math.Sqrt(sse / actual.Length), sae / actual.Length, 1 - sse / sst, epochs);
    }
}
