using System.Reflection;
using Google.Protobuf;
using Onnx;

namespace Leibniz.Nn;

/// <summary>
/// Writes a model as an ONNX file that ONNX Runtime (and every other ONNX engine) can serve: float32, one input and
/// one output of shape [batch, features] with a dynamic batch dimension, opset <see cref="Opset"/>. See docs/onnx.md.
/// </summary>
public static class OnnxExport
{
    /// <summary>The ONNX operator set the exported graphs use (default domain).</summary>
    public const int Opset = 17;

    /// <summary>The ONNX IR version written (the first that allows opset 17).</summary>
    public const int IrVersion = 8;

    /// <summary>
    /// Writes <paramref name="model"/> — a <see cref="Linear"/>, a built-in activation, or a <see cref="Sequential"/>
    /// of them (nested ones included) — to <paramref name="path"/>. The file is written next to its destination and
    /// then moved over it, so an interrupted export never leaves a half-written file under that name.
    /// </summary>
    /// <param name="model">The model; its parameters are written as float32 (Float64 ones are rounded).</param>
    /// <param name="path">The destination file; replaced if it exists.</param>
    /// <param name="options">Names and optional baked-in pre- and post-processing.</param>
    /// <exception cref="NotSupportedException">A module has no ONNX counterpart here; the message names its type and position.</exception>
    /// <exception cref="ArgumentException">The model has no <see cref="Linear"/> layer, its layer sizes do not chain, or the options do not fit it.</exception>
    public static void ExportOnnx(this Module model, string path, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ToModelProto(model, options ?? new OnnxExportOptions()).ToByteArray();
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>Writes <paramref name="model"/> as ONNX to <paramref name="stream"/>; see <see cref="ExportOnnx(Module, string, OnnxExportOptions?)"/>.</summary>
    /// <param name="model">The model.</param>
    /// <param name="stream">A writable stream; it is not closed.</param>
    /// <param name="options">Names and optional baked-in pre- and post-processing.</param>
    /// <exception cref="NotSupportedException">A module has no ONNX counterpart here; the message names its type and position.</exception>
    /// <exception cref="ArgumentException">The model has no <see cref="Linear"/> layer, its layer sizes do not chain, or the options do not fit it.</exception>
    public static void ExportOnnx(this Module model, Stream stream, OnnxExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite)
        {
            throw new ArgumentException("The stream is not writable.", nameof(stream));
        }

        ToModelProto(model, options ?? new OnnxExportOptions()).WriteTo(stream);
    }

    private static ModelProto ToModelProto(Module model, OnnxExportOptions options)
    {
        CheckNames(options);
        var layers = OnnxModuleWriter.Flatten(model);
        var (inputs, outputs) = OnnxModuleWriter.FeatureCounts(layers);
        CheckColumns(options.MissingValues?.Means.Length, inputs, nameof(options.MissingValues), "input features");
        CheckColumns(options.Features?.ColumnCount, inputs, nameof(options.Features), "input features");
        CheckColumns(options.Targets?.ColumnCount, outputs, nameof(options.Targets), "outputs");

        var graph = new OnnxGraphBuilder("Leibniz.Nn", options.InputName, options.OutputName);
        graph.Graph.Input.Add(OnnxGraphBuilder.Matrix(options.InputName, options.BatchDimension, inputs));
        var x = options.InputName;
        if (options.MissingValues is { } imputer)
        {
            var means = graph.Initializer("missing_values.means", imputer.Means, inputs);
            var isNaN = graph.Node("IsNaN", "missing_values.is_nan", [x]);
            x = graph.Node("Where", "missing_values.fill", [isNaN, means, x]);
        }

        if (options.Features is { } features)
        {
            x = graph.Node("Sub", "features.center", [x, graph.Initializer("features.means", features.Means, inputs)]);
            x = graph.Node("Div", "features.scale", [x, graph.Initializer("features.scales", features.Scales, inputs)]);
        }

        foreach (var (position, layer) in layers)
        {
            x = OnnxModuleWriter.Write(graph, position, layer, x);
        }

        if (options.Targets is { } targets)
        {
            x = graph.Node("Mul", "targets.scale", [x, graph.Initializer("targets.scales", targets.Scales, outputs)]);
            x = graph.Node("Add", "targets.shift", [x, graph.Initializer("targets.means", targets.Means, outputs)]);
        }

        NameOutput(graph, x, options.InputName, options.OutputName);
        graph.Graph.Output.Add(OnnxGraphBuilder.Matrix(options.OutputName, options.BatchDimension, outputs));

        var result = new ModelProto
        {
            IrVersion = IrVersion,
            ProducerName = "Leibniz.Nn",
            ProducerVersion = typeof(OnnxExport).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "",
            Graph = graph.Graph,
        };
        result.OpsetImport.Add(new OperatorSetIdProto { Domain = "", Version = Opset });
        foreach (var (key, value) in options.Metadata ?? new Dictionary<string, string>())
        {
            result.MetadataProps.Add(new StringStringEntryProto { Key = key, Value = value });
        }

        return result;
    }

    /// <summary>Renames the last node's output to the graph's output name (an Identity when no node was written).</summary>
    private static void NameOutput(OnnxGraphBuilder graph, string last, string inputName, string outputName)
    {
        var nodes = graph.Graph.Node;
        if (last == inputName)
        {
            var identity = new NodeProto { OpType = "Identity", Name = "identity" };
            identity.Input.Add(last);
            identity.Output.Add(outputName);
            nodes.Add(identity);
            return;
        }

        nodes[^1].Output[0] = outputName;
    }

    private static void CheckNames(OnnxExportOptions options)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(options.InputName, "options.InputName");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.OutputName, "options.OutputName");
        ArgumentException.ThrowIfNullOrWhiteSpace(options.BatchDimension, "options.BatchDimension");
        if (options.InputName == options.OutputName)
        {
            throw new ArgumentException($"The input and the output are both named '{options.InputName}'; ONNX needs two names.", "options");
        }
    }

    private static void CheckColumns(int? columns, long expected, string option, string what)
    {
        if (columns is { } count && count != expected)
        {
            throw new ArgumentException($"options.{option} has {count} columns but the model has {expected} {what}.", "options");
        }
    }
}
