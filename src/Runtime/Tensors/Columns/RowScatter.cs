namespace Leibniz;

/// <summary>
/// The backward of <see cref="Tensor.IndexRows"/> as a recorded operation: the rows of the node's input are added
/// into zeros of the indexed tensor's shape at the node's indices (in <see cref="TensorNode.Extra"/>), so repeats
/// add up. Its own backward gathers those rows again.
/// </summary>
internal sealed class RowScatter : FusedOperation
{
    public static readonly RowScatter Instance = new();

    public override string Name => "IndexRows backward (row scatter)";

    /// <summary>Rows of <paramref name="g"/> added at <paramref name="indices"/> into zeros shaped like <paramref name="like"/>.</summary>
    public static Tensor Apply(Tensor g, int[] indices, TensorNode like)
    {
        var source = g.Node;
        var record = NoGradScope.IsGradEnabled && source.RequiresGrad;
        var generation = source.Generation;
        var result = record ? TensorPool.Current.RentNode(like.DType, like.Rank, like.Rows, like.Cols) : TensorNode.NewLeaf(like.DType, like.Rank, like.Rows, like.Cols);
        if (source.Generation != generation || source == result)
        {
            throw Ops.Stale();
        }

        if (record)
        {
            result.Op = OpCode.Fused;
            result.Fused = Instance;
            result.A = source;
            result.GenerationA = generation;
            result.B = null;
            result.Extra = indices;
            result.GradValid = false;
        }

        Array.Clear(result.Data, 0, result.Length);
        if (like.DType == DType.Float32)
        {
            Scatter<float>(source.Span<float>(), indices, Ops.RowWidth(like), result.Span<float>());
        }
        else
        {
            Scatter<double>(source.Span<double>(), indices, Ops.RowWidth(like), result.Span<double>());
        }

        return new Tensor(result);
    }

    private static void Scatter<T>(ReadOnlySpan<T> rows, int[] indices, int width, Span<T> target)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>
    {
        for (var i = 0; i < indices.Length; i++)
        {
            var row = target.Slice(indices[i] * width, width);
            System.Numerics.Tensors.TensorPrimitives.Add(row, rows.Slice(i * width, width), row);
        }
    }

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var source = y.A!;
        var indices = (int[])y.Extra!;
        var width = Ops.RowWidth(y);
        var array = pool.RentArray(source.DType, source.Length);
        var gathered = new Span<T>((T[])array, 0, source.Length);
        var gy = y.GradSpan<T>();
        for (var i = 0; i < indices.Length; i++)
        {
            gy.Slice(indices[i] * width, width).CopyTo(gathered.Slice(i * width, width));
        }

        Kernels<T>.Accumulate(source, gathered, T.One);
        pool.ReturnArray(array);
    }

    public override void VectorJacobianProduct(TensorNode y, Tensor gradient, GradientSweep sweep)
    {
        if (sweep.Wants(y.A))
        {
            sweep.Add(y.A!, gradient.IndexRows((int[])y.Extra!));
        }
    }
}
