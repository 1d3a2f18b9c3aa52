namespace Leibniz.Symbolic;

/// <summary>Creates random expressions of a chosen length (a grow method that splits the length among children).</summary>
/// <param name="functions">The functions to draw from.</param>
/// <param name="variables">The number of input columns.</param>
public sealed class TreeCreator(FunctionSet functions, int variables)
{
    private readonly FunctionSet _functions = functions ?? throw new ArgumentNullException(nameof(functions));
    private readonly int _variables = variables > 0 ? variables : throw new ArgumentOutOfRangeException(nameof(variables), variables, "At least one input column is needed.");

    /// <summary>The probability that a leaf is an input (otherwise it is a constant).</summary>
    public double VariableProbability { get; init; } = 0.7;

    /// <summary>A random expression of about <paramref name="length"/> nodes (exactly, when unary functions exist).</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="length">The target length, at least 1.</param>
    public Node[] Create(ref Rng rng, int length)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(length, 1);
        var output = new List<Node>(length);
        Grow(ref rng, length, output);
        return [.. output];
    }

    /// <summary>
    /// A random leaf: an input, or a constant in [−2, 2). Half the inputs start with weight 1, half with a weight in
    /// (0, 8]: Levenberg–Marquardt only finds the nearest optimum, and a frequency such as the 2π of cos 2πx is out of
    /// reach from 1.
    /// </summary>
    /// <param name="rng">The random stream.</param>
    public Node Leaf(ref Rng rng) => rng.Chance(VariableProbability)
        ? Node.Input((int)rng.NextInt(_variables), rng.Chance(0.5) ? 1 : 8 * (1 - rng.NextDouble()))
        : Node.Constant(4 * rng.NextDouble() - 2);

    /// <summary>A random function of the set with the given arity, or null if it has none.</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="arity">1 or 2.</param>
    public Symbol? Function(ref Rng rng, int arity)
    {
        var list = arity == 1 ? _functions.Unary : _functions.Binary;
        return list.Count == 0 ? null : list[(int)rng.NextInt(list.Count)];
    }

    private void Grow(ref Rng rng, int length, List<Node> output)
    {
        var canUnary = _functions.Unary.Count > 0;
        var canBinary = _functions.Binary.Count > 0 && length >= 3;
        if (length <= 1 || (!canUnary && !canBinary))
        {
            output.Add(Leaf(ref rng));
            return;
        }

        var binary = canBinary && (!canUnary || rng.Chance(_functions.Binary.Count / (double)_functions.Symbols.Count + 0.2));
        if (binary)
        {
            var left = 1 + (int)rng.NextInt(length - 2);
            Grow(ref rng, left, output);
            Grow(ref rng, length - 1 - left, output);
            output.Add(Node.Function(_functions.Binary[(int)rng.NextInt(_functions.Binary.Count)]));
        }
        else
        {
            Grow(ref rng, length - 1, output);
            output.Add(Node.Function(_functions.Unary[(int)rng.NextInt(_functions.Unary.Count)]));
        }
    }
}
