using System.Globalization;
using Onnx;

namespace Leibniz.Nn;

/// <summary>
/// Reads a chain of layers from an ONNX graph by walking back from the output: each value's producing node must end
/// one of the patterns that <see cref="OnnxModuleWriter"/> writes or that torch.onnx.export writes for the same
/// layers; any node left over is an error.
/// </summary>
internal sealed partial class OnnxGraphReader
{
    private const string Supported =
        "Gemm, MatMul (+ Add), Relu, Sigmoid, Tanh, LeakyRelu, Elu, Softplus (with Mul/Div for β and Greater/Where for a threshold), " +
        "Sigmoid·Mul (SiLU), Sin (with Mul for a frequency), GreaterOrEqual·Cast (Heaviside), Sign, Identity";

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
            case "Sin":
                return ScaledSin(node);
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
            case "Cast" when IntAttribute(node, "to", 0) == (long)TensorProto.Types.DataType.Float
                             && Producer(node.Input[0], "GreaterOrEqual") is { } compare && IsZero(compare.Input[1]):
                Use(compare);
                return (new Heaviside(), compare.Input[0]);
            case "Sub" when SignInput(node) is { } x:
                return (new Sign(), x);
            default:
                throw Unsupported(node, $"this operator (or this use of it) has no Leibniz.Nn layer; the importer reads {Supported}.");
        }
    }

    /// <summary>Sin(x), or Sin(Mul(x, ω)) with a non-zero scalar ω: the exporter's form of <see cref="Sin"/> with frequency ω.</summary>
    private (Module Module, string Input) ScaledSin(NodeProto node)
    {
        if (Producer(node.Input[0], "Mul") is { } scale && ScalarOf(scale.Input[1]) is { } frequency
            && float.IsFinite(frequency) && frequency != 0f)
        {
            Use(scale);
            return (new Sin(frequency), scale.Input[0]);
        }

        return (new Sin(), node.Input[0]);
    }

    private NodeProto? Producer(string value, string opType) =>
        _producers.TryGetValue(value, out var node) && node.OpType == opType ? node : null;

    private float? ScalarOf(string value) =>
        _constants.TryGetValue(value, out var constant) && constant.Values.Length == 1 ? constant.Values[0] : null;

    private bool IsZero(string value) => ScalarOf(value) == 0f;

    private void Use(NodeProto node) => _used.Add(node);

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
