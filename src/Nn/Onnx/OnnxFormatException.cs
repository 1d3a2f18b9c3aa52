namespace Leibniz.Nn;

/// <summary>
/// An ONNX file that <see cref="Sequential.FromOnnx(string)"/> cannot read: not an ONNX model, or a graph that is not
/// a chain of supported layers. The message names the file and, where there is one, the node (name and op type).
/// </summary>
public sealed class OnnxFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="source">The file (or the name given for a stream).</param>
    /// <param name="nodeName">The node's name, or <see langword="null"/> when the problem is not one node's.</param>
    /// <param name="opType">The node's operator, or <see langword="null"/>.</param>
    /// <param name="problem">What is wrong and what to do.</param>
    /// <param name="inner">The underlying exception, if any.</param>
    public OnnxFormatException(string source, string? nodeName, string? opType, string problem, Exception? inner = null)
        : base(nodeName is null ? $"{source}: {problem}" : $"{source}: node '{nodeName}' ({opType}): {problem}", inner)
    {
        FilePath = source;
        NodeName = nodeName;
        OpType = opType;
    }

    /// <summary>The file (or the name given for a stream).</summary>
    public string FilePath { get; }

    /// <summary>The node's name (<c>#index</c> for an unnamed node), or <see langword="null"/>.</summary>
    public string? NodeName { get; }

    /// <summary>The node's ONNX operator, or <see langword="null"/>.</summary>
    public string? OpType { get; }
}
