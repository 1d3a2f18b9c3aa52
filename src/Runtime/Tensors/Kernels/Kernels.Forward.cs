using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Leibniz;

/// <summary>Vectorized kernels for one element type; one switch per operation, never a call per element.</summary>
internal static partial class Kernels<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static T Cast(double value) => T.CreateTruncating(value);

    /// <summary>result = a op b with row/column broadcasting; result may alias a.</summary>
    public static void Broadcast(OpCode op, TensorNode a, TensorNode b, TensorNode result) =>
        Broadcast(op, a.Span<T>(), a.Rows, a.Cols, b.Span<T>(), b.Rows, b.Cols, result.Span<T>(), result.Rows, result.Cols);

    /// <summary>z[rows, cols] = x op y, where x and y each have 1 or all rows and 1 or all columns.</summary>
    public static void Broadcast(OpCode op, ReadOnlySpan<T> x, int xRows, int xCols, ReadOnlySpan<T> y, int yRows, int yCols, Span<T> z, int rows, int cols)
    {
        if (xRows == rows && xCols == cols && yRows == rows && yCols == cols)
        {
            VectorVector(op, x.Slice(0, rows * cols), y.Slice(0, rows * cols), z.Slice(0, rows * cols));
            return;
        }

        for (var r = 0; r < rows; r++)
        {
            var target = z.Slice(r * cols, cols);
            var rowA = xRows == 1 ? x.Slice(0, xCols) : x.Slice(r * xCols, xCols);
            var rowB = yRows == 1 ? y.Slice(0, yCols) : y.Slice(r * yCols, yCols);
            if (rowA.Length == cols && rowB.Length == cols)
            {
                VectorVector(op, rowA, rowB, target);
            }
            else if (rowA.Length == cols)
            {
                VectorScalar(op, rowA, rowB[0], target);
            }
            else if (rowB.Length == cols)
            {
                ScalarVector(op, rowA[0], rowB, target);
            }
            else
            {
                target.Fill(Apply(op, rowA[0], rowB[0]));
            }
        }
    }

    private static T Apply(OpCode op, T a, T b) => op switch
    {
        OpCode.Add => a + b,
        OpCode.Subtract => a - b,
        OpCode.Multiply => a * b,
        _ => a / b,
    };

    private static void VectorVector(OpCode op, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> z)
    {
        switch (op)
        {
            case OpCode.Add: TensorPrimitives.Add(a, b, z); break;
            case OpCode.Subtract: TensorPrimitives.Subtract(a, b, z); break;
            case OpCode.Multiply: TensorPrimitives.Multiply(a, b, z); break;
            default: TensorPrimitives.Divide(a, b, z); break;
        }
    }

    private static void VectorScalar(OpCode op, ReadOnlySpan<T> a, T b, Span<T> z)
    {
        switch (op)
        {
            case OpCode.Add: TensorPrimitives.Add(a, b, z); break;
            case OpCode.Subtract: TensorPrimitives.Subtract(a, b, z); break;
            case OpCode.Multiply: TensorPrimitives.Multiply(a, b, z); break;
            default: TensorPrimitives.Divide(a, b, z); break;
        }
    }

    private static void ScalarVector(OpCode op, T a, ReadOnlySpan<T> b, Span<T> z)
    {
        switch (op)
        {
            case OpCode.Add: TensorPrimitives.Add(b, a, z); break;
            case OpCode.Subtract: TensorPrimitives.Subtract(a, b, z); break;
            case OpCode.Multiply: TensorPrimitives.Multiply(b, a, z); break;
            default: TensorPrimitives.Divide(a, b, z); break;
        }
    }

    public static void UnaryForward(OpCode op, TensorNode input, TensorNode output, double scalar, double scalar2)
    {
        var x = input.Span<T>();
        var y = output.Span<T>();
        var s = Cast(scalar);
        switch (op)
        {
            case OpCode.AddScalar: TensorPrimitives.Add(x, s, y); break;
            case OpCode.MultiplyScalar: TensorPrimitives.Multiply(x, s, y); break;
            case OpCode.ScalarSubtract: TensorPrimitives.Subtract(s, x, y); break;
            case OpCode.ScalarDivide: TensorPrimitives.Divide(s, x, y); break;
            case OpCode.Negate: TensorPrimitives.Negate(x, y); break;
            case OpCode.Exp: TensorPrimitives.Exp(x, y); break;
            case OpCode.Log: TensorPrimitives.Log(x, y); break;
            case OpCode.Sqrt: TensorPrimitives.Sqrt(x, y); break;
            case OpCode.Abs: TensorPrimitives.Abs(x, y); break;
            case OpCode.Sin: TensorPrimitives.Sin(x, y); break;
            case OpCode.Cos: TensorPrimitives.Cos(x, y); break;
            case OpCode.Tanh: AccurateTanh.Compute<T>(x, y); break;
            case OpCode.Sigmoid: TensorPrimitives.Sigmoid(x, y); break;
            case OpCode.Relu: Relu(x, y); break;
            case OpCode.PowScalar: Pow(x, scalar, y); break;
            case OpCode.LogSoftmax: Softmax(x, y, input.Cols, log: true); break;
            case OpCode.Softmax: Softmax(x, y, input.Cols, log: false); break;
            default: Pointwise(op, x, y, scalar, scalar2); break;
        }
    }

    private static void Relu(ReadOnlySpan<T> x, Span<T> y)
    {
        // max(x, 0) that maps NaN to NaN, like PyTorch's relu.
        TensorPrimitives.Max(x, T.Zero, y);
    }

    private static void Pow(ReadOnlySpan<T> x, double exponent, Span<T> y)
    {
        if (exponent == 2.0)
        {
            TensorPrimitives.Multiply(x, x, y);
        }
        else if (exponent == 1.0)
        {
            x.CopyTo(y);
        }
        else if (exponent == 0.5)
        {
            TensorPrimitives.Sqrt(x, y);
        }
        else
        {
            TensorPrimitives.Pow(x, Cast(exponent), y);
        }
    }

    private static void Softmax(ReadOnlySpan<T> x, Span<T> y, int cols, bool log)
    {
        for (var start = 0; start < x.Length; start += cols)
        {
            var row = x.Slice(start, cols);
            var target = y.Slice(start, cols);
            var max = TensorPrimitives.Max(row);
            TensorPrimitives.Subtract(row, max, target);
            if (log)
            {
                var sum = T.Zero;
                foreach (var value in target)
                {
                    sum += T.Exp(value);
                }

                TensorPrimitives.Subtract(target, T.Log(sum), target);
            }
            else
            {
                TensorPrimitives.Exp(target, target);
                TensorPrimitives.Divide(target, TensorPrimitives.Sum(target), target);
            }
        }
    }

    private static void Pointwise(OpCode op, ReadOnlySpan<T> x, Span<T> y, double scalar, double scalar2)
    {
        var s = Cast(scalar);
        switch (op)
        {
            case OpCode.LeakyRelu:
                for (var i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] > T.Zero ? x[i] : s * x[i];
                }

                break;
            case OpCode.Softplus:
                var threshold = Cast(scalar2);
                for (var i = 0; i < x.Length; i++)
                {
                    var bx = s * x[i];
                    y[i] = bx > threshold ? x[i] : (T.Max(bx, T.Zero) + T.LogP1(T.Exp(-T.Abs(bx)))) / s;
                }

                break;
            case OpCode.Elu:
                for (var i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] > T.Zero ? x[i] : s * (T.Exp(x[i]) - T.One);
                }

                break;
            case OpCode.Silu:
                for (var i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] / (T.One + T.Exp(-x[i]));
                }

                break;
            case OpCode.Heaviside:
                for (var i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] >= T.Zero ? T.One : T.Zero;
                }

                break;
            case OpCode.Sign:
                for (var i = 0; i < x.Length; i++)
                {
                    y[i] = x[i] > T.Zero ? T.One : x[i] < T.Zero ? T.NegativeOne : T.Zero;
                }

                break;
            default:
                throw new InvalidOperationException($"No forward kernel for {op}.");
        }
    }

    public static void ReduceForward(OpCode op, TensorNode input, TensorNode output)
    {
        var x = input.Span<T>();
        var y = output.Span<T>();
        var rows = input.Rows;
        var cols = input.Cols;
        switch (op)
        {
            case OpCode.Sum:
                y[0] = TensorPrimitives.Sum(x);
                break;
            case OpCode.Mean:
                y[0] = TensorPrimitives.Sum(x) / T.CreateTruncating(x.Length);
                break;
            case OpCode.SumAxis0:
            case OpCode.MeanAxis0:
                x.Slice(0, cols).CopyTo(y);
                for (var r = 1; r < rows; r++)
                {
                    TensorPrimitives.Add(y, x.Slice(r * cols, cols), y);
                }

                if (op == OpCode.MeanAxis0)
                {
                    TensorPrimitives.Multiply(y, T.One / T.CreateTruncating(rows), y);
                }

                break;
            default:
                var scale = op == OpCode.MeanAxis1 ? T.One / T.CreateTruncating(cols) : T.One;
                for (var r = 0; r < rows; r++)
                {
                    y[r] = TensorPrimitives.Sum(x.Slice(r * cols, cols)) * scale;
                }

                break;
        }
    }

    public static void LinearForward(TensorNode input, TensorNode weight, TensorNode? bias, TensorNode output)
    {
        var batch = input.Rows;
        var outFeatures = weight.Rows;
        var y = output.Span<T>();
        if (bias is not null)
        {
            var b = bias.Span<T>();
            for (var r = 0; r < batch; r++)
            {
                b.CopyTo(y.Slice(r * outFeatures, outFeatures));
            }
        }

        Gemm<T>.Multiply(false, true, batch, outFeatures, weight.Cols, input.Span<T>(), weight.Span<T>(), y, bias is not null);
    }

    public static void Transpose(ReadOnlySpan<T> x, int rows, int cols, Span<T> y)
    {
        if (x.Length < rows * cols || y.Length < rows * cols)
        {
            throw new ArgumentException("Transpose buffers are too small.", nameof(y));
        }

        const int Block = 32;
        ref var source = ref MemoryMarshal.GetReference(x);
        ref var target = ref MemoryMarshal.GetReference(y);
        for (var r0 = 0; r0 < rows; r0 += Block)
        {
            var r1 = Math.Min(r0 + Block, rows);
            for (var c0 = 0; c0 < cols; c0 += Block)
            {
                var c1 = Math.Min(c0 + Block, cols);
                for (var r = r0; r < r1; r++)
                {
                    ref var row = ref Unsafe.Add(ref source, r * cols);
                    for (var c = c0; c < c1; c++)
                    {
                        Unsafe.Add(ref target, (c * rows) + r) = Unsafe.Add(ref row, c);
                    }
                }
            }
        }
    }
}
