namespace Leibniz;

/// <summary>Forward operations: shape checks, result allocation (pooled when recording) and the graph record.</summary>
internal static partial class Ops
{
    private static bool Records(TensorNode a) => a.RequiresGrad && NoGradScope.IsGradEnabled;

    private static bool Records(TensorNode a, TensorNode b) => (a.RequiresGrad || b.RequiresGrad) && NoGradScope.IsGradEnabled;

    /// <summary>
    /// The result node: from the pool with its graph record when <paramref name="record"/>, else a fresh leaf — or,
    /// inside a createGraph sweep, a pooled constant that the graph being built consumes and recycles.
    /// Renting may recycle the previous graph, so the inputs' generations are re-checked afterwards.
    /// </summary>
    private static TensorNode Result(bool record, TensorNode like, int rank, int rows, int cols, OpCode op, TensorNode? a, TensorNode? b = null, double scalar = 0, double scalar2 = 0, object? extra = null)
    {
        if (!record && !GradientSweep.BuildingGraph)
        {
            return TensorNode.NewLeaf(like.DType, rank, rows, cols);
        }

        var generationA = a?.Generation ?? 0;
        var generationB = b?.Generation ?? 0;
        var node = TensorPool.Current.RentNode(like.DType, rank, rows, cols);
        if ((a is not null && (a.Generation != generationA || a == node)) || (b is not null && (b.Generation != generationB || b == node)))
        {
            throw Stale();
        }

        if (!record)
        {
            // A constant of the graph a createGraph sweep is building: released with the nodes that read it.
            node.Op = OpCode.Leaf;
            node.RequiresGrad = false;
            return node;
        }

        node.Op = op;
        node.A = a;
        node.B = b;
        node.GenerationA = generationA;
        node.GenerationB = generationB;
        node.GenerationExtra = extra is TensorNode extraNode ? extraNode.Generation : 0;
        node.Scalar = scalar;
        node.Scalar2 = scalar2;
        node.Extra = extra;
        node.GradValid = false;
        return node;
    }

    internal static InvalidOperationException Stale() => new(
        "A tensor this computation depends on belonged to a graph that was recycled after Backward() when a new "
        + "graph operation started. Call Clone() or Detach() on tensors you keep across training steps.");

    private static void CheckSameDType(TensorNode a, TensorNode b, string operation)
    {
        if (a.DType != b.DType)
        {
            throw new ArgumentException($"Operation '{operation}' mixes element types {a.DType} ({a.ShapeText()}) and {b.DType} ({b.ShapeText()}); convert one with To(DType).", "right");
        }
    }

    /// <summary>The broadcast shape of two operands, PyTorch style (a vector is a row).</summary>
    private static (int Rank, int Rows, int Cols) BroadcastShape(TensorNode a, TensorNode b, string operation)
    {
        var rows = Broadcast(a.Rows, b.Rows);
        var cols = Broadcast(a.Cols, b.Cols);
        if (rows < 0 || cols < 0)
        {
            throw new ArgumentException($"Operation '{operation}' cannot broadcast shapes {a.ShapeText()} and {b.ShapeText()}.", "right");
        }

        return (Math.Max(a.Rank, b.Rank), rows, cols);

        static int Broadcast(int x, int y) => x == y ? x : x == 1 ? y : y == 1 ? x : -1;
    }

    public static Tensor Binary(OpCode op, TensorNode a, TensorNode b, string symbol)
    {
        CheckSameDType(a, b, symbol);
        var (rank, rows, cols) = BroadcastShape(a, b, symbol);
        var result = Result(Records(a, b), a, rank, rows, cols, op, a, b);
        if (a.DType == DType.Float32)
        {
            Kernels<float>.Broadcast(op, a, b, result);
        }
        else
        {
            Kernels<double>.Broadcast(op, a, b, result);
        }

        return new Tensor(result);
    }

    public static Tensor Unary(OpCode op, TensorNode x, double scalar, double scalar2 = 0)
    {
        if (op is OpCode.LogSoftmax or OpCode.Softmax && x.Rank == 0)
        {
            throw new ArgumentException("Softmax needs a vector or a matrix, not a scalar.", "this");
        }

        var result = Result(Records(x), x, x.Rank, x.Rows, x.Cols, op, x, null, scalar, scalar2);
        if (x.DType == DType.Float32)
        {
            Kernels<float>.UnaryForward(op, x, result, scalar, scalar2);
        }
        else
        {
            Kernels<double>.UnaryForward(op, x, result, scalar, scalar2);
        }

        return new Tensor(result);
    }

    public static Tensor Custom(TensorNode x, ElementwiseFunction function)
    {
        var result = Result(Records(x), x, x.Rank, x.Rows, x.Cols, OpCode.Custom, x, extra: function);
        if (x.DType == DType.Float32)
        {
            var source = x.Span<float>();
            var target = result.Span<float>();
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = (float)function.Value(source[i]);
            }
        }
        else
        {
            var source = x.Span<double>();
            var target = result.Span<double>();
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = function.Value(source[i]);
            }
        }

        return new Tensor(result);
    }

    public static Tensor Reduce(TensorNode x, OpCode kind, int axis, bool keepDims)
    {
        OpCode op;
        int rank, rows, cols;
        var mean = kind == OpCode.Mean;
        if (axis == -1 || (x.Rank == 1 && axis == 0 && !keepDims))
        {
            op = mean ? OpCode.Mean : OpCode.Sum;
            (rank, rows, cols) = (0, 1, 1);
        }
        else if (x.Rank == 1 && axis == 0)
        {
            op = mean ? OpCode.MeanAxis1 : OpCode.SumAxis1;
            (rank, rows, cols) = (1, 1, 1);
        }
        else if (x.Rank == 2 && axis == 0)
        {
            op = mean ? OpCode.MeanAxis0 : OpCode.SumAxis0;
            (rank, rows, cols) = (keepDims ? 2 : 1, 1, x.Cols);
        }
        else if (x.Rank == 2 && axis == 1)
        {
            op = mean ? OpCode.MeanAxis1 : OpCode.SumAxis1;
            (rank, rows, cols) = keepDims ? (2, x.Rows, 1) : (1, 1, x.Rows);
        }
        else
        {
            throw new ArgumentOutOfRangeException(nameof(axis), axis, $"Axis {axis} does not exist for shape {x.ShapeText()}.");
        }

        var result = Result(Records(x), x, rank, rows, cols, op, x);
        if (x.DType == DType.Float32)
        {
            Kernels<float>.ReduceForward(op, x, result);
        }
        else
        {
            Kernels<double>.ReduceForward(op, x, result);
        }

        return new Tensor(result);
    }

    /// <summary>(M, K, N) of a matrix product, treating a left vector as a row and a right vector as a column.</summary>
    internal static (int M, int K, int N) MatMulDims(TensorNode a, TensorNode b) =>
        (a.Rank == 2 ? a.Rows : 1, a.Cols, b.Rank == 2 ? b.Cols : 1);

    public static Tensor MatMul(TensorNode a, TensorNode b)
    {
        CheckSameDType(a, b, "MatMul");
        if (a.Rank == 0 || b.Rank == 0)
        {
            throw new ArgumentException($"MatMul needs vectors or matrices, not shapes {a.ShapeText()} and {b.ShapeText()}; use * for scalars.", "right");
        }

        var innerB = b.Rank == 2 ? b.Rows : b.Cols;
        if (a.Cols != innerB)
        {
            throw new ArgumentException($"MatMul cannot multiply shapes {a.ShapeText()} and {b.ShapeText()}: inner dimensions {a.Cols} and {innerB} differ.", "right");
        }

        var (m, k, n) = MatMulDims(a, b);
        var (rank, rows, cols) = (a.Rank, b.Rank) switch
        {
            (2, 2) => (2, m, n),
            (2, 1) => (1, 1, m),
            (1, 2) => (1, 1, n),
            _ => (0, 1, 1),
        };
        var result = Result(Records(a, b), a, rank, rows, cols, OpCode.MatMul, a, b);
        if (a.DType == DType.Float32)
        {
            Gemm<float>.Multiply(false, false, m, n, k, a.Span<float>(), b.Span<float>(), result.Span<float>(), false);
        }
        else
        {
            Gemm<double>.Multiply(false, false, m, n, k, a.Span<double>(), b.Span<double>(), result.Span<double>(), false);
        }

        return new Tensor(result);
    }

    public static Tensor Linear(TensorNode input, TensorNode weight, TensorNode? bias)
    {
        CheckSameDType(input, weight, "Linear");
        if (weight.Rank != 2)
        {
            throw new ArgumentException($"Linear needs a weight matrix [out, in], not shape {weight.ShapeText()}.", nameof(weight));
        }

        if (input.Rank == 0 || input.Cols != weight.Cols)
        {
            throw new ArgumentException($"Linear cannot apply weight {weight.ShapeText()} to input {input.ShapeText()}: the input needs {weight.Cols} features (columns).", nameof(input));
        }

        if (bias is not null)
        {
            CheckSameDType(input, bias, "Linear");
            if (bias.Rank != 1 || bias.Cols != weight.Rows)
            {
                throw new ArgumentException($"Linear needs a bias of shape [{weight.Rows}] for weight {weight.ShapeText()}, not {bias.ShapeText()}.", nameof(bias));
            }
        }

        var batch = input.Rows;
        var record = NoGradScope.IsGradEnabled && (input.RequiresGrad || weight.RequiresGrad || (bias?.RequiresGrad ?? false));
        var generationBias = bias?.Generation ?? 0;
        var result = Result(record, input, input.Rank, batch, weight.Rows, OpCode.Linear, input, weight, extra: bias);
        result.GenerationExtra = generationBias;
        if (bias is not null && (bias.Generation != generationBias || bias == result))
        {
            throw Stale();
        }

        if (input.DType == DType.Float32)
        {
            Kernels<float>.LinearForward(input, weight, bias, result);
        }
        else
        {
            Kernels<double>.LinearForward(input, weight, bias, result);
        }

        return new Tensor(result);
    }

    public static Tensor Transpose(TensorNode x)
    {
        if (x.Rank < 2)
        {
            return new Tensor(x);
        }

        var result = Result(Records(x), x, 2, x.Cols, x.Rows, OpCode.Transpose, x);
        if (x.DType == DType.Float32)
        {
            Kernels<float>.Transpose(x.Span<float>(), x.Rows, x.Cols, result.Span<float>());
        }
        else
        {
            Kernels<double>.Transpose(x.Span<double>(), x.Rows, x.Cols, result.Span<double>());
        }

        return new Tensor(result);
    }

    public static Tensor Reshape(TensorNode x, int rank, int rows, int cols)
    {
        if (rows < 0 || cols < 0 || (long)rows * cols != x.Length)
        {
            var shape = rank == 1 ? $"[{cols}]" : $"[{rows}, {cols}]";
            throw new ArgumentException($"Cannot reshape {x.ShapeText()} ({x.Length} elements) to {shape}.", rank == 1 ? "length" : nameof(rows));
        }

        if (Records(x))
        {
            var generation = x.Generation;
            var view = TensorPool.Current.RentView(x, rank, rows, cols);
            if (x.Generation != generation || view == x)
            {
                throw Stale();
            }

            view.Op = OpCode.Reshape;
            view.A = x;
            view.GenerationA = generation;
            view.GradValid = false;
            return new Tensor(view);
        }

        if (x.Pool is not null)
        {
            // A pooled tensor's storage is recycled with its graph; a view outside the graph must own a copy.
            var copy = TensorNode.NewLeaf(x.DType, rank, rows, cols);
            Array.Copy(x.Data, copy.Data, x.Length);
            return new Tensor(copy);
        }

        var shared = new TensorNode { DType = x.DType, Data = x.Data, OwnsData = false };
        shared.SetShape(rank, rows, cols);
        return new Tensor(shared);
    }

    public static Tensor SliceRows(TensorNode x, int start, int count)
    {
        // A vector's rows are its elements, as PyTorch's v[start:start + count].
        var rows = x.Rank switch
        {
            2 => x.Rows,
            1 => x.Cols,
            _ => throw new ArgumentException($"SliceRows needs a vector or a matrix, not shape {x.ShapeText()}.", "this"),
        };
        if (start < 0 || start > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(start), start, $"Start row out of range for shape {x.ShapeText()}.");
        }

        if (count < 0 || start + count > rows)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, $"Rows {start}..{start + count} exceed shape {x.ShapeText()}.");
        }

        var width = RowWidth(x);
        var result = x.Rank == 1
            ? Result(Records(x), x, 1, 1, count, OpCode.SliceRows, x, scalar: start)
            : Result(Records(x), x, 2, count, x.Cols, OpCode.SliceRows, x, scalar: start);
        Array.Copy(x.Data, start * width, result.Data, 0, count * width);
        return new Tensor(result);
    }

    /// <summary>Elements per row: a matrix's columns, 1 for a vector (whose rows are its elements).</summary>
    internal static int RowWidth(TensorNode x) => x.Rank == 1 ? 1 : x.Cols;

    public static Tensor IndexRows(TensorNode x, ReadOnlySpan<int> indices)
    {
        CheckRowIndices(x, indices);
        var record = Records(x);
        var extra = record ? indices.ToArray() : null;
        var result = x.Rank == 1
            ? Result(record, x, 1, 1, indices.Length, OpCode.IndexRows, x, extra: extra)
            : Result(record, x, 2, indices.Length, x.Cols, OpCode.IndexRows, x, extra: extra);
        GatherRows(x, indices, result);
        return new Tensor(result);
    }

    public static void CopyRowsTo(TensorNode x, ReadOnlySpan<int> indices, TensorNode destination)
    {
        CheckRowIndices(x, indices);
        var fits = x.Rank == 1
            ? destination.Rank == 1 && destination.Cols == indices.Length
            : destination.Rank == 2 && destination.Rows == indices.Length && destination.Cols == x.Cols;
        if (destination.DType != x.DType || !fits)
        {
            var shape = x.Rank == 1 ? $"vector [{indices.Length}]" : $"matrix [{indices.Length}, {x.Cols}]";
            throw new ArgumentException($"The destination must be a {x.DType} {shape}, not {destination.DType} {destination.ShapeText()}.", nameof(destination));
        }

        CheckInPlace(destination);
        GatherRows(x, indices, destination);
    }

    private static void CheckRowIndices(TensorNode x, ReadOnlySpan<int> indices)
    {
        if (x.Rank == 0)
        {
            throw new ArgumentException($"Row indexing needs a vector or a matrix, not shape {x.ShapeText()}.", "this");
        }

        var rows = x.Rank == 1 ? x.Cols : x.Rows;
        foreach (var index in indices)
        {
            if ((uint)index >= (uint)rows)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), index, $"Row index out of range for shape {x.ShapeText()}.");
            }
        }
    }

    private static void GatherRows(TensorNode x, ReadOnlySpan<int> indices, TensorNode result)
    {
        if (x.Rank == 1)
        {
            if (x.DType == DType.Float32)
            {
                GatherElements((float[])x.Data, indices, (float[])result.Data);
            }
            else
            {
                GatherElements((double[])x.Data, indices, (double[])result.Data);
            }

            return;
        }

        var cols = x.Cols;
        for (var i = 0; i < indices.Length; i++)
        {
            Array.Copy(x.Data, indices[i] * cols, result.Data, i * cols, cols);
        }
    }

    private static void GatherElements<T>(T[] source, ReadOnlySpan<int> indices, T[] destination)
    {
        for (var i = 0; i < indices.Length; i++)
        {
            destination[i] = source[indices[i]];
        }
    }

    /// <summary>PyTorch's torch.cat along dimension 0: vectors join into one longer vector, matrices stack their rows.</summary>
    public static Tensor Concat(ReadOnlySpan<Tensor> parts)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("Concat needs at least one tensor.", nameof(parts));
        }

        return parts[0].Node.Rank == 1 ? ConcatRows(parts, vectors: true) : ConcatRows(parts);
    }

    public static Tensor ConcatRows(ReadOnlySpan<Tensor> parts, bool vectors = false)
    {
        if (parts.Length == 0)
        {
            throw new ArgumentException("ConcatRows needs at least one tensor.", nameof(parts));
        }

        var nodes = new TensorNode[parts.Length];
        var first = parts[0].Node;
        var rows = 0;
        var record = false;
        for (var i = 0; i < parts.Length; i++)
        {
            var node = parts[i].Node;
            if (vectors && (node.Rank != 1 || node.DType != first.DType))
            {
                throw new ArgumentException($"Concat of vectors needs vectors of type {first.DType}; part {i} is {node.DType} {node.ShapeText()}.", nameof(parts));
            }

            if (node.Rank == 0 || (!vectors && node.Cols != first.Cols) || node.DType != first.DType)
            {
                throw new ArgumentException($"ConcatRows needs tensors with {first.Cols} columns of type {first.DType}; part {i} is {node.DType} {node.ShapeText()}.", nameof(parts));
            }

            nodes[i] = node;
            rows += vectors ? node.Cols : node.Rows;
            record |= node.RequiresGrad;
        }

        record &= NoGradScope.IsGradEnabled;
        var generations = new int[nodes.Length];
        for (var i = 0; i < nodes.Length; i++)
        {
            generations[i] = nodes[i].Generation;
        }

        var result = vectors
            ? Result(record, first, 1, 1, rows, OpCode.ConcatRows, null, extra: nodes)
            : Result(record, first, 2, rows, first.Cols, OpCode.ConcatRows, null, extra: nodes);
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].Generation != generations[i] || nodes[i] == result)
            {
                throw Stale();
            }
        }

        var offset = 0;
        foreach (var node in nodes)
        {
            Array.Copy(node.Data, 0, result.Data, offset, node.Length);
            offset += node.Length;
        }

        return new Tensor(result);
    }

    public static int[] ArgMax(TensorNode x)
    {
        var result = new int[x.Rows];
        for (var r = 0; r < x.Rows; r++)
        {
            var best = 0;
            var bestValue = double.NegativeInfinity;
            for (var c = 0; c < x.Cols; c++)
            {
                var value = x.DType == DType.Float32 ? ((float[])x.Data)[(r * x.Cols) + c] : ((double[])x.Data)[(r * x.Cols) + c];
                if (value > bestValue)
                {
                    bestValue = value;
                    best = c;
                }
            }

            result[r] = best;
        }

        return result;
    }

    /// <summary>Rejects in-place writes that would corrupt a recorded graph (as PyTorch does for leaves that require grad).</summary>
    internal static void CheckInPlace(TensorNode target)
    {
        if (target.RequiresGrad && NoGradScope.IsGradEnabled)
        {
            throw new InvalidOperationException("An in-place change of a tensor that requires grad must happen inside 'using (Tensor.NoGrad())'.");
        }
    }

    public static void InPlace(OpCode op, TensorNode target, TensorNode other)
    {
        CheckInPlace(target);
        CheckSameDType(target, other, op.ToString());
        var (_, rows, cols) = BroadcastShape(target, other, op.ToString());
        if (rows != target.Rows || cols != target.Cols)
        {
            throw new ArgumentException($"In-place {op} cannot write shape [{rows}, {cols}] into {target.ShapeText()}.", nameof(other));
        }

        if (target.DType == DType.Float32)
        {
            Kernels<float>.Broadcast(op, target, other, target);
        }
        else
        {
            Kernels<double>.Broadcast(op, target, other, target);
        }
    }

    public static void AddScaledInPlace(TensorNode target, TensorNode other, double alpha)
    {
        if (alpha == 1)
        {
            InPlace(OpCode.Add, target, other);
            return;
        }

        CheckInPlace(target);
        CheckSameDType(target, other, "AddInPlace");
        if (other.Rows == target.Rows && other.Cols == target.Cols)
        {
            if (target.DType == DType.Float32)
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(other.Span<float>(), (float)alpha, target.Span<float>(), target.Span<float>());
            }
            else
            {
                System.Numerics.Tensors.TensorPrimitives.MultiplyAdd(other.Span<double>(), alpha, target.Span<double>(), target.Span<double>());
            }

            return;
        }

        var scaled = TensorNode.NewLeaf(other.DType, other.Rank, other.Rows, other.Cols);
        Array.Copy(other.Data, scaled.Data, other.Length);
        InPlaceScale(scaled, alpha);
        InPlace(OpCode.Add, target, scaled);
    }

    public static void InPlaceScale(TensorNode target, double factor)
    {
        CheckInPlace(target);
        if (target.DType == DType.Float32)
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(target.Span<float>(), (float)factor, target.Span<float>());
        }
        else
        {
            System.Numerics.Tensors.TensorPrimitives.Multiply(target.Span<double>(), factor, target.Span<double>());
        }
    }

    public static void CopyInto(TensorNode target, TensorNode source)
    {
        CheckInPlace(target);
        if (source.Length != target.Length || source.Rows != target.Rows)
        {
            throw new ArgumentException($"CopyFrom needs shape {target.ShapeText()}, not {source.ShapeText()}.", nameof(source));
        }

        if (source.DType == target.DType)
        {
            Array.Copy(source.Data, target.Data, source.Length);
        }
        else if (target.DType == DType.Float64)
        {
            var from = source.Span<float>();
            var to = target.Span<double>();
            for (var i = 0; i < from.Length; i++)
            {
                to[i] = from[i];
            }
        }
        else
        {
            var from = source.Span<double>();
            var to = target.Span<float>();
            for (var i = 0; i < from.Length; i++)
            {
                to[i] = (float)from[i];
            }
        }
    }
}
