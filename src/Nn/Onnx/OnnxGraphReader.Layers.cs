using Onnx;

namespace Leibniz.Nn;

/// <content>Linear layers: Gemm, MatMul and MatMul + Add.</content>
internal sealed partial class OnnxGraphReader
{
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

    private static Linear Layer(int inputs, int outputs, float[] weight, float[]? bias)
    {
        var layer = new Linear(inputs, outputs, bias is not null, new Random(0));
        weight.CopyTo(layer.Weight.AsSpan<float>());
        bias?.CopyTo(layer.Bias!.Value.AsSpan<float>());
        return layer;
    }
}
