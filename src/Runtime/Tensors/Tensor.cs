using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;

namespace Leibniz;

/// <summary>
/// A dense, row-major tensor of rank 0, 1 or 2 with PyTorch-style autograd. <see cref="DType.Float32"/> by
/// default, <see cref="DType.Float64"/> on request.
/// </summary>
/// <remarks>
/// <para><see cref="Tensor"/> is a small handle (a reference plus a generation stamp). Tensors produced by
/// operations that record a graph (gradient mode on and some input <see cref="RequiresGrad"/>) are recycled
/// after <see cref="Backward()"/>: they stay readable until the next graph operation starts, then any use of
/// the old handle throws <see cref="InvalidOperationException"/>. <see cref="Clone"/> or <see cref="Detach"/>
/// such a tensor to keep its values. Leaves you create (factories, parameters) and results computed without
/// a graph are never recycled.</para>
/// <para>A rank-1 tensor broadcasts as a row, as in PyTorch: <c>[n]</c> combines with <c>[m, n]</c>.</para>
/// </remarks>
public readonly partial struct Tensor : IEquatable<Tensor>
{
    private readonly TensorNode? _node;
    private readonly int _generation;

    internal Tensor(TensorNode node)
    {
        _node = node;
        _generation = node.Generation;
    }

    /// <summary>The node behind this handle, after checking that the handle is live.</summary>
    internal TensorNode Node
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get
        {
            var node = _node;
            if (node is null || node.Generation != _generation || (!node.OwnsData && node.A is { } source && source.Generation != node.GenerationA))
            {
                ThrowDead(node is null);
            }

            return node!;
        }
    }

    private static void ThrowDead(bool isDefault) => throw new InvalidOperationException(isDefault
        ? "This Tensor is default-initialized; create tensors with Tensor.Zeros, Tensor.FromArray, ..."
        : "This tensor belonged to a computation graph that was recycled after Backward() when the next graph "
          + "operation started. Call Clone() or Detach() before the next forward pass to keep its values.");

    /// <summary>Whether this handle refers to a live tensor (not default-initialized, not recycled).</summary>
    public bool IsValid => _node is not null && _node.Generation == _generation
        && (_node.OwnsData || _node.A is null || _node.A.Generation == _node.GenerationA);

    /// <summary>The element type.</summary>
    public DType DType => Node.DType;

    /// <summary>The number of dimensions: 0 (scalar), 1 (vector) or 2 (matrix).</summary>
    public int Rank => Node.Rank;

    /// <summary>The size of each dimension (a new array; empty for a scalar).</summary>
    public int[] Shape
    {
        get
        {
            var node = Node;
            return node.Rank switch
            {
                0 => [],
                1 => [node.Cols],
                _ => [node.Rows, node.Cols],
            };
        }
    }

    /// <summary>The size of dimension 0 (the rows of a matrix, the length of a vector).</summary>
    /// <exception cref="InvalidOperationException">The tensor is a scalar.</exception>
    public int Rows
    {
        get
        {
            var node = Node;
            return node.Rank switch
            {
                2 => node.Rows,
                1 => node.Cols,
                _ => throw new InvalidOperationException("A scalar tensor has no rows."),
            };
        }
    }

    /// <summary>The size of dimension 1 (the columns of a matrix).</summary>
    /// <exception cref="InvalidOperationException">The tensor is not a matrix.</exception>
    public int Columns
    {
        get
        {
            var node = Node;
            return node.Rank == 2
                ? node.Cols
                : throw new InvalidOperationException($"A tensor of shape {node.ShapeText()} has no columns; only matrices do.");
        }
    }

    /// <summary>The number of elements.</summary>
    public int Length => Node.Length;

    /// <summary>The element at <paramref name="index"/> of a vector.</summary>
    /// <param name="index">Zero-based position.</param>
    [IndexerName("At")]
    public double this[int index]
    {
        get
        {
            var node = Node;
            CheckVectorIndex(node, index);
            return node.DType == DType.Float32 ? ((float[])node.Data)[index] : ((double[])node.Data)[index];
        }

        set
        {
            var node = Node;
            CheckVectorIndex(node, index);
            Write(node, index, value);
        }
    }

    /// <summary>The element at (<paramref name="row"/>, <paramref name="column"/>) of a matrix.</summary>
    /// <param name="row">Zero-based row.</param>
    /// <param name="column">Zero-based column.</param>
    [IndexerName("At")]
    public double this[int row, int column]
    {
        get
        {
            var node = Node;
            var i = MatrixIndex(node, row, column);
            return node.DType == DType.Float32 ? ((float[])node.Data)[i] : ((double[])node.Data)[i];
        }

        set
        {
            var node = Node;
            Write(node, MatrixIndex(node, row, column), value);
        }
    }

    private static void Write(TensorNode node, int i, double value)
    {
        if (node.DType == DType.Float32)
        {
            ((float[])node.Data)[i] = (float)value;
        }
        else
        {
            ((double[])node.Data)[i] = value;
        }
    }

    private static void CheckVectorIndex(TensorNode node, int index)
    {
        if (node.Rank != 1)
        {
            throw new ArgumentException($"A single index addresses a vector; this tensor has shape {node.ShapeText()}.", nameof(index));
        }

        if ((uint)index >= (uint)node.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"Index out of range for shape {node.ShapeText()}.");
        }
    }

    private static int MatrixIndex(TensorNode node, int row, int column)
    {
        if (node.Rank != 2)
        {
            throw new ArgumentException($"Two indices address a matrix; this tensor has shape {node.ShapeText()}.", nameof(row));
        }

        if ((uint)row >= (uint)node.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(row), row, $"Row out of range for shape {node.ShapeText()}.");
        }

        if ((uint)column >= (uint)node.Cols)
        {
            throw new ArgumentOutOfRangeException(nameof(column), column, $"Column out of range for shape {node.ShapeText()}.");
        }

        return (row * node.Cols) + column;
    }

    /// <summary>The value of a one-element tensor, like PyTorch's <c>item()</c>.</summary>
    /// <exception cref="InvalidOperationException">The tensor has more than one element.</exception>
    public double Item()
    {
        var node = Node;
        if (node.Length != 1)
        {
            throw new InvalidOperationException($"Item() needs a one-element tensor; this one has shape {node.ShapeText()}.");
        }

        return node.DType == DType.Float32 ? ((float[])node.Data)[0] : ((double[])node.Data)[0];
    }

    /// <summary>A copy of the elements in row-major order, converted to <see cref="double"/>.</summary>
    public double[] ToArray()
    {
        var node = Node;
        var result = new double[node.Length];
        if (node.DType == DType.Float32)
        {
            var source = node.Span<float>();
            for (var i = 0; i < result.Length; i++)
            {
                result[i] = source[i];
            }
        }
        else
        {
            node.Span<double>().CopyTo(result);
        }

        return result;
    }

    /// <summary>
    /// The elements in row-major order, without copying. <typeparamref name="T"/> must match <see cref="DType"/>
    /// (<see cref="float"/> for Float32, <see cref="double"/> for Float64).
    /// </summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> does not match the element type.</exception>
    public Span<T> AsSpan<T>()
        where T : unmanaged
    {
        var node = Node;
        if ((typeof(T) == typeof(float) && node.DType == DType.Float32) || (typeof(T) == typeof(double) && node.DType == DType.Float64))
        {
            return node.Span<T>();
        }

        throw new InvalidOperationException($"AsSpan<{typeof(T).Name}>() does not match this tensor's element type {node.DType}.");
    }

    /// <inheritdoc/>
    public bool Equals(Tensor other) => ReferenceEquals(_node, other._node) && _generation == other._generation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Tensor other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_node is null ? 0 : RuntimeHelpers.GetHashCode(_node), _generation);

    /// <summary>Whether two handles refer to the same live tensor.</summary>
    /// <param name="left">A tensor.</param>
    /// <param name="right">Another tensor.</param>
    public static bool operator ==(Tensor left, Tensor right) => left.Equals(right);

    /// <summary>Whether two handles refer to different tensors.</summary>
    /// <param name="left">A tensor.</param>
    /// <param name="right">Another tensor.</param>
    public static bool operator !=(Tensor left, Tensor right) => !left.Equals(right);

    /// <summary>The shape, element type and (up to 6 per row, 6 rows) values, in the invariant culture.</summary>
    public override string ToString()
    {
        if (!IsValid)
        {
            return _node is null ? "Tensor(default)" : "Tensor(recycled)";
        }

        var node = Node;
        var builder = new StringBuilder("Tensor(");
        builder.Append(node.ShapeText()).Append(", ").Append(node.DType).Append(node.RequiresGrad ? ", requires grad" : string.Empty).Append(") ");
        var values = ToArray();
        builder.Append('[');
        for (var r = 0; r < Math.Min(node.Rows, 6); r++)
        {
            if (node.Rank == 2)
            {
                builder.Append(r == 0 ? "[" : ", [");
            }

            for (var c = 0; c < Math.Min(node.Cols, 6); c++)
            {
                builder.Append(c == 0 ? string.Empty : ", ").Append(values[(r * node.Cols) + c].ToString("G6", CultureInfo.InvariantCulture));
            }

            builder.Append(node.Cols > 6 ? ", ..." : string.Empty);
            if (node.Rank == 2)
            {
                builder.Append(']');
            }
        }

        builder.Append(node.Rows > 6 ? ", ...]" : "]");
        return builder.ToString();
    }
}
