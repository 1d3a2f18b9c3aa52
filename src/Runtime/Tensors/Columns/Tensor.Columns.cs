namespace Leibniz;

public readonly partial struct Tensor
{
    /// <summary>
    /// <paramref name="count"/> consecutive columns of a matrix starting at <paramref name="start"/> (a copy that
    /// records a graph): PyTorch's <c>x[:, start:start + count]</c>, e.g. the x and t columns of PINN points.
    /// </summary>
    /// <param name="start">The first column.</param>
    /// <param name="count">The number of columns.</param>
    public Tensor SliceColumns(int start, int count) => Ops.SliceColumns(Node, start, count);

    /// <summary>
    /// Matrices with equal rows side by side: PyTorch's <c>torch.cat(parts, dim=1)</c>, e.g. a network's input
    /// <c>[x | t]</c> from separate columns that each require grad.
    /// </summary>
    /// <param name="parts">The matrices, left to right.</param>
    public static Tensor ConcatColumns(params ReadOnlySpan<Tensor> parts) => Ops.ConcatColumns(parts);
}
