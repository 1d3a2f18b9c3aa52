namespace Leibniz.Nn.Pinn;

/// <summary>
/// A network's output and its input derivatives at N points, as one stacked tensor on the reverse graph: row
/// blocks of N rows — the value, the first derivatives, the second derivatives (the order of
/// <see cref="InputDerivatives"/>). The accessors slice ordinary tensors out of it; a loss on them back-propagates
/// to the parameters with one first-order <see cref="Tensor.Backward()"/>.
/// </summary>
public readonly struct Jet
{
    internal Jet(Tensor stacked, Tensor points, InputDerivatives derivatives)
    {
        Stacked = stacked;
        Points = points;
        Derivatives = derivatives;
    }

    /// <summary>All blocks, [blocks·N, outputs].</summary>
    public Tensor Stacked { get; }

    /// <summary>The points the network was evaluated at, [N, inputs].</summary>
    public Tensor Points { get; }

    /// <summary>Which derivatives the blocks hold.</summary>
    public InputDerivatives Derivatives { get; }

    /// <summary>The number of points N.</summary>
    public int Count => Points.Rows;

    /// <summary>u, [N, outputs].</summary>
    public Tensor Value => Block(0);

    /// <summary>∂u/∂x_<paramref name="column"/>, [N, outputs].</summary>
    /// <param name="column">An input column among the requested first derivatives.</param>
    public Tensor D(int column) => Block(Derivatives.FirstBlock(column));

    /// <summary>∂²u/∂x_<paramref name="column"/>², [N, outputs].</summary>
    /// <param name="column">An input column whose pure second derivative was requested.</param>
    public Tensor D2(int column) => Block(Derivatives.SecondBlock(column, column));

    /// <summary>∂²u/∂x_<paramref name="first"/>∂x_<paramref name="second"/>, [N, outputs].</summary>
    /// <param name="first">An input column.</param>
    /// <param name="second">An input column.</param>
    public Tensor D2(int first, int second) => Block(Derivatives.SecondBlock(first, second));

    /// <summary>Row block <paramref name="index"/> of <see cref="Stacked"/>.</summary>
    /// <param name="index">0 for the value, then first and second derivatives in request order.</param>
    public Tensor Block(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Derivatives.Blocks);
        return Stacked.SliceRows(index * Count, Count);
    }
}
