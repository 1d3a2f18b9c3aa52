using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// A linear layer applied to a stacked jet: every block is multiplied by Wᵀ (derivatives are linear), and the
/// bias is added to the value block only. One GEMM for all blocks.
/// </summary>
internal sealed class JetLinear(int points) : FusedOperation
{
    public int Points { get; } = points;

    public override string Name => "JetLinear";

    public static Tensor Apply(JetLinear operation, TensorNode jet, TensorNode weight, TensorNode? bias)
    {
        var result = Ops.FusedResult(operation, jet, weight, bias, 2, jet.Rows, weight.Rows);
        if (jet.DType == DType.Float32)
        {
            Forward<float>(jet, weight, bias, result, operation.Points);
        }
        else
        {
            Forward<double>(jet, weight, bias, result, operation.Points);
        }

        return new Tensor(result);
    }

    private static void Forward<T>(TensorNode jet, TensorNode weight, TensorNode? bias, TensorNode result, int points)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        int outFeatures = weight.Rows, inFeatures = weight.Cols;
        var y = result.Span<T>();
        var b = bias is null ? default : bias.Span<T>();
        if (outFeatures < Vector<T>.Count)
        {
            SkinnyGemm<T>.RowsDotRows(jet.Span<T>(), jet.Rows, inFeatures, weight.Span<T>(), outFeatures, y, b, points);
            return;
        }

        var pool = TensorPool.Current;
        var array = pool.RentArray(weight.DType, weight.Length);
        var transposed = new Span<T>(Unsafe.As<T[]>(array), 0, weight.Length);
        Kernels<T>.Transpose(weight.Span<T>(), outFeatures, inFeatures, transposed);
        SkinnyGemm<T>.RowsTimesMatrix(jet.Span<T>(), jet.Rows, inFeatures, transposed, outFeatures, y, false, b, points);
        pool.ReturnArray(array);
    }

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var jet = y.A!;
        var weight = y.B!;
        var bias = y.Extra as TensorNode;
        var gy = y.GradSpan<T>();
        int rows = jet.Rows, outFeatures = weight.Rows, inFeatures = weight.Cols;
        if (jet.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(jet);
            SkinnyGemm<T>.RowsTimesMatrix(gy, rows, outFeatures, weight.Span<T>(), inFeatures, jet.GradSpan<T>(), jet.GradValid);
            jet.GradValid = true;
        }

        if (weight.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(weight);
            var array = pool.RentArray(weight.DType, weight.Length);
            SkinnyGemm<T>.TransposeTimes(gy, rows, outFeatures, jet.Span<T>(), inFeatures, weight.GradSpan<T>(), weight.GradValid, new Span<T>(Unsafe.As<T[]>(array), 0, weight.Length));
            pool.ReturnArray(array);
            weight.GradValid = true;
        }

        if (bias is not null && bias.RequiresGrad)
        {
            Autograd.EnsureGrad(bias);
            var grad = bias.GradSpan<T>();
            SkinnyGemm<T>.AddColumnSums(gy, Points, outFeatures, grad);
            bias.GradValid = true;
        }
    }
}
