namespace Leibniz.Nn;

/// <summary>
/// Names and optional pre- and post-processing for <see cref="OnnxExport.ExportOnnx(Module, string, OnnxExportOptions?)"/>.
/// With <see cref="MissingValues"/>, <see cref="Features"/> and <see cref="Targets"/> the exported graph takes the raw
/// feature columns and returns predictions in the target's own units, so a server needs none of the training code.
/// </summary>
public sealed record OnnxExportOptions
{
    /// <summary>The name of the graph's input, a float32 [batch, features] tensor (default <c>input</c>).</summary>
    public string InputName { get; init; } = "input";

    /// <summary>The name of the graph's output, a float32 [batch, outputs] tensor (default <c>output</c>).</summary>
    public string OutputName { get; init; } = "output";

    /// <summary>The symbolic name of the dynamic first dimension of input and output (default <c>batch</c>).</summary>
    public string BatchDimension { get; init; } = "batch";

    /// <summary>
    /// When set, the graph first replaces NaN inputs by these training means (ONNX <c>IsNaN</c> and <c>Where</c>),
    /// as <see cref="MeanImputer.Transform"/> does.
    /// </summary>
    public MeanImputer? MissingValues { get; init; }

    /// <summary>When set, the graph standardizes its input as <see cref="Standardizer.Transform"/> does (ONNX <c>Sub</c> then <c>Div</c>).</summary>
    public Standardizer? Features { get; init; }

    /// <summary>
    /// When set, the graph turns the network's standardized output back into the target's units as
    /// <see cref="Standardizer.InverseTransform(ReadOnlySpan{float}, Span{float})"/> does (ONNX <c>Mul</c> then <c>Add</c>).
    /// </summary>
    public Standardizer? Targets { get; init; }

    /// <summary>
    /// Key–value pairs stored in the model's <c>metadata_props</c> (ONNX Runtime shows them as
    /// <c>session.ModelMetadata.CustomMetadataMap</c>), e.g. the feature column order a server must follow.
    /// </summary>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }
}
