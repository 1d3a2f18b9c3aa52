using System.Globalization;
using Onnx;

namespace Leibniz.Nn;

/// <summary>
/// Reads a chain of layers from an ONNX graph by walking back from the output: each value's producing node must end
/// one of the patterns that <see cref="OnnxModuleWriter"/> writes or that torch.onnx.export writes for the same
/// layers; any node left over is an error.
/// </summary>
internal sealed class OnnxGraphReader
{
    private const string Supported =
        "Gemm, MatMul (+ Add), Relu, Sigmoid, Tanh, LeakyRelu, Elu, Softplus (with Mul/Div for β and Greater/Where for a threshold), " +
        "Sigmoid·Mul (SiLU), GreaterOrEqual·Cast (Heaviside), Sign, Identity";

    private readonly string _source;
    private readonly GraphProto _graph;
    private readonly Dictionary<string, (long[] Dims, float[] Values)> _constants = [];
    private readonly Dictionary<string, NodeProto> _producers = [];
    private readonly HashSet<NodeProto> _used = [];

    private OnnxGraphReader(string source, GraphProto graph)
    {
        _source = source;
        _graph = graph;
    }

    public static Sequential Read(ModelProto model, string source)
    {
        if (model.Graph is null || model.Graph.Node.Count == 0 && model.Graph.Output.Count == 0)
        {
            throw new OnnxFormatException(source, null, null, "the file holds no ONNX graph; is it an ONNX model?");
        }

        return new OnnxGraphReader(source, model.Graph).Read();
    }

    private Sequential Read()
    {
        foreach (var initializer in _graph.Initializer)
        {
            if (Floats(initializer) is { } values)
            {
                _constants[initializer.Name] = (initializer.Dims.ToArray(), values);
            }
        }

        foreach (var node in _graph.Node)
        {
            if (!FoldConstant(node))
            {
                foreach (var output in node.Output)
                {
                    _producers[output] = node;
                }
            }
        }

        var inputs = _graph.Input.Where(i => !_graph.Initializer.Any(c => c.Name == i.Name)).ToList();
        if (inputs.Count != 1 || _graph.Output.Count != 1)
        {
            throw new OnnxFormatException(_source, null, null, Invariant(
                $"the graph has {inputs.Count} inputs and {_graph.Output.Count} outputs; a Sequential needs exactly one of each."));
        }

        var modules = new List<Module>();
        var input = inputs[0].Name;
        for (var value = _graph.Output[0].Name; value != input;)
        {
            if (!_producers.TryGetValue(value, out var node))
            {
                throw new OnnxFormatException(_source, null, null,
                    $"the value '{value}' is neither computed by a node nor the graph input '{input}'.");
            }

            var (module, next) = Match(node);
            if (module is not null)
            {
                modules.Add(module);
            }

            value = next;
        }

        if (_producers.Values.Distinct().FirstOrDefault(n => !_used.Contains(n)) is { } stray)
        {
            throw Unsupported(stray, "it is not on the single chain from the graph's input to its output; only sequential networks are imported.");
        }

        modules.Reverse();
        CheckSizes(modules, inputs[0]);
        return new Sequential([.. modules]);
    }

    private (Module? Module, string Input) Match(NodeProto node)
    {
        Use(node);
        switch (node.OpType)
        {
            case "Identity":
                return (null, node.Input[0]);
            case "Gemm":
                return (Gemm(node), node.Input[0]);
            case "MatMul":
                return (MatMul(node, null), node.Input[0]);
            case "Add":
                return AddBias(node);
            case "Relu":
                return (new ReLU(), node.Input[0]);
            case "Sigmoid":
                return (new Sigmoid(), node.Input[0]);
            case "Tanh":
                return (new Tanh(), node.Input[0]);
            case "Sign":
                return (new Sign(), node.Input[0]);
            case "LeakyRelu":
                return (new LeakyReLU(FloatAttribute(node, "alpha", 0.01f)), node.Input[0]);
            case "Elu":
                return (new ELU(FloatAttribute(node, "alpha", 1f)), node.Input[0]);
            case "Softplus":
                return (new Softplus(1, double.PositiveInfinity), node.Input[0]);
            case "Div" when ScaledSoftplus(node) is { } softplus:
                return (new Softplus(softplus.Beta, double.PositiveInfinity), softplus.Input);
            case "Where":
                return ThresholdedSoftplus(node);
            case "Mul":
                return (new SiLU(), SiluInput(node));
            case "Cast" when Producer(node.Input[0], "GreaterOrEqual") is { } compare && IsZero(compare.Input[1]):
                Use(compare);
                return (new Heaviside(), compare.Input[0]);
            case "Sub" when SignInput(node) is { } x:
                return (new Sign(), x);
            default:
                throw Unsupported(node, $"this operator (or this use of it) has no Leibniz.Nn layer; the importer reads {Supported}.");
        }
    }

    /// <summary>y = α·A·op(B) + β·C with A the input, op(B) = Bᵀ for transB = 1 (torch's form for nn.Linear).</summary>
    private Linear Gemm(NodeProto node)
    {
        if (IntAttribute(node, "transA", 0) != 0)
        {
            throw Unsupported(node, "transA = 1 transposes the batch; only transA = 0 is a layer.");
        }

        var (dims, values) = Constant(node, node.Input[1], "weight");
        if (dims.Length != 2)
        {
            throw Unsupported(node, Invariant($"the weight has {dims.Length} dimensions; a layer's has 2."));
        }

        var transposed = IntAttribute(node, "transB", 0) != 0;
        var weight = transposed ? values : Transpose(values, (int)dims[0], (int)dims[1]);
        int outputs = (int)(transposed ? dims[0] : dims[1]), inputs = (int)(transposed ? dims[1] : dims[0]);
        var alpha = FloatAttribute(node, "alpha", 1f);
        var bias = node.Input.Count > 2 && node.Input[2].Length > 0 ? Bias(node, node.Input[2], outputs) : null;
        if (bias is not null)
        {
            var beta = FloatAttribute(node, "beta", 1f);
            for (var i = 0; i < bias.Length; i++)
            {
                bias[i] *= beta;
            }
        }

        return Layer(inputs, outputs, [.. weight.Select(w => w * alpha)], bias);
    }

    /// <summary>x·B with B [in, out] (torch writes nn.Linear's weight transposed for MatMul), optionally with a bias.</summary>
    private Linear MatMul(NodeProto node, float[]? bias)
    {
        var (dims, values) = Constant(node, node.Input[1], "weight");
        if (dims.Length != 2)
        {
            throw Unsupported(node, Invariant($"the weight has {dims.Length} dimensions; a layer's has 2."));
        }

        if (bias is not null && bias.Length != dims[1])
        {
            throw Unsupported(node, Invariant($"the added bias has {bias.Length} values for {dims[1]} outputs."));
        }

        return Layer((int)dims[0], (int)dims[1], Transpose(values, (int)dims[0], (int)dims[1]), bias);
    }

    private (Module, string) AddBias(NodeProto add)
    {
        foreach (var (product, constant) in new[] { (0, 1), (1, 0) })
        {
            if (Producer(add.Input[product], "MatMul") is { } matMul && _constants.ContainsKey(add.Input[constant]))
            {
                Use(matMul);
                var (dims, _) = Constant(matMul, matMul.Input[1], "weight");
                return (MatMul(matMul, Bias(add, add.Input[constant], dims.Length == 2 ? (int)dims[1] : 0)), matMul.Input[0]);
            }
        }

        throw Unsupported(add, "only a constant bias added to a MatMul with a constant weight is a layer.");
    }

    /// <summary>Div(Softplus(Mul(x, β)), β): torch's export of nn.Softplus(beta) and ours for an infinite threshold.</summary>
    private (double Beta, string Input, string Scaled)? ScaledSoftplus(NodeProto div)
    {
        if (Producer(div.Input[0], "Softplus") is not { } softplus || Producer(softplus.Input[0], "Mul") is not { } mul
            || ScalarOf(div.Input[1]) is not { } beta)
        {
            return null;
        }

        var input = ScalarOf(mul.Input[1]) == beta ? mul.Input[0] : ScalarOf(mul.Input[0]) == beta ? mul.Input[1] : null;
        if (input is null)
        {
            return null;
        }

        Use(softplus);
        Use(mul);
        return (beta, input, mul.Output[0]);
    }

    /// <summary>Where(Greater(βx, threshold), x, softplus(βx)/β): the exporter's Softplus with a finite threshold.</summary>
    private (Module, string) ThresholdedSoftplus(NodeProto where)
    {
        var x = where.Input[1];
        var smooth = where.Input[2];
        if (Producer(where.Input[0], "Greater") is { } greater && ScalarOf(greater.Input[1]) is { } threshold)
        {
            if (Producer(smooth, "Softplus") is { } softplus && softplus.Input[0] == x && greater.Input[0] == x)
            {
                Use(greater);
                Use(softplus);
                return (new Softplus(1, threshold), x);
            }

            if (Producer(smooth, "Div") is { } div && ScaledSoftplus(div) is { } scaled && scaled.Input == x && greater.Input[0] == scaled.Scaled)
            {
                Use(greater);
                Use(div);
                return (new Softplus(scaled.Beta, threshold), x);
            }
        }

        throw Unsupported(where, "only the pattern Where(Greater(βx, threshold), x, Softplus(βx)/β) is a layer (Softplus with a threshold).");
    }

    /// <summary>x·σ(x), the SiLU pattern.</summary>
    private string SiluInput(NodeProto mul)
    {
        foreach (var (sigmoidSide, other) in new[] { (0, 1), (1, 0) })
        {
            if (Producer(mul.Input[sigmoidSide], "Sigmoid") is { } sigmoid && sigmoid.Input[0] == mul.Input[other])
            {
                Use(sigmoid);
                return mul.Input[other];
            }
        }

        throw Unsupported(mul, "only x·Sigmoid(x) (SiLU) is a layer.");
    }

    /// <summary>Cast(x &gt; 0) − Cast(x &lt; 0), the exporter's Sign.</summary>
    private string? SignInput(NodeProto sub)
    {
        if (Producer(sub.Input[0], "Cast") is { } positive && Producer(sub.Input[1], "Cast") is { } negative
            && Producer(positive.Input[0], "Greater") is { } greater && Producer(negative.Input[0], "Less") is { } less
            && greater.Input[0] == less.Input[0] && IsZero(greater.Input[1]) && IsZero(less.Input[1]))
        {
            foreach (var node in new[] { positive, negative, greater, less })
            {
                Use(node);
            }

            return greater.Input[0];
        }

        return null;
    }

    private NodeProto? Producer(string value, string opType) =>
        _producers.TryGetValue(value, out var node) && node.OpType == opType ? node : null;

    private float? ScalarOf(string value) =>
        _constants.TryGetValue(value, out var constant) && constant.Values.Length == 1 ? constant.Values[0] : null;

    private bool IsZero(string value) => ScalarOf(value) == 0f;

    private void Use(NodeProto node) => _used.Add(node);

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

    private static Linear Layer(int inputs, int outputs, float[] weight, float[]? bias)
    {
        var layer = new Linear(inputs, outputs, bias is not null, new Random(0));
        weight.CopyTo(layer.Weight.AsSpan<float>());
        bias?.CopyTo(layer.Bias!.Value.AsSpan<float>());
        return layer;
    }

    private void CheckSizes(List<Module> modules, ValueInfoProto input)
    {
        var linears = modules.OfType<Linear>().ToList();
        for (var i = 1; i < linears.Count; i++)
        {
            if (linears[i - 1].OutFeatures != linears[i].InFeatures)
            {
                throw new OnnxFormatException(_source, null, null, Invariant(
                    $"layer {i} has {linears[i - 1].OutFeatures} outputs but layer {i + 1} takes {linears[i].InFeatures} inputs."));
            }
        }

        var dims = input.Type?.TensorType?.Shape?.Dim;
        if (linears.Count > 0 && dims is { Count: 2 } && dims[1].HasDimValue && dims[1].DimValue != linears[0].InFeatures)
        {
            throw new OnnxFormatException(_source, null, null, Invariant(
                $"the input '{input.Name}' has {dims[1].DimValue} features but the first layer takes {linears[0].InFeatures}."));
        }
    }

    private static float FloatAttribute(NodeProto node, string name, float fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.F : fallback;

    private static long IntAttribute(NodeProto node, string name, long fallback) =>
        node.Attribute.FirstOrDefault(a => a.Name == name) is { } attribute ? attribute.I : fallback;

    private OnnxFormatException Unsupported(NodeProto node, string problem) =>
        new(_source, NodeName(node), node.OpType, problem);

    private string NodeName(NodeProto node) =>
        node.Name.Length > 0 ? node.Name : "#" + _graph.Node.IndexOf(node).ToString(CultureInfo.InvariantCulture);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
