using Onnx;

namespace Leibniz.Nn;

/// <content>Float constants: initializers, Constant nodes, Transposes of constants.</content>
internal sealed partial class OnnxGraphReader
{
    private (long[] Dims, float[] Values) Constant(NodeProto node, string value, string role) =>
        _constants.TryGetValue(value, out var constant)
            ? constant
            : throw Unsupported(node, $"its {role} '{value}' is not a float constant (an initializer or a Constant node).");

    private float[] Bias(NodeProto node, string value, int outputs)
    {
        var (_, values) = Constant(node, value, "bias");
        if (values.Length == 1 && outputs > 1)
        {
            return [.. Enumerable.Repeat(values[0], outputs)];
        }

        return values.Length == outputs
            ? [.. values]
            : throw Unsupported(node, Invariant($"the bias has {values.Length} values for {outputs} outputs."));
    }

    /// <summary>Constant nodes and Transposes of constants become constants; returns whether the node was one.</summary>
    private bool FoldConstant(NodeProto node)
    {
        if (node.OpType == "Constant" && node.Attribute.FirstOrDefault(a => a.Name == "value") is { T: { } tensor }
            && Floats(tensor) is { } values)
        {
            _constants[node.Output[0]] = (tensor.Dims.ToArray(), values);
            return true;
        }

        if (node.OpType == "Constant" && node.Attribute.FirstOrDefault(a => a.Name == "value_float") is { } scalar)
        {
            _constants[node.Output[0]] = ([], [scalar.F]);
            return true;
        }

        if (node.OpType == "Transpose" && _constants.TryGetValue(node.Input[0], out var source) && source.Dims.Length == 2)
        {
            _constants[node.Output[0]] = ([source.Dims[1], source.Dims[0]], Transpose(source.Values, (int)source.Dims[0], (int)source.Dims[1]));
            return true;
        }

        return false;
    }

    private static float[]? Floats(TensorProto tensor)
    {
        var type = (TensorProto.Types.DataType)tensor.DataType;
        if (type == TensorProto.Types.DataType.Float)
        {
            return tensor.RawData.Length > 0 ? [.. ReadLittleEndian(tensor.RawData.Span, 4).Select(b => BitConverter.ToSingle(b))] : [.. tensor.FloatData];
        }

        if (type == TensorProto.Types.DataType.Double)
        {
            return tensor.RawData.Length > 0
                ? [.. ReadLittleEndian(tensor.RawData.Span, 8).Select(b => (float)BitConverter.ToDouble(b))]
                : [.. tensor.DoubleData.Select(d => (float)d)];
        }

        return null;
    }

    /// <summary>Splits raw_data (little-endian by the ONNX spec) into per-element byte arrays in machine order.</summary>
    private static List<byte[]> ReadLittleEndian(ReadOnlySpan<byte> raw, int size)
    {
        var elements = new List<byte[]>(raw.Length / size);
        for (var offset = 0; offset + size <= raw.Length; offset += size)
        {
            var bytes = raw.Slice(offset, size).ToArray();
            if (!BitConverter.IsLittleEndian)
            {
                Array.Reverse(bytes);
            }

            elements.Add(bytes);
        }

        return elements;
    }

    private static float[] Transpose(float[] values, int rows, int columns)
    {
        var result = new float[values.Length];
        for (var r = 0; r < rows; r++)
        {
            for (var c = 0; c < columns; c++)
            {
                result[(c * rows) + r] = values[(r * columns) + c];
            }
        }

        return result;
    }
}
