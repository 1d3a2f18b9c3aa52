using System.Numerics;
using System.Numerics.Tensors;

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
        Gemm<T>.Multiply(false, true, jet.Rows, outFeatures, inFeatures, jet.Span<T>(), weight.Span<T>(), y, false);
        if (bias is not null)
        {
            var b = bias.Span<T>();
            for (var r = 0; r < points; r++)
            {
                var row = y.Slice(r * outFeatures, outFeatures);
                TensorPrimitives.Add(row, b, row);
            }
        }
    }

    public override void Backward(TensorNode y, TensorPool pool)
    {
        if (y.DType == DType.Float32)
        {
            Backward<float>(y);
        }
        else
        {
            Backward<double>(y);
        }
    }

    private void Backward<T>(TensorNode y)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var jet = y.A!;
        var weight = y.B!;
        var bias = y.Extra as TensorNode;
        var gy = y.GradSpan<T>();
        int rows = jet.Rows, outFeatures = weight.Rows, inFeatures = weight.Cols;
        if (jet.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(jet);
            Gemm<T>.Multiply(false, false, rows, inFeatures, outFeatures, gy, weight.Span<T>(), jet.GradSpan<T>(), jet.GradValid);
            jet.GradValid = true;
        }

        if (weight.RequiresGrad)
        {
            Autograd.EnsureGradBuffer(weight);
            Gemm<T>.Multiply(true, false, outFeatures, inFeatures, rows, gy, jet.Span<T>(), weight.GradSpan<T>(), weight.GradValid);
            weight.GradValid = true;
        }

        if (bias is not null && bias.RequiresGrad)
        {
            Autograd.EnsureGrad(bias);
            var grad = bias.GradSpan<T>();
            for (var r = 0; r < Points; r++)
            {
                TensorPrimitives.Add(grad, gy.Slice(r * outFeatures, outFeatures), grad);
            }

            bias.GradValid = true;
        }
    }
}
