namespace Leibniz.Nn;

/// <summary>Writes each supported module as the ONNX nodes that compute exactly what its <see cref="Module.Forward"/> computes.</summary>
internal static class OnnxModuleWriter
{
    /// <summary>What the exporter supports, for error messages.</summary>
    public const string Supported =
        "Linear, ReLU, Sigmoid, Tanh, LeakyReLU, Softplus, ELU, SiLU, Sin, Heaviside, Sign and Sequential of them";

    /// <summary>The modules in the order they are applied, nested <see cref="Sequential"/>s opened, each with its position.</summary>
    public static List<(string Position, Module Module)> Flatten(Module model)
    {
        var layers = new List<(string, Module)>();
        if (model is Sequential sequential)
        {
            Add(sequential, "", layers);
        }
        else
        {
            layers.Add(("model", model));
        }

        return layers;
    }

    /// <summary>The input and output feature counts, from the first and last <see cref="Linear"/>, checking that the sizes chain.</summary>
    public static (long Inputs, long Outputs) FeatureCounts(List<(string Position, Module Module)> layers)
    {
        (string Position, Linear Layer)? previous = null;
        long inputs = 0;
        foreach (var (position, module) in layers)
        {
            if (module is not Linear linear)
            {
                continue;
            }

            if (previous is { } p && p.Layer.OutFeatures != linear.InFeatures)
            {
                throw new ArgumentException(
                    $"Module {p.Position} (Linear) has {p.Layer.OutFeatures} outputs but module {position} (Linear) takes {linear.InFeatures} inputs.",
                    "model");
            }

            inputs = previous is null ? linear.InFeatures : inputs;
            previous = (position, linear);
        }

        if (previous is not { } last)
        {
            throw new ArgumentException(
                "The model has no Linear layer, so the exported graph's feature count is unknown; export a model with at least one Linear layer.",
                "model");
        }

        return (inputs, last.Layer.OutFeatures);
    }

    /// <summary>Appends the nodes of one module reading <paramref name="x"/> and returns the name of its output.</summary>
    /// <exception cref="NotSupportedException">The module has no ONNX counterpart here.</exception>
    public static string Write(OnnxGraphBuilder graph, string position, Module module, string x) => module switch
    {
        Linear linear => WriteLinear(graph, position, linear, x),
        ReLU => graph.Node("Relu", $"{position}.Relu", [x]),
        Sigmoid => graph.Node("Sigmoid", $"{position}.Sigmoid", [x]),
        Tanh => graph.Node("Tanh", $"{position}.Tanh", [x]),
        LeakyReLU leaky => graph.Node("LeakyRelu", $"{position}.LeakyRelu", [x],
            OnnxGraphBuilder.Float("alpha", (float)leaky.NegativeSlope)),
        ELU elu => graph.Node("Elu", $"{position}.Elu", [x], OnnxGraphBuilder.Float("alpha", (float)elu.Alpha)),
        Softplus softplus => WriteSoftplus(graph, position, softplus, x),
        SiLU => graph.Node("Mul", $"{position}.SiLU", [x, graph.Node("Sigmoid", $"{position}.SiLU.sigmoid", [x])]),
        Heaviside => graph.Node("Cast", $"{position}.Heaviside",
            [graph.Node("GreaterOrEqual", $"{position}.Heaviside.non_negative", [x, graph.Scalar($"{position}.zero", 0f)])],
            OnnxGraphBuilder.Int("to", (long)Onnx.TensorProto.Types.DataType.Float)),
        Sign => WriteSign(graph, position, x),
        Sin sin => graph.Node("Sin", $"{position}.Sin", [sin.Frequency == 1.0
            ? x
            : graph.Node("Mul", $"{position}.Sin.scale", [x, graph.Scalar($"{position}.frequency", (float)sin.Frequency)])]),
        _ => throw new NotSupportedException(
            $"Module {position} ({Describe(module)}) cannot be exported to ONNX: the exporter writes {Supported}."),
    };

    private static void Add(Sequential sequential, string prefix, List<(string, Module)> layers)
    {
        for (var i = 0; i < sequential.Count; i++)
        {
            var position = prefix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (sequential[i] is Sequential inner)
            {
                Add(inner, position + ".", layers);
            }
            else
            {
                layers.Add((position, sequential[i]));
            }
        }
    }

    private static string Describe(Module module) =>
        module is Activation activation ? $"Activation '{activation.Function.Name}'" : module.GetType().Name;

    /// <summary>y = x·Wᵀ + b as one Gemm with transB = 1, the form torch.onnx.export writes for nn.Linear.</summary>
    private static string WriteLinear(OnnxGraphBuilder graph, string position, Linear linear, string x)
    {
        var weight = graph.Initializer($"{position}.weight", Float32(linear.Weight), linear.OutFeatures, linear.InFeatures);
        string[] inputs = linear.Bias is { } bias
            ? [x, weight, graph.Initializer($"{position}.bias", Float32(bias), linear.OutFeatures)]
            : [x, weight];
        return graph.Node("Gemm", $"{position}.Gemm", inputs, OnnxGraphBuilder.Int("transB", 1));
    }

    /// <summary>
    /// ONNX Softplus is ln(1 + eˣ) with neither β nor a threshold, so the module's
    /// <c>βx &gt; threshold ? x : softplus(βx)/β</c> is composed: Mul, Softplus, Div, Greater and Where (Mul and Div
    /// left out for β = 1, Greater and Where for an infinite threshold), each in float32 as the kernel computes it.
    /// </summary>
    private static string WriteSoftplus(OnnxGraphBuilder graph, string position, Softplus softplus, string x)
    {
        var beta = (float)softplus.Beta;
        var threshold = (float)softplus.Threshold;
        var betaName = beta == 1f ? null : graph.Scalar($"{position}.beta", beta);
        var scaled = betaName is null ? x : graph.Node("Mul", $"{position}.Softplus.scale", [x, betaName]);
        var smooth = graph.Node("Softplus", $"{position}.Softplus", [scaled]);
        if (betaName is not null)
        {
            smooth = graph.Node("Div", $"{position}.Softplus.unscale", [smooth, betaName]);
        }

        if (float.IsPositiveInfinity(threshold))
        {
            return smooth;
        }

        var linear = graph.Node("Greater", $"{position}.Softplus.above_threshold", [scaled, graph.Scalar($"{position}.threshold", threshold)]);
        return graph.Node("Where", $"{position}.Softplus.linear_above_threshold", [linear, x, smooth]);
    }

    /// <summary>
    /// Sign as Cast(x &gt; 0) − Cast(x &lt; 0): the kernel maps NaN to 0, which ONNX's Sign leaves unspecified.
    /// </summary>
    private static string WriteSign(OnnxGraphBuilder graph, string position, string x)
    {
        var zero = graph.Scalar($"{position}.zero", 0f);
        var toFloat = OnnxGraphBuilder.Int("to", (long)Onnx.TensorProto.Types.DataType.Float);
        var positive = graph.Node("Cast", $"{position}.Sign.positive",
            [graph.Node("Greater", $"{position}.Sign.greater", [x, zero])], toFloat);
        var negative = graph.Node("Cast", $"{position}.Sign.negative",
            [graph.Node("Less", $"{position}.Sign.less", [x, zero])], toFloat);
        return graph.Node("Sub", $"{position}.Sign", [positive, negative]);
    }

    private static float[] Float32(Tensor tensor) =>
        tensor.DType == DType.Float32 ? tensor.AsSpan<float>().ToArray() : [.. tensor.ToArray().Select(v => (float)v)];
}
