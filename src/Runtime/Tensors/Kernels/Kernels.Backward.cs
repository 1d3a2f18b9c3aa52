using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Leibniz;

internal static partial class Kernels<T>
{
    public static void Seed(TensorNode root, TensorNode? seed)
    {
        Autograd.EnsureGradBuffer(root);
        var target = root.GradSpan<T>();
        var accumulate = root.Op == OpCode.Leaf && root.GradValid;
        for (var i = 0; i < target.Length; i++)
        {
            var value = seed is null ? T.One : seed.Span<T>()[i];
            target[i] = accumulate ? target[i] + value : value;
        }

        root.GradValid = true;
    }

    /// <summary>grad(node) += scale · contribution (or = when nothing has been accumulated yet).</summary>
    public static void Accumulate(TensorNode node, ReadOnlySpan<T> contribution, T scale)
    {
        Autograd.EnsureGradBuffer(node);
        var grad = node.GradSpan<T>();
        if (!node.GradValid)
        {
            if (scale == T.One)
            {
                contribution.CopyTo(grad);
            }
            else
            {
                TensorPrimitives.Multiply(contribution, scale, grad);
            }

            node.GradValid = true;
        }
        else if (scale == T.One)
        {
            TensorPrimitives.Add(grad, contribution, grad);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(contribution, scale, grad, grad);
        }
    }

    /// <summary>A zero-initialized gradient, for operations that scatter into part of it.</summary>
    private static Span<T> GradForScatter(TensorNode node)
    {
        Autograd.EnsureGrad(node);
        node.GradValid = true;
        return node.GradSpan<T>();
    }

    /// <summary>Sums a [rows, cols] contribution down to <paramref name="node"/>'s broadcast shape, then accumulates it.</summary>
    private static void AccumulateReduced(TensorNode? node, ReadOnlySpan<T> contribution, int rows, int cols, T scale, TensorPool pool)
    {
        if (node is null || !node.RequiresGrad)
        {
            return;
        }

        if (node.Rows == rows && node.Cols == cols)
        {
            Accumulate(node, contribution, scale);
            return;
        }

        var scratchArray = pool.RentArray(node.DType, node.Length);
        var reduced = new Span<T>(Unsafe.As<T[]>(scratchArray), 0, node.Length);
        if (node.Cols == cols)
        {
            contribution.Slice(0, cols).CopyTo(reduced);
            for (var r = 1; r < rows; r++)
            {
                TensorPrimitives.Add(reduced, contribution.Slice(r * cols, cols), reduced);
            }
        }
        else if (node.Rows == rows)
        {
            for (var r = 0; r < rows; r++)
            {
                reduced[r] = TensorPrimitives.Sum(contribution.Slice(r * cols, cols));
            }
        }
        else
        {
            reduced[0] = TensorPrimitives.Sum(contribution.Slice(0, rows * cols));
        }

        Accumulate(node, reduced, scale);
        pool.ReturnArray(scratchArray);
    }

    public static void Backward(TensorNode y, TensorPool pool)
    {
        var n = y.Length;
        var scratchArray = pool.RentArray(y.DType, Math.Max(n, y.A?.Length ?? 0));
        var scratch = Unsafe.As<T[]>(scratchArray);
        try
        {
            BackwardInto(y, new Span<T>(scratch, 0, n), scratch, pool);
        }
        finally
        {
            pool.ReturnArray(scratchArray);
        }
    }

    private static void BackwardInto(TensorNode y, Span<T> t, T[] scratch, TensorPool pool)
    {
        var gy = y.GradSpan<T>();
        var a = y.A;
        var b = y.B;
        int rows = y.Rows, cols = y.Cols;
        var s = T.CreateTruncating(y.Scalar);
        switch (y.Op)
        {
            case OpCode.Add:
                AccumulateReduced(a, gy, rows, cols, T.One, pool);
                AccumulateReduced(b, gy, rows, cols, T.One, pool);
                return;
            case OpCode.Subtract:
                AccumulateReduced(a, gy, rows, cols, T.One, pool);
                AccumulateReduced(b, gy, rows, cols, T.NegativeOne, pool);
                return;
            case OpCode.Multiply:
                if (a!.RequiresGrad)
                {
                    Broadcast(OpCode.Multiply, gy, rows, cols, b!.Span<T>(), b.Rows, b.Cols, t, rows, cols);
                    AccumulateReduced(a, t, rows, cols, T.One, pool);
                }

                if (b!.RequiresGrad)
                {
                    Broadcast(OpCode.Multiply, gy, rows, cols, a.Span<T>(), a.Rows, a.Cols, t, rows, cols);
                    AccumulateReduced(b, t, rows, cols, T.One, pool);
                }

                return;
            case OpCode.Divide:
                if (a!.RequiresGrad)
                {
                    Broadcast(OpCode.Divide, gy, rows, cols, b!.Span<T>(), b.Rows, b.Cols, t, rows, cols);
                    AccumulateReduced(a, t, rows, cols, T.One, pool);
                }

                if (b!.RequiresGrad)
                {
                    // ∂(a/b)/∂b = −(a/b)/b = −y/b.
                    TensorPrimitives.Multiply(gy, y.Span<T>(), t);
                    Broadcast(OpCode.Divide, t, rows, cols, b.Span<T>(), b.Rows, b.Cols, t, rows, cols);
                    AccumulateReduced(b, t, rows, cols, T.NegativeOne, pool);
                }

                return;
            case OpCode.AddScalar:
            case OpCode.Reshape:
                Accumulate(a!, gy, T.One);
                return;
            case OpCode.Negate:
            case OpCode.ScalarSubtract:
                Accumulate(a!, gy, T.NegativeOne);
                return;
            case OpCode.MultiplyScalar:
                Accumulate(a!, gy, s);
                return;
            case OpCode.Sum:
            case OpCode.Mean:
            case OpCode.SumAxis0:
            case OpCode.MeanAxis0:
            case OpCode.SumAxis1:
            case OpCode.MeanAxis1:
                ReduceBackward(y, a!, gy, new Span<T>(scratch, 0, a!.Length));
                return;
            case OpCode.MatMul:
                MatMulBackward(a!, b!, gy);
                return;
            case OpCode.Linear:
                LinearBackward(a!, b!, y.Extra as TensorNode, gy);
                return;
            case OpCode.Transpose:
                Transpose(gy, rows, cols, t);
                Accumulate(a!, t, T.One);
                return;
            case OpCode.SliceRows:
                {
                    var grad = GradForScatter(a!);
                    var slice = grad.Slice((int)y.Scalar * Ops.RowWidth(a!), rows * cols);
                    TensorPrimitives.Add(slice, gy, slice);
                    return;
                }

            case OpCode.IndexRows:
                {
                    var grad = GradForScatter(a!);
                    var indices = (int[])y.Extra!;
                    var width = Ops.RowWidth(a!);
                    for (var i = 0; i < indices.Length; i++)
                    {
                        var row = grad.Slice(indices[i] * width, width);
                        TensorPrimitives.Add(row, gy.Slice(i * width, width), row);
                    }

                    return;
                }

            case OpCode.ConcatRows:
                {
                    var offset = 0;
                    foreach (var part in (TensorNode[])y.Extra!)
                    {
                        if (part.RequiresGrad)
                        {
                            Accumulate(part, gy.Slice(offset, part.Length), T.One);
                        }

                        offset += part.Length;
                    }

                    return;
                }

            case OpCode.MseLoss:
            case OpCode.L1Loss:
            case OpCode.HuberLoss:
            case OpCode.CrossEntropyIndices:
            case OpCode.CrossEntropyProbabilities:
            case OpCode.BceWithLogits:
                LossBackward(y, a!, b!, gy[0], new Span<T>(scratch, 0, a!.Length));
                Accumulate(a!, new Span<T>(scratch, 0, a!.Length), T.One);
                return;
            default:
                if (!a!.GradValid)
                {
                    // First contribution: write straight into the gradient instead of through scratch.
                    Autograd.EnsureGradBuffer(a);
                    UnaryBackward(y, a, gy, a.GradSpan<T>());
                    a.GradValid = true;
                    return;
                }

                UnaryBackward(y, a, gy, t);
                Accumulate(a, t, T.One);
                return;
        }
    }

    private static void ReduceBackward(TensorNode y, TensorNode x, ReadOnlySpan<T> gy, Span<T> t)
    {
        int rows = x.Rows, cols = x.Cols;
        switch (y.Op)
        {
            case OpCode.Sum:
                t.Fill(gy[0]);
                break;
            case OpCode.Mean:
                t.Fill(gy[0] / T.CreateTruncating(t.Length));
                break;
            case OpCode.SumAxis0:
            case OpCode.MeanAxis0:
                var scale0 = y.Op == OpCode.MeanAxis0 ? T.One / T.CreateTruncating(rows) : T.One;
                for (var r = 0; r < rows; r++)
                {
                    TensorPrimitives.Multiply(gy, scale0, t.Slice(r * cols, cols));
                }

                break;
            default:
                var scale1 = y.Op == OpCode.MeanAxis1 ? T.One / T.CreateTruncating(cols) : T.One;
                for (var r = 0; r < rows; r++)
                {
                    t.Slice(r * cols, cols).Fill(gy[r] * scale1);
                }

                break;
        }

        Accumulate(x, t, T.One);
    }

    private static void MatMulBackward(TensorNode a, TensorNode b, ReadOnlySpan<T> gy)
    {
        var (m, k, n) = Ops.MatMulDims(a, b);
        if (a.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(a);
            Gemm<T>.Multiply(false, true, m, k, n, gy, b.Span<T>(), a.GradSpan<T>(), a.GradValid);
            a.GradValid = true;
        }

        if (b.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(b);
            Gemm<T>.Multiply(true, false, k, n, m, a.Span<T>(), gy, b.GradSpan<T>(), b.GradValid);
            b.GradValid = true;
        }
    }

    private static void LinearBackward(TensorNode input, TensorNode weight, TensorNode? bias, ReadOnlySpan<T> gy)
    {
        var batch = input.Rows;
        int outFeatures = weight.Rows, inFeatures = weight.Cols;
        if (input.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(input);
            Gemm<T>.Multiply(false, false, batch, inFeatures, outFeatures, gy, weight.Span<T>(), input.GradSpan<T>(), input.GradValid);
            input.GradValid = true;
        }

        if (weight.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(weight);
            Gemm<T>.Multiply(true, false, outFeatures, inFeatures, batch, gy, input.Span<T>(), weight.GradSpan<T>(), weight.GradValid);
            weight.GradValid = true;
        }

        if (bias is not null && bias.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(bias);
            var grad = bias.GradSpan<T>();
            var start = 0;
            if (!bias.GradValid)
            {
                gy.Slice(0, outFeatures).CopyTo(grad);
                start = 1;
                bias.GradValid = true;
            }

            for (var r = start; r < batch; r++)
            {
                TensorPrimitives.Add(grad, gy.Slice(r * outFeatures, outFeatures), grad);
            }
        }
    }
}
