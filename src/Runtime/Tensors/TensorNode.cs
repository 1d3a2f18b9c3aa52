using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// The storage and autograd record behind a <see cref="Tensor"/> handle. Nodes of a training graph come from a
/// per-thread <see cref="TensorPool"/> and are recycled; <see cref="Generation"/> changes on every recycle so stale
/// handles are detected instead of silently reading someone else's data.
/// </summary>
internal sealed class TensorNode
{
    public DType DType;

    /// <summary>0, 1 or 2.</summary>
    public int Rank;

    /// <summary>Rows of the internal 2-D view: 1 for ranks 0 and 1 (a vector broadcasts as a row, as in PyTorch).</summary>
    public int Rows;

    /// <summary>Columns of the internal 2-D view: 1 for rank 0, the length for rank 1.</summary>
    public int Cols;

    /// <summary>A <c>float[]</c> or <c>double[]</c> holding at least <see cref="Length"/> elements.</summary>
    public Array Data = null!;

    public bool OwnsData;
    public bool RequiresGrad;
    public Array? Grad;
    public bool GradValid;
    public TensorNode? GradView;

    public OpCode Op;
    public TensorNode? A;
    public TensorNode? B;
    public double Scalar;
    public double Scalar2;
    public object? Extra;

    /// <summary>The backward of an <see cref="OpCode.Fused"/> node (inputs stay in A, B and Extra).</summary>
    public FusedOperation? Fused;

    /// <summary>The generations of the inputs when this node was recorded, to detect inputs recycled since.</summary>
    public int GenerationA;

    public int GenerationB;

    public int GenerationExtra;

    public int Generation;
    public TensorPool? Pool;
    public bool PendingRelease;
    public int VisitStamp;

    public int Length
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Rows * Cols;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> Span<T>() => new(Unsafe.As<T[]>(Data), 0, Rows * Cols);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Span<T> GradSpan<T>() => new(Unsafe.As<T[]>(Grad!), 0, Rows * Cols);

    public void SetShape(int rank, int rows, int cols)
    {
        Rank = rank;
        Rows = rows;
        Cols = cols;
    }

    public string ShapeText() => Rank switch
    {
        0 => "[]",
        1 => $"[{Cols}]",
        _ => $"[{Rows}, {Cols}]",
    };

    public static Array NewArray(DType dtype, int length) =>
        dtype == DType.Float32 ? new float[length] : new double[length];

    public static TensorNode NewLeaf(DType dtype, int rank, int rows, int cols)
    {
        var node = new TensorNode { DType = dtype, OwnsData = true };
        node.SetShape(rank, rows, cols);
        node.Data = NewArray(dtype, rows * cols);
        return node;
    }
}
