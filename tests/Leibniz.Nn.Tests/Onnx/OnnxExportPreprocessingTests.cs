using Microsoft.ML.OnnxRuntime;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>Imputation and standardization baked into the graph: raw rows in, target units out.</summary>
public sealed class OnnxExportPreprocessingTests
{
    [Fact]
    public void TheGraphImputesStandardizesAndRestoresTargetUnitsAsTheTrainingPipelineDoes()
    {
        var random = new Random(9);
        const int rows = 40;
        const int features = 3;
        var raw = new float[rows * features];
        var targets = new float[rows];
        for (var i = 0; i < raw.Length; i++)
        {
            raw[i] = (float)(1000 * (i % features) + 50 * random.NextDouble());
        }

        raw[4] = float.NaN;
        raw[9] = float.NaN;
        for (var i = 0; i < rows; i++)
        {
            targets[i] = (float)(200_000 + 10_000 * random.NextDouble());
        }

        var data = new Dataset(raw, features, targets);
        var imputer = MeanImputer.Fit(data);
        var featureScaler = Standardizer.FitFeatures(imputer.Transform(data));
        var targetScaler = Standardizer.FitTargets(data);
        var model = new Sequential(new Linear(features, 8, random: random), new ReLU(), new Linear(8, 1, random: random));

        var prepared = imputer.Transform(data).Standardize(featureScaler);
        var standardized = OnnxRuntimeRunner.Forward(model, prepared.Features.ToArray(), rows);
        var expected = new float[rows];
        targetScaler.InverseTransform(standardized, expected);

        var options = new OnnxExportOptions { MissingValues = imputer, Features = featureScaler, Targets = targetScaler };
        using var session = new InferenceSession(OnnxRuntimeRunner.Export(model, options));
        var actual = OnnxRuntimeRunner.Run(session, raw, rows);
        var error = OnnxRuntimeRunner.MaxError(expected, actual);
        Assert.True(error <= OnnxRuntimeRunner.Tolerance, $"Differs by {error:E2} relative.");
    }

    [Fact]
    public void StatisticsOfTheWrongWidthAreRejected()
    {
        var data = new Dataset([1f, 2f, 3f, 4f], 2, [1f, 2f]);
        var model = new Linear(3, 1);
        var error = Assert.Throws<ArgumentException>(() =>
            OnnxRuntimeRunner.Export(model, new OnnxExportOptions { Features = Standardizer.FitFeatures(data) }));
        Assert.Contains("options.Features has 2 columns but the model has 3 input features", error.Message, StringComparison.Ordinal);
    }
}
