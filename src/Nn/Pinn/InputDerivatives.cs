namespace Leibniz.Nn.Pinn;

/// <summary>
/// Which derivatives of a network's output with respect to its input columns a <see cref="TaylorForward"/>
/// computes: first derivatives for some columns, and second derivatives for pairs of them (pure, e.g. (0, 0) for
/// ∂²u/∂x₀², or mixed, e.g. (0, 1)).
/// </summary>
public sealed class InputDerivatives
{
    private readonly int[] _first;
    private readonly (int First, int Second)[] _second;
    private readonly (int First, int Second)[] _secondIndices;

    /// <summary>Creates the request.</summary>
    /// <param name="first">Input columns to differentiate by, each once (e.g. <c>[0, 1]</c> for x and t).</param>
    /// <param name="second">Pairs of columns for second derivatives; each column must also be in <paramref name="first"/>.</param>
    /// <exception cref="ArgumentException">A column is negative or repeated, or a pair names a column not in <paramref name="first"/>.</exception>
    public InputDerivatives(int[] first, (int First, int Second)[]? second = null)
    {
        ArgumentNullException.ThrowIfNull(first);
        second ??= [];
        for (var i = 0; i < first.Length; i++)
        {
            if (first[i] < 0)
            {
                throw new ArgumentException($"Input column {first[i]} at position {i} is negative.", nameof(first));
            }

            if (Array.IndexOf(first, first[i]) != i)
            {
                throw new ArgumentException($"Input column {first[i]} is requested twice.", nameof(first));
            }
        }

        _secondIndices = new (int, int)[second.Length];
        for (var p = 0; p < second.Length; p++)
        {
            var (a, b) = second[p];
            var ia = Array.IndexOf(first, a);
            var ib = Array.IndexOf(first, b);
            if (ia < 0 || ib < 0)
            {
                throw new ArgumentException($"The second derivative ({a}, {b}) needs columns {a} and {b} among the first derivatives [{string.Join(", ", first)}].", nameof(second));
            }

            for (var q = 0; q < p; q++)
            {
                if ((second[q].First == a && second[q].Second == b) || (second[q].First == b && second[q].Second == a))
                {
                    throw new ArgumentException($"The second derivative ({a}, {b}) is requested twice.", nameof(second));
                }
            }

            _secondIndices[p] = (ia, ib);
        }

        _first = [.. first];
        _second = [.. second];
    }

    /// <summary>The input columns differentiated once, in block order.</summary>
    public IReadOnlyList<int> First => _first;

    /// <summary>The column pairs differentiated twice, in block order.</summary>
    public IReadOnlyList<(int First, int Second)> Second => _second;

    /// <summary>The number of row blocks of a stacked jet: the value, the first and the second derivatives.</summary>
    public int Blocks => 1 + _first.Length + _second.Length;

    /// <summary>Pairs as indices into <see cref="First"/>, the layout the kernels use.</summary>
    internal (int First, int Second)[] SecondIndices => _secondIndices;

    /// <summary>The block holding ∂u/∂x_<paramref name="column"/>.</summary>
    /// <param name="column">An input column in <see cref="First"/>.</param>
    public int FirstBlock(int column)
    {
        var index = Array.IndexOf(_first, column);
        return index >= 0
            ? 1 + index
            : throw new ArgumentException($"No first derivative by input column {column} was requested (requested: [{string.Join(", ", _first)}]).", nameof(column));
    }

    /// <summary>The block holding ∂²u/∂x_<paramref name="first"/>∂x_<paramref name="second"/> (order does not matter).</summary>
    /// <param name="first">An input column.</param>
    /// <param name="second">An input column.</param>
    public int SecondBlock(int first, int second)
    {
        for (var p = 0; p < _second.Length; p++)
        {
            if ((_second[p].First == first && _second[p].Second == second) || (_second[p].First == second && _second[p].Second == first))
            {
                return 1 + _first.Length + p;
            }
        }

        throw new ArgumentException($"No second derivative by input columns ({first}, {second}) was requested.", nameof(first));
    }
}
