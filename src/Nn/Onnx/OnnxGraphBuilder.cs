using Onnx;

namespace Leibniz.Nn;

/// <summary>Appends nodes and float32 initializers to an ONNX graph, giving every value a unique name.</summary>
internal sealed class OnnxGraphBuilder
{
    private readonly HashSet<string> _names = [];

    /// <param name="graphName">The graph's name.</param>
    /// <param name="reserved">Names no node or initializer may take (the graph's input and output).</param>
    public OnnxGraphBuilder(string graphName, params string[] reserved)
    {
        Graph = new GraphProto { Name = graphName };
        _names.UnionWith(reserved);
    }

    public GraphProto Graph { get; }

    /// <summary>Adds a float32 initializer of the given shape (no dimensions for a scalar) and returns its name.</summary>
    public string Initializer(string name, ReadOnlySpan<float> values, params long[] dimensions)
    {
        var tensor = new TensorProto { Name = Unique(name), DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dimensions);
        // float_data rather than raw_data: protobuf writes it little-endian on every machine, as ONNX requires.
        tensor.FloatData.Add(values.ToArray());
        Graph.Initializer.Add(tensor);
        return tensor.Name;
    }

    /// <summary>A float32 scalar initializer.</summary>
    public string Scalar(string name, float value) => Initializer(name, [value]);

    /// <summary>Adds a node with one output, named after the node, and returns that output's name.</summary>
    public string Node(string opType, string name, IEnumerable<string> inputs, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = opType, Name = Unique(name) };
        node.Input.Add(inputs);
        node.Output.Add(node.Name);
        node.Attribute.Add(attributes);
        Graph.Node.Add(node);
        return node.Name;
    }

    /// <summary>An integer attribute.</summary>
    public static AttributeProto Int(string name, long value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Int, I = value };

    /// <summary>A float attribute.</summary>
    public static AttributeProto Float(string name, float value) =>
        new() { Name = name, Type = AttributeProto.Types.AttributeType.Float, F = value };

    /// <summary>Declares a float32 [batch, features] graph input or output with a symbolic batch dimension.</summary>
    public static ValueInfoProto Matrix(string name, string batchDimension, long features)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = batchDimension });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = features });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto
            {
                TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape },
            },
        };
    }

    private string Unique(string name)
    {
        var candidate = name;
        for (var i = 1; !_names.Add(candidate); i++)
        {
            candidate = $"{name}_{i}";
        }

        return candidate;
    }
}
