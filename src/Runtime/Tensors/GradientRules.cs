namespace Leibniz;

/// <summary>
/// Each operation's vector-Jacobian product written with tensor operations, for <see cref="GradientSweep"/>: when
/// gradient recording is on, these operations are recorded, which makes the backward differentiable again.
/// A rule adds a contribution only for the inputs the sweep wants (those on a path to a differentiated input).
/// </summary>
internal static class GradientRules
{
    public static void Apply(TensorNode y, Tensor g, GradientSweep sweep)
    {
        var a = y.A;
        var b = y.B;
        switch (y.Op)
        {
            case OpCode.Add:
                AddReduced(sweep, a, g);
                AddReduced(sweep, b, g);
                return;
            case OpCode.Subtract:
                AddReduced(sweep, a, g);
                if (sweep.Wants(b))
                {
                    sweep.Add(b, -ReduceTo(g, b));
                }

                return;
            case OpCode.Multiply:
                if (sweep.Wants(a))
                {
                    sweep.Add(a, ReduceTo(g * T(b!), a));
                }

                if (sweep.Wants(b))
                {
                    sweep.Add(b, ReduceTo(g * T(a!), b));
                }

                return;
            case OpCode.Divide:
                if (sweep.Wants(a))
                {
                    sweep.Add(a, ReduceTo(g / T(b!), a));
                }

                if (sweep.Wants(b))
                {
                    sweep.Add(b, -ReduceTo(g * T(y) / T(b), b));
                }

                return;
            case OpCode.MatMul:
                MatMul(y, g, sweep);
                return;
            case OpCode.Linear:
                Linear(y, g, sweep);
                return;
            case OpCode.ConcatRows:
                ConcatRows(y, g, sweep);
                return;
            case OpCode.MseLoss:
            case OpCode.L1Loss:
            case OpCode.HuberLoss:
            case OpCode.BceWithLogits:
            case OpCode.CrossEntropyIndices:
            case OpCode.CrossEntropyProbabilities:
                // No gradient flows to the target (as in the first-order kernels).
                if (sweep.Wants(a))
                {
                    sweep.Add(a, g * LossGradient(y, T(a), T(b!)));
                }

                return;
            case OpCode.Fused:
                y.Fused!.VectorJacobianProduct(y, g, sweep);
                return;
            default:
                if (sweep.Wants(a))
                {
                    sweep.Add(a, Unary(y, g, T(a)));
                }

                return;
        }
    }

    private static Tensor T(TensorNode node) => new(node);

    /// <summary>Adds <paramref name="g"/> summed down to <paramref name="input"/>'s broadcast shape.</summary>
    private static void AddReduced(GradientSweep sweep, TensorNode? input, Tensor g)
    {
        if (sweep.Wants(input))
        {
            sweep.Add(input!, ReduceTo(g, input!));
        }
    }

    internal static Tensor ReduceTo(Tensor g, TensorNode like)
    {
        var node = g.Node;
        Tensor reduced;
        if (node.Rows == like.Rows && node.Cols == like.Cols)
        {
            reduced = g;
        }
        else if (like.Length == 1)
        {
            reduced = g.Sum();
        }
        else if (like.Cols == node.Cols)
        {
            reduced = g.Sum(0);
        }
        else
        {
            reduced = g.Sum(1, keepDims: true);
        }

        return ShapedLike(reduced, like);
    }

    /// <summary><paramref name="t"/> reshaped to <paramref name="like"/>'s rank (same number of elements).</summary>
    private static Tensor ShapedLike(Tensor t, TensorNode like)
    {
        var node = t.Node;
        return node.Rank == like.Rank && node.Rows == like.Rows ? t : Ops.Reshape(node, like.Rank, like.Rows, like.Cols);
    }

    /// <summary><paramref name="g"/> broadcast to <paramref name="like"/>'s shape (the backward of a sum).</summary>
    private static Tensor Expand(Tensor g, TensorNode like) => g * Tensor.OnesLike(T(like));

    private static Tensor Unary(TensorNode y, Tensor g, Tensor x)
    {
        var s = y.Scalar;
        switch (y.Op)
        {
            case OpCode.AddScalar: return g;
            case OpCode.Reshape: return ShapedLike(g, x.Node);
            case OpCode.Negate:
            case OpCode.ScalarSubtract: return -g;
            case OpCode.MultiplyScalar: return g * s;
            case OpCode.ScalarDivide: return -(g * T(y) / x);
            case OpCode.Exp: return g * T(y);
            case OpCode.Log: return g / x;
            case OpCode.Sqrt: return g / T(y) * 0.5;
            case OpCode.Abs: return g * x.Sign();
            case OpCode.Sin: return g * x.Cos();
            case OpCode.Cos: return -(g * x.Sin());
            // 1 − tanh² and σ(1 − σ) from the values: exact to the rounding unit absolutely, but 0 where the value rounds
            // to its asymptote (the first-order kernels use sech² and σ(x)σ(−x)). The accurate forms, a sech² node whose
            // own derivative recomputes tanh, cost 24–34 % of a nested-gradient PINN step (measured); this path keeps these.
            case OpCode.Tanh: return g * (1.0 - T(y).Square());
            case OpCode.Sigmoid: return g * (T(y) * (1.0 - T(y)));
            case OpCode.Relu: return g * Positive(x);
            case OpCode.LeakyRelu:
                return g * ((Positive(x) * (1 - s)) + s);
            case OpCode.Elu:
                {
                    var positive = Positive(x);
                    return g * (positive + ((1.0 - positive) * (T(y) + s)));
                }

            case OpCode.Silu:
                {
                    var sigmoid = x.Sigmoid();
                    return g * (sigmoid * (1.0 + (x * (1.0 - sigmoid))));
                }

            case OpCode.Softplus:
                {
                    // Above the threshold softplus is the identity; below it its derivative is σ(βx).
                    var linear = Positive((x * s) - y.Scalar2);
                    return g * (linear + ((1.0 - linear) * (x * s).Sigmoid()));
                }

            case OpCode.Heaviside:
            case OpCode.Sign: return Tensor.ZerosLike(x);
            case OpCode.PowScalar: return Power(g, x, s);
            case OpCode.Custom: return g * x.Apply(FirstDerivativeOnly((ElementwiseFunction)y.Extra!));
            case OpCode.Sum: return Expand(g, x.Node);
            case OpCode.Mean: return Expand(g * (1.0 / x.Length), x.Node);
            case OpCode.SumAxis0: return Expand(g, x.Node);
            case OpCode.MeanAxis0: return Expand(g * (1.0 / x.Node.Rows), x.Node);
            case OpCode.SumAxis1: return Expand(AsColumn(g, x.Node), x.Node);
            case OpCode.MeanAxis1: return Expand(AsColumn(g, x.Node) * (1.0 / x.Node.Cols), x.Node);
            case OpCode.Transpose: return g.Transpose();
            case OpCode.SliceRows: return PadRows(g, x.Node, (int)s);
            case OpCode.IndexRows: return RowScatter.Apply(g, (int[])y.Extra!, x.Node);
            case OpCode.Softmax:
                {
                    var softmax = T(y);
                    return softmax * (g - RowSums(g * softmax, x.Node));
                }

            case OpCode.LogSoftmax: return g - (T(y).Exp() * RowSums(g, x.Node));
            default: throw NotDifferentiable(y);
        }
    }

    /// <summary>∂loss/∂prediction of a loss node (its Scalar is the reduction's scale, Scalar2 Huber's δ).</summary>
    private static Tensor LossGradient(TensorNode y, Tensor prediction, Tensor target)
    {
        var scale = y.Scalar;
        switch (y.Op)
        {
            case OpCode.MseLoss: return (prediction - target) * (2 * scale);
            case OpCode.L1Loss: return (prediction - target).Sign() * scale;
            case OpCode.HuberLoss:
                {
                    // clamp(d, −δ, δ) as d − relu(d − δ) + relu(−d − δ), so that it differentiates again.
                    var d = prediction - target;
                    var delta = y.Scalar2;
                    return (d - (d - delta).Relu() + (-d - delta).Relu()) * scale;
                }

            case OpCode.BceWithLogits: return (prediction.Sigmoid() - target) * scale;
            case OpCode.CrossEntropyIndices: return (prediction.Softmax() - OneHot(prediction.Node, target.Node)) * scale;
            default: return ((prediction.Softmax() * RowSums(target, prediction.Node)) - target) * scale;
        }
    }

    /// <summary>The class indices as one-hot rows shaped like the logits (a constant).</summary>
    private static Tensor OneHot(TensorNode logits, TensorNode indices)
    {
        var oneHot = TensorNode.NewLeaf(logits.DType, logits.Rank, logits.Rows, logits.Cols);
        var classes = indices.DType == DType.Float32 ? indices.Span<float>().ToArray().Select(v => (int)v).ToArray() : indices.Span<double>().ToArray().Select(v => (int)v).ToArray();
        var result = new Tensor(oneHot);
        for (var r = 0; r < classes.Length; r++)
        {
            if (logits.Rank == 2)
            {
                result[r, classes[r]] = 1;
            }
            else
            {
                result[classes[r]] = 1;
            }
        }

        return result;
    }

    /// <summary>1 where x &gt; 0, else 0 (PyTorch's ReLU derivative at 0 is 0), as (1 − H(−x)) so that it stays a tensor expression.</summary>
    private static Tensor Positive(Tensor x) => 1.0 - (-x).Heaviside();

    private static Tensor Power(Tensor g, Tensor x, double exponent) => exponent switch
    {
        0 => Tensor.ZerosLike(x),
        1 => g,
        2 => g * (x * 2.0),
        _ => g * (x.Pow(exponent - 1) * exponent),
    };

    private static ElementwiseFunction FirstDerivativeOnly(ElementwiseFunction function) => new(
        function.Derivative,
        _ => throw new NotSupportedException($"The element-wise function '{function.Name}' (Tensor.Apply) was given its first derivative only, so Autograd.Grad(createGraph: true) cannot differentiate its gradient again; write it with tensor operations to differentiate it twice."),
        function.Name + "′");

    /// <summary>Row sums kept as a column ([rows, 1]) for a matrix, the total for a vector.</summary>
    private static Tensor RowSums(Tensor t, TensorNode like) => like.Rank == 2 ? t.Sum(1, keepDims: true) : t.Sum();

    /// <summary>A per-row gradient ([rows] or [rows, 1]) as a column, to broadcast along the row.</summary>
    private static Tensor AsColumn(Tensor g, TensorNode x) => x.Rank == 2 ? Ops.Reshape(g.Node, 2, x.Rows, 1) : g;

    /// <summary>The slice's gradient placed at rows start.. of zeros of <paramref name="x"/>'s shape.</summary>
    private static Tensor PadRows(Tensor g, TensorNode x, int start)
    {
        var vector = x.Rank == 1;
        var rows = vector ? x.Cols : x.Rows;
        var count = vector ? g.Node.Cols : g.Node.Rows;
        var end = rows - start - count;
        Tensor Zeros(int n) => vector ? Tensor.Zeros(n, x.DType) : Tensor.Zeros(n, x.Cols, x.DType);
        Span<Tensor> parts = [start > 0 ? Zeros(start) : default, g, end > 0 ? Zeros(end) : default];
        var first = start > 0 ? 0 : 1;
        var last = end > 0 ? 3 : 2;
        return last - first == 1 ? g : vector ? Tensor.Concat(parts[first..last]) : Tensor.ConcatRows(parts[first..last]);
    }

    private static void ConcatRows(TensorNode y, Tensor g, GradientSweep sweep)
    {
        var offset = 0;
        foreach (var part in (TensorNode[])y.Extra!)
        {
            var rows = part.Rank == 1 ? part.Cols : part.Rows;
            if (sweep.Wants(part))
            {
                sweep.Add(part, g.SliceRows(offset, rows));
            }

            offset += rows;
        }
    }

    private static void MatMul(TensorNode y, Tensor g, GradientSweep sweep)
    {
        var a = y.A!;
        var b = y.B!;
        var (m, k, n) = Ops.MatMulDims(a, b);
        switch (a.Rank, b.Rank)
        {
            case (2, 2):
                if (sweep.Wants(a))
                {
                    sweep.Add(a, g.MatMul(T(b).Transpose()));
                }

                if (sweep.Wants(b))
                {
                    sweep.Add(b, T(a).Transpose().MatMul(g));
                }

                return;
            case (2, 1):
                if (sweep.Wants(a))
                {
                    sweep.Add(a, g.Reshape(m, 1).MatMul(T(b).Reshape(1, k)));
                }

                if (sweep.Wants(b))
                {
                    sweep.Add(b, g.MatMul(T(a)));
                }

                return;
            case (1, 2):
                if (sweep.Wants(a))
                {
                    sweep.Add(a, T(b).MatMul(g));
                }

                if (sweep.Wants(b))
                {
                    sweep.Add(b, T(a).Reshape(k, 1).MatMul(g.Reshape(1, n)));
                }

                return;
            default:
                if (sweep.Wants(a))
                {
                    sweep.Add(a, g * T(b));
                }

                if (sweep.Wants(b))
                {
                    sweep.Add(b, g * T(a));
                }

                return;
        }
    }

    private static void Linear(TensorNode y, Tensor g, GradientSweep sweep)
    {
        var input = y.A!;
        var weight = y.B!;
        var bias = y.Extra as TensorNode;
        if (sweep.Wants(input))
        {
            sweep.Add(input, g.MatMul(T(weight)));
        }

        if (input.Rank == 2)
        {
            if (sweep.Wants(weight))
            {
                sweep.Add(weight, g.Transpose().MatMul(T(input)));
            }

            if (sweep.Wants(bias))
            {
                sweep.Add(bias!, g.Sum(0));
            }
        }
        else
        {
            if (sweep.Wants(weight))
            {
                sweep.Add(weight, g.Reshape(weight.Rows, 1).MatMul(T(input).Reshape(1, weight.Cols)));
            }

            if (sweep.Wants(bias))
            {
                sweep.Add(bias!, g);
            }
        }
    }

    /// <summary>The error for an operation whose backward is not written as tensor operations.</summary>
    internal static NotSupportedException NotDifferentiable(TensorNode y) => NotDifferentiable(y.Op.ToString(), y.ShapeText());

    internal static NotSupportedException NotDifferentiable(string operation, string shape) => new(
        $"Autograd.Grad cannot differentiate through the operation '{operation}' (which produced a tensor of shape {shape}): "
        + "its backward is not available as tensor operations, so it cannot be differentiated twice. Differentiable: "
        + "+ − × ÷ (with broadcasting), scalar arithmetic, Exp, Log, Sqrt, Abs, Sin, Cos, Tanh, Sigmoid, Relu, LeakyRelu, "
        + "Elu, Silu, Softplus, Pow, Square, Sum, Mean, MatMul, Linear, Transpose, Reshape, SliceRows, IndexRows, ConcatRows, "
        + "SliceColumns, ConcatColumns, Softmax, LogSoftmax and the losses. Use Tensor.Backward() for a first-order gradient "
        + "through it, or TaylorForward for input derivatives of a Sequential network.");
}
