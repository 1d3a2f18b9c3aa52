using Leibniz.Nn;

namespace Leibniz.Samples.HousingPrices;

/// <summary>
/// <c>--export model.onnx</c>: writes the trained MLP as ONNX with the data preparation baked in, so a server feeds
/// the raw feature columns and reads prices in the file's units (docs/onnx.md shows the serving code).
/// </summary>
public static class HousingExport
{
    /// <summary>The name of the exported graph's input, float32 [batch, features].</summary>
    public const string InputName = "input";

    /// <summary>The name of the exported graph's output, float32 [batch, 1].</summary>
    public const string OutputName = "output";

    /// <summary>Writes <paramref name="model"/> to <paramref name="path"/> and tells which columns it expects, in which order.</summary>
    /// <param name="context">Where to report.</param>
    /// <param name="model">The trained network (on standardized features and target).</param>
    /// <param name="data">The prepared data: its imputer and standardizers go into the graph.</param>
    /// <param name="path">The .onnx file to write.</param>
    public static void Write(SampleContext context, Module model, HousingData data, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(data);
        var features = data.Source.FeatureNames;
        var target = data.Source.TargetNames[0];
        model.ExportOnnx(path, new OnnxExportOptions
        {
            InputName = InputName,
            OutputName = OutputName,
            MissingValues = data.Imputer,
            Features = data.FeatureScaler,
            Targets = data.Targets,
            Metadata = new Dictionary<string, string>
            {
                ["feature_names"] = string.Join("\n", features),
                ["target_name"] = target,
            },
        });

        context.Line($"Wrote {path}: input '{InputName}' float32 [batch, {features.Count}], output '{OutputName}' [batch, 1].");
        context.Line("The graph fills blank (NaN) inputs with training means, standardizes them, runs the MLP and");
        context.Line($"returns {target} in the file's units. Feed raw columns in this order (metadata 'feature_names'):");
        foreach (var name in features)
        {
            context.Line("  " + name);
        }

        if (features.Any(f => f.Contains('=', StringComparison.Ordinal)))
        {
            context.Line("A 'column=value' feature is one-hot: 1 when the row's text is that value, else 0");
            context.Line("(all 0 for a value not seen in training).");
        }

        context.Line("Serving it with ONNX Runtime takes three lines of C#: see docs/onnx.md.");
    }
}
