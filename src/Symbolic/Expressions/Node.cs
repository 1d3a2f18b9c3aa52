namespace Leibniz.Symbolic;

/// <summary>
/// One entry of an expression in postfix order (children before their parent). A constant carries its value; a
/// variable carries its column and a weight it is multiplied by (the leaf weights of Operon), so that the constants
/// a formula needs sit next to the inputs and are fitted together with the others.
/// </summary>
/// <param name="Symbol">What the node computes.</param>
/// <param name="Variable">The input column of a <see cref="Symbol.Variable"/>; 0 otherwise.</param>
/// <param name="Value">The constant, or the variable's weight; 0 for functions.</param>
public readonly record struct Node(Symbol Symbol, int Variable, double Value)
{
    /// <summary>A constant leaf.</summary>
    /// <param name="value">Its value.</param>
    public static Node Constant(double value) => new(Symbol.Constant, 0, value);

    /// <summary>A variable leaf: <paramref name="weight"/> × column <paramref name="column"/>.</summary>
    /// <param name="column">The input column.</param>
    /// <param name="weight">Its weight.</param>
    public static Node Input(int column, double weight = 1) => new(Symbol.Variable, column, weight);

    /// <summary>A function node.</summary>
    /// <param name="symbol">The function.</param>
    public static Node Function(Symbol symbol) => new(symbol, 0, 0);

    /// <summary>Whether the node carries a fitted coefficient (constants and variable weights).</summary>
    public bool IsParameter => Symbol is Symbol.Constant or Symbol.Variable;

    /// <summary>The number of children.</summary>
    public int Arity => Symbol.Arity();
}
