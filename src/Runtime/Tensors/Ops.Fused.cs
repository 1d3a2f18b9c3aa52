namespace Leibniz;

internal static partial class Ops
{
    /// <summary>
    /// The result node of a fused kernel: recorded (from the pool) when gradient mode is on and an input requires
    /// grad, else a fresh leaf. The caller fills its data.
    /// </summary>
    public static TensorNode FusedResult(FusedOperation operation, TensorNode a, TensorNode? b, TensorNode? extra, int rank, int rows, int cols)
    {
        var record = NoGradScope.IsGradEnabled && (a.RequiresGrad || (b?.RequiresGrad ?? false) || (extra?.RequiresGrad ?? false));
        var generationExtra = extra?.Generation ?? 0;
        var result = Result(record, a, rank, rows, cols, OpCode.Fused, a, b, extra: extra);
        if (extra is not null && (extra.Generation != generationExtra || extra == result))
        {
            throw Stale();
        }

        if (record)
        {
            result.Fused = operation;
        }

        return result;
    }
}
