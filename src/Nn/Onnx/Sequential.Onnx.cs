using Google.Protobuf;

namespace Leibniz.Nn;

/// <content>Reading a network from an ONNX file.</content>
public sealed partial class Sequential
{
    /// <summary>
    /// Reads a feed-forward network from an ONNX file — one written by <see cref="OnnxExport.ExportOnnx(Module, string, OnnxExportOptions?)"/>
    /// or by <c>torch.onnx.export</c> of a <c>torch.nn.Sequential</c> of <c>Linear</c> layers and supported activations —
    /// into float32 layers. See docs/onnx.md for the operators and patterns it reads.
    /// </summary>
    /// <param name="path">The .onnx file.</param>
    /// <returns>The network, its parameters copied from the file.</returns>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OnnxFormatException">The file is not an ONNX model, or a node is not part of a supported layer; the message names the file and the node.</exception>
    public static Sequential FromOnnx(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The ONNX file '{fullPath}' does not exist.", fullPath);
        }

        using var stream = File.OpenRead(fullPath);
        return FromOnnx(stream, fullPath);
    }

    /// <summary>Reads a feed-forward network from ONNX bytes; see <see cref="FromOnnx(string)"/>.</summary>
    /// <param name="stream">A readable stream positioned at the model; it is not closed.</param>
    /// <param name="sourceName">The name used in error messages (e.g. the file or URL it came from).</param>
    /// <exception cref="OnnxFormatException">The bytes are not an ONNX model, or a node is not part of a supported layer.</exception>
    public static Sequential FromOnnx(Stream stream, string sourceName = "ONNX stream")
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentException.ThrowIfNullOrWhiteSpace(sourceName);
        Onnx.ModelProto model;
        try
        {
            model = Onnx.ModelProto.Parser.ParseFrom(stream);
        }
        catch (InvalidProtocolBufferException error)
        {
            throw new OnnxFormatException(sourceName, null, null, $"not an ONNX model ({error.Message}).", error);
        }

        return OnnxGraphReader.Read(model, sourceName);
    }
}
