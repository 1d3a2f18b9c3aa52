namespace Leibniz;

/// <summary>Fused loss operations: one graph node each, the reduction and its gradient computed in one pass.</summary>
internal static partial class Ops
{
    /// <summary>
    /// The loss of <paramref name="prediction"/> against <paramref name="target"/> (no gradient flows to the target).
    /// <paramref name="sum"/> selects sum reduction instead of the mean; <paramref name="parameter"/> is Huber's δ.
    /// </summary>
    public static Tensor Loss(OpCode op, TensorNode prediction, TensorNode target, bool sum, double parameter, string lossName)
    {
        CheckSameDType(prediction, target, lossName);
        int count;
        switch (op)
        {
            case OpCode.CrossEntropyIndices:
                if (prediction.Rank == 0 || target.Length != prediction.Rows || target.Rank > 1)
                {
                    throw new ArgumentException($"{lossName} needs logits [batch, classes] and class indices [batch]; got {prediction.ShapeText()} and {target.ShapeText()}.", nameof(target));
                }

                count = prediction.Rows;
                break;
            case OpCode.CrossEntropyProbabilities:
                count = prediction.Rows;
                if (target.Rank != prediction.Rank || target.Rows != prediction.Rows || target.Cols != prediction.Cols)
                {
                    throw new ArgumentException($"{lossName} needs class probabilities of the logits' shape {prediction.ShapeText()}, not {target.ShapeText()}.", nameof(target));
                }

                break;
            default:
                count = prediction.Length;
                if (target.Rank != prediction.Rank || target.Rows != prediction.Rows || target.Cols != prediction.Cols)
                {
                    throw new ArgumentException($"{lossName} needs prediction and target of the same shape; got {prediction.ShapeText()} and {target.ShapeText()} (reshape one: broadcasting them silently is a classic bug).", nameof(target));
                }

                break;
        }

        var scale = sum || count == 0 ? 1.0 : 1.0 / count;
        var result = Result(Records(prediction), prediction, 0, 1, 1, op, prediction, target, scale, parameter);
        if (prediction.DType == DType.Float32)
        {
            Kernels<float>.LossForward(op, prediction, target, result, scale, parameter);
        }
        else
        {
            Kernels<double>.LossForward(op, prediction, target, result, scale, parameter);
        }

        return new Tensor(result);
    }
}
