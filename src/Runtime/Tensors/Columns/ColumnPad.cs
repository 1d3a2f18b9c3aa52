namespace Leibniz;

/// <summary>
/// The backward of <see cref="Tensor.SliceColumns"/> as a recorded operation: the input's columns placed at a start
/// column (the node's <see cref="TensorNode.Scalar"/>) of zeros; its own backward slices those columns again.
/// Pooled like every graph node, so nested <see cref="Autograd.Grad(Tensor, Tensor, Tensor?, bool, bool?, bool)"/>
/// through column slices allocates nothing per step.
/// </summary>
internal sealed class ColumnPad : FusedOperation
{
    public static readonly ColumnPad Instance = new();

    public override string Name => "SliceColumns backward (column pad)";

    /// <summary><paramref name="g"/>'s columns at <paramref name="start"/> of zeros with <paramref name="columns"/> columns.</summary>
    public static Tensor Apply(Tensor g, int start, int columns)
    {
        var source = g.Node;
        var result = Ops.FusedResult(Instance, source, null, null, 2, source.Rows, columns);
        result.Scalar = start;
        Array.Clear(result.Data, 0, result.Length);
        for (var r = 0; r < source.Rows; r++)
        {
            Array.Copy(source.Data, r * source.Cols, result.Data, (r * columns) + start, source.Cols);
        }

        return new Tensor(result);
    }

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var source = y.A!;
        var start = (int)y.Scalar;
        var array = pool.RentArray(source.DType, source.Length);
        var columns = new Span<T>((T[])array, 0, source.Length);
        var gy = y.GradSpan<T>();
        for (var r = 0; r < source.Rows; r++)
        {
            gy.Slice((r * y.Cols) + start, source.Cols).CopyTo(columns.Slice(r * source.Cols, source.Cols));
        }

        Kernels<T>.Accumulate(source, columns, T.One);
        pool.ReturnArray(array);
    }

    public override void VectorJacobianProduct(TensorNode y, Tensor gradient, GradientSweep sweep)
    {
        if (sweep.Wants(y.A))
        {
            sweep.Add(y.A, gradient.SliceColumns((int)y.Scalar, y.A.Cols));
        }
    }
}
