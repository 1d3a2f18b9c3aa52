using System.Numerics;
using System.Numerics.Tensors;

namespace Leibniz;

internal static partial class Kernels<T>
{
    /// <summary>t = ∂L/∂x for an element-wise (or row-wise softmax) operation y = f(x).</summary>
    private static void UnaryBackward(TensorNode node, TensorNode input, ReadOnlySpan<T> gy, Span<T> t)
    {
        var x = input.Span<T>();
        var y = node.Span<T>();
        var s = T.CreateTruncating(node.Scalar);
        switch (node.Op)
        {
            case OpCode.Exp:
                TensorPrimitives.Multiply(gy, y, t);
                break;
            case OpCode.Log:
                TensorPrimitives.Divide(gy, x, t);
                break;
            case OpCode.Sqrt:
                TensorPrimitives.Divide(gy, y, t);
                TensorPrimitives.Multiply(t, T.CreateTruncating(0.5), t);
                break;
            case OpCode.ScalarDivide:
                // ∂(s/x)/∂x = −s/x² = −y/x.
                TensorPrimitives.Multiply(gy, y, t);
                TensorPrimitives.Divide(t, x, t);
                TensorPrimitives.Negate(t, t);
                break;
            case OpCode.Tanh:
                TanhBackward(x, gy, t);
                break;
            case OpCode.Sigmoid:
                SigmoidBackward(x, y, gy, t);
                break;
            case OpCode.Relu:
                ReluBackward(x, gy, t);
                break;
            case OpCode.LeakyRelu:
                for (var i = 0; i < t.Length; i++)
                {
                    t[i] = x[i] > T.Zero ? gy[i] : s * gy[i];
                }

                break;
            case OpCode.Softplus:
                var threshold = T.CreateTruncating(node.Scalar2);
                for (var i = 0; i < t.Length; i++)
                {
                    var bx = s * x[i];
                    t[i] = bx > threshold ? gy[i] : gy[i] / (T.One + T.Exp(-bx));
                }

                break;
            case OpCode.Elu:
                for (var i = 0; i < t.Length; i++)
                {
                    t[i] = x[i] > T.Zero ? gy[i] : gy[i] * (y[i] + s);
                }

                break;
            case OpCode.Silu:
                for (var i = 0; i < t.Length; i++)
                {
                    var sigma = T.One / (T.One + T.Exp(-x[i]));
                    t[i] = gy[i] * sigma * (T.One + (x[i] * (T.One - sigma)));
                }

                break;
            case OpCode.Abs:
                for (var i = 0; i < t.Length; i++)
                {
                    t[i] = x[i] > T.Zero ? gy[i] : x[i] < T.Zero ? -gy[i] : T.Zero;
                }

                break;
            case OpCode.Sin:
                TensorPrimitives.Cos(x, t);
                TensorPrimitives.Multiply(t, gy, t);
                break;
            case OpCode.Cos:
                TensorPrimitives.Sin(x, t);
                TensorPrimitives.Multiply(t, gy, t);
                TensorPrimitives.Negate(t, t);
                break;
            case OpCode.Heaviside:
            case OpCode.Sign:
                t.Clear();
                break;
            case OpCode.PowScalar:
                PowBackward(x, gy, node.Scalar, t);
                break;
            case OpCode.Custom:
                var function = (ElementwiseFunction)node.Extra!;
                for (var i = 0; i < t.Length; i++)
                {
                    t[i] = gy[i] * T.CreateTruncating(function.Derivative(double.CreateTruncating(x[i])));
                }

                break;
            case OpCode.LogSoftmax:
                for (var start = 0; start < t.Length; start += input.Cols)
                {
                    var g = gy.Slice(start, input.Cols);
                    var total = TensorPrimitives.Sum(g);
                    var target = t.Slice(start, input.Cols);
                    TensorPrimitives.Exp(y.Slice(start, input.Cols), target);
                    TensorPrimitives.Multiply(target, -total, target);
                    TensorPrimitives.Add(target, g, target);
                }

                break;
            case OpCode.Softmax:
                for (var start = 0; start < t.Length; start += input.Cols)
                {
                    var g = gy.Slice(start, input.Cols);
                    var p = y.Slice(start, input.Cols);
                    var dot = TensorPrimitives.Dot(g, p);
                    var target = t.Slice(start, input.Cols);
                    TensorPrimitives.Subtract(g, dot, target);
                    TensorPrimitives.Multiply(target, p, target);
                }

                break;
            default:
                throw new InvalidOperationException($"No backward kernel for {node.Op}.");
        }
    }

    private static void PowBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gy, double exponent, Span<T> t)
    {
        if (exponent == 2.0)
        {
            TensorPrimitives.Multiply(x, gy, t);
            TensorPrimitives.Multiply(t, T.CreateTruncating(2.0), t);
            return;
        }

        var p = T.CreateTruncating(exponent);
        var pMinusOne = T.CreateTruncating(exponent - 1);
        for (var i = 0; i < t.Length; i++)
        {
            t[i] = gy[i] * p * T.Pow(x[i], pMinusOne);
        }
    }

    /// <summary>
    /// tanh′ = sech² x = (1/cosh x)², the derivative table's form: 1 − tanh² cancels to 0 where tanh rounds to ±1
    /// (|x| ≳ 9 in float32, 19 in float64) while sech² stays accurate until it underflows.
    /// </summary>
    private static void TanhBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gy, Span<T> t)
    {
        TensorPrimitives.Cosh(x, t);
        var i = 0;
        for (; i <= t.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var sech = Vector<T>.One / new Vector<T>(t.Slice(i));
            (new Vector<T>(gy.Slice(i)) * sech * sech).CopyTo(t.Slice(i));
        }

        for (; i < t.Length; i++)
        {
            var sech = T.One / t[i];
            t[i] = gy[i] * sech * sech;
        }
    }

    /// <summary>
    /// σ′ = σ(x)·σ(−x) = y/(1 + eˣ), the derivative table's form: σ·(1 − σ) cancels to 0 where σ rounds to 1
    /// (x ≳ 17 in float32, 37 in float64).
    /// </summary>
    private static void SigmoidBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> y, ReadOnlySpan<T> gy, Span<T> t)
    {
        TensorPrimitives.Exp(x, t);
        var i = 0;
        for (; i <= t.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            (new Vector<T>(gy.Slice(i)) * new Vector<T>(y.Slice(i)) / (Vector<T>.One + new Vector<T>(t.Slice(i)))).CopyTo(t.Slice(i));
        }

        for (; i < t.Length; i++)
        {
            t[i] = gy[i] * y[i] / (T.One + t[i]);
        }
    }

    private static void ReluBackward(ReadOnlySpan<T> x, ReadOnlySpan<T> gy, Span<T> t)
    {
        var i = 0;
        for (; i <= t.Length - Vector<T>.Count; i += Vector<T>.Count)
        {
            var positive = Vector.GreaterThan(new Vector<T>(x.Slice(i)), Vector<T>.Zero);
            Vector.ConditionalSelect(positive, new Vector<T>(gy.Slice(i)), Vector<T>.Zero).CopyTo(t.Slice(i));
        }

        for (; i < t.Length; i++)
        {
            t[i] = x[i] > T.Zero ? gy[i] : T.Zero;
        }
    }
}
