namespace Leibniz.Nn.Pinn;

/// <summary>One argument of a <see cref="Residual"/>: a block of the network's jet, or a column of the points.</summary>
public readonly record struct JetTerm
{
    private JetTerm(int kind, int first, int second)
    {
        Kind = kind;
        First = first;
        Second = second;
    }

    /// <summary>0 value, 1 first derivative, 2 second derivative, 3 input column.</summary>
    internal int Kind { get; }

    internal int First { get; }

    internal int Second { get; }

    /// <summary>The network's output u.</summary>
    public static JetTerm U => new(0, 0, 0);

    /// <summary>∂u/∂x_<paramref name="column"/>.</summary>
    /// <param name="column">An input column.</param>
    public static JetTerm D(int column) => new(1, column, 0);

    /// <summary>∂²u/∂x_<paramref name="column"/>².</summary>
    /// <param name="column">An input column.</param>
    public static JetTerm D2(int column) => new(2, column, column);

    /// <summary>∂²u/∂x_<paramref name="first"/>∂x_<paramref name="second"/>.</summary>
    /// <param name="first">An input column.</param>
    /// <param name="second">An input column.</param>
    public static JetTerm D2(int first, int second) => new(2, first, second);

    /// <summary>The coordinate x_<paramref name="column"/> of the point itself (a constant, e.g. for a source term).</summary>
    /// <param name="column">An input column.</param>
    public static JetTerm Input(int column) => new(3, column, 0);
}
