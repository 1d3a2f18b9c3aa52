using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// The backward of <see cref="Tensor.ConcatColumns"/>, PyTorch's <c>torch.cat(parts, dim=1)</c>: each part gets its
/// columns of the result's gradient. The parts are the node's <see cref="TensorNode.Extra"/> array.
/// </summary>
internal sealed class ColumnConcat : FusedOperation
{
    public static readonly ColumnConcat Instance = new();

    public override string Name => "ConcatColumns";

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var gy = y.GradSpan<T>();
        var offset = 0;
        foreach (var part in (TensorNode[])y.Extra!)
        {
            if (part.RequiresGrad)
            {
                var array = pool.RentArray(part.DType, part.Length);
                var columns = new Span<T>(Unsafe.As<T[]>(array), 0, part.Length);
                for (var r = 0; r < y.Rows; r++)
                {
                    gy.Slice((r * y.Cols) + offset, part.Cols).CopyTo(columns.Slice(r * part.Cols, part.Cols));
                }

                Kernels<T>.Accumulate(part, columns, T.One);
                pool.ReturnArray(array);
            }

            offset += part.Cols;
        }
    }

    public override void VectorJacobianProduct(TensorNode y, Tensor gradient, GradientSweep sweep)
    {
        var offset = 0;
        foreach (var part in (TensorNode[])y.Extra!)
        {
            if (sweep.Wants(part))
            {
                sweep.Add(part, gradient.SliceColumns(offset, part.Cols));
            }

            offset += part.Cols;
        }
    }
}
