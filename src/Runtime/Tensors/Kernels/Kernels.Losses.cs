using System.Numerics.Tensors;

namespace Leibniz;

internal static partial class Kernels<T>
{
    public static void LossForward(OpCode op, TensorNode prediction, TensorNode target, TensorNode result, double scale, double parameter)
    {
        var x = prediction.Span<T>();
        var t = target.Span<T>();
        var total = T.Zero;
        switch (op)
        {
            case OpCode.MseLoss:
                for (var i = 0; i < x.Length; i++)
                {
                    var d = x[i] - t[i];
                    total += d * d;
                }

                break;
            case OpCode.L1Loss:
                for (var i = 0; i < x.Length; i++)
                {
                    total += T.Abs(x[i] - t[i]);
                }

                break;
            case OpCode.HuberLoss:
                var delta = T.CreateTruncating(parameter);
                var half = T.CreateTruncating(0.5);
                for (var i = 0; i < x.Length; i++)
                {
                    var d = T.Abs(x[i] - t[i]);
                    total += d <= delta ? half * d * d : delta * (d - (half * delta));
                }

                break;
            case OpCode.BceWithLogits:
                for (var i = 0; i < x.Length; i++)
                {
                    total += T.Max(x[i], T.Zero) - (x[i] * t[i]) + T.LogP1(T.Exp(-T.Abs(x[i])));
                }

                break;
            case OpCode.CrossEntropyIndices:
                {
                    var classes = prediction.Cols;
                    for (var r = 0; r < prediction.Rows; r++)
                    {
                        var label = double.CreateTruncating(t[r]);
                        var index = (int)label;
                        if (index != label || index < 0 || index >= classes)
                        {
                            throw new ArgumentException($"Class index {label} at position {r} is not an integer in [0, {classes}).", nameof(target));
                        }

                        var row = x.Slice(r * classes, classes);
                        total += LogSumExp(row) - row[index];
                    }

                    break;
                }

            case OpCode.CrossEntropyProbabilities:
                {
                    var classes = prediction.Cols;
                    for (var r = 0; r < prediction.Rows; r++)
                    {
                        var row = x.Slice(r * classes, classes);
                        var probabilities = t.Slice(r * classes, classes);
                        total += (LogSumExp(row) * TensorPrimitives.Sum(probabilities)) - TensorPrimitives.Dot(row, probabilities);
                    }

                    break;
                }
        }

        result.Span<T>()[0] = total * T.CreateTruncating(scale);
    }

    private static T LogSumExp(ReadOnlySpan<T> row)
    {
        var max = TensorPrimitives.Max(row);
        var sum = T.Zero;
        foreach (var value in row)
        {
            sum += T.Exp(value - max);
        }

        return max + T.Log(sum);
    }

    /// <summary>t = ∂L/∂prediction for the fused losses, given the upstream gradient of the scalar loss.</summary>
    private static void LossBackward(TensorNode node, TensorNode prediction, TensorNode target, T upstream, Span<T> g)
    {
        var x = prediction.Span<T>();
        var t = target.Span<T>();
        var scale = upstream * T.CreateTruncating(node.Scalar);
        switch (node.Op)
        {
            case OpCode.MseLoss:
                TensorPrimitives.Subtract(x, t, g);
                TensorPrimitives.Multiply(g, scale + scale, g);
                break;
            case OpCode.L1Loss:
                for (var i = 0; i < g.Length; i++)
                {
                    var d = x[i] - t[i];
                    g[i] = d > T.Zero ? scale : d < T.Zero ? -scale : T.Zero;
                }

                break;
            case OpCode.HuberLoss:
                var delta = T.CreateTruncating(node.Scalar2);
                for (var i = 0; i < g.Length; i++)
                {
                    g[i] = T.Clamp(x[i] - t[i], -delta, delta) * scale;
                }

                break;
            case OpCode.BceWithLogits:
                for (var i = 0; i < g.Length; i++)
                {
                    g[i] = ((T.One / (T.One + T.Exp(-x[i]))) - t[i]) * scale;
                }

                break;
            case OpCode.CrossEntropyIndices:
            case OpCode.CrossEntropyProbabilities:
                {
                    var classes = prediction.Cols;
                    for (var r = 0; r < prediction.Rows; r++)
                    {
                        var row = x.Slice(r * classes, classes);
                        var target_ = g.Slice(r * classes, classes);
                        var max = TensorPrimitives.Max(row);
                        TensorPrimitives.Subtract(row, max, target_);
                        TensorPrimitives.Exp(target_, target_);
                        TensorPrimitives.Divide(target_, TensorPrimitives.Sum(target_), target_);
                        if (node.Op == OpCode.CrossEntropyIndices)
                        {
                            target_[(int)double.CreateTruncating(t[r])] -= T.One;
                        }
                        else
                        {
                            var probabilities = t.Slice(r * classes, classes);
                            TensorPrimitives.Multiply(target_, TensorPrimitives.Sum(probabilities), target_);
                            TensorPrimitives.Subtract(target_, probabilities, target_);
                        }

                        TensorPrimitives.Multiply(target_, scale, target_);
                    }

                    break;
                }
        }
    }
}
