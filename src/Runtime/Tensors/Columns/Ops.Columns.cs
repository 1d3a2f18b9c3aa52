namespace Leibniz;

internal static partial class Ops
{
    public static Tensor SliceColumns(TensorNode x, int start, int count)
    {
        if (x.Rank != 2)
        {
            throw new ArgumentException($"SliceColumns needs a matrix, not shape {x.ShapeText()}; slice a vector with SliceRows.", "this");
        }

        if (start < 0 || start > x.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Start column out of range for shape {x.ShapeText()}.");
        }

        if (count < 0 || start + count > x.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Columns {start}..{start + count} exceed shape {x.ShapeText()}.");
        }

        var result = Result(Records(x), x, 2, x.Rows, count, OpCode.Fused, x, scalar: start);
        if (result.Pool is not null)
        {
            result.Fused = ColumnSlice.Instance;
        }

        for (var r = 0; r < x.Rows; r++)
        {
            Array.Copy(x.Data, (r * x.Cols) + start, result.Data, r * count, count);
        }

        return new Tensor(result);
    }

    public static Tensor ConcatColumns(ReadOnlySpan<Tensor> parts)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("ConcatColumns needs at least one tensor.", nameof(parts));
        }

        var nodes = new TensorNode[parts.Length];
        var generations = new int[parts.Length];
        var first = parts[0].Node;
        var cols = 0;
        var record = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var node = parts[i].Node;
            if (node.Rank != 2 || node.Rows != first.Rows || node.DType != first.DType)
            {
                throw new ArgumentException($"ConcatColumns needs matrices with {first.Rows} rows of type {first.DType}; part {i} is {node.DType} {node.ShapeText()}.", nameof(parts));
            }

            nodes[i] = node;
            generations[i] = node.Generation;
            cols += node.Cols;
            record |= node.RequiresGrad;
        }

        var result = Result(record && NoGradScope.IsGradEnabled, first, 2, first.Rows, cols, OpCode.Fused, null, extra: nodes);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].Generation != generations[i] || nodes[i] == result)
            {
                throw Stale();
            }
        }

        if (result.Pool is not null)
        {
            result.Fused = ColumnConcat.Instance;
        }

        var offset = 0;
        foreach (var node in nodes)
        {
            for (var r = 0; r < node.Rows; r++)
            {
                Array.Copy(node.Data, r * node.Cols, result.Data, (r * cols) + offset, node.Cols);
            }

            offset += node.Cols;
        }

        return new Tensor(result);
    }
}
