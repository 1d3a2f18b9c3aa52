namespace Leibniz;

/// <summary>
/// The backward of <see cref="Tensor.SliceColumns"/>, PyTorch's <c>x[:, start:start + count]</c>: the slice's gradient
/// lands in its columns of the input's gradient. The start column is kept in the node's <see cref="TensorNode.Scalar"/>.
/// </summary>
internal sealed class ColumnSlice : FusedOperation
{
    public static readonly ColumnSlice Instance = new();

    public override string Name => "SliceColumns";

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var x = y.A!;
        var start = (int)y.Scalar;
        Autograd.EnsureGrad(x);
        x.GradValid = true;
        var grad = x.GradSpan<T>();
        var gy = y.GradSpan<T>();
        for (var r = 0; r < y.Rows; r++)
        {
            var row = grad.Slice((r * x.Cols) + start, y.Cols);
            System.Numerics.Tensors.TensorPrimitives.Add(row, gy.Slice(r * y.Cols, y.Cols), row);
        }
    }

    public override void VectorJacobianProduct(TensorNode y, Tensor gradient, GradientSweep sweep)
    {
        var x = y.A!;
        if (!sweep.Wants(x))
        {
            return;
        }

        sweep.Add(x, ColumnPad.Apply(gradient, (int)y.Scalar, x.Cols));
    }
}
