namespace Leibniz.Symbolic;

/// <summary>The functions a search may use.</summary>
public sealed class FunctionSet
{
    private FunctionSet(Symbol[] symbols)
    {
        Symbols = symbols;
        Unary = [.. symbols.Where(s => s.Arity() == 1)];
        Binary = [.. symbols.Where(s => s.Arity() == 2)];
    }

    /// <summary>The functions, without repeats.</summary>
    public IReadOnlyList<Symbol> Symbols { get; }

    /// <summary>The unary functions.</summary>
    public IReadOnlyList<Symbol> Unary { get; }

    /// <summary>The binary functions.</summary>
    public IReadOnlyList<Symbol> Binary { get; }

    /// <summary>+ − × ÷ sin cos exp log sqrt: the set of the peers' comparison (Operon, gplearn).</summary>
    public static FunctionSet Arithmetic { get; } =
        Of(Symbol.Add, Symbol.Sub, Symbol.Mul, Symbol.Div, Symbol.Sin, Symbol.Cos, Symbol.Exp, Symbol.Log, Symbol.Sqrt);

    /// <summary>Every function of the lecture's table: the arithmetic set plus tan, asin, acos, atan, sinh, cosh, tanh, pow, abs.</summary>
    public static FunctionSet All { get; } = Of([.. Leibniz.Symbolic.Symbols.Functions]);

    /// <summary>A set of the given functions.</summary>
    /// <param name="symbols">Function symbols (not Constant or Variable).</param>
    /// <exception cref="ArgumentException">Empty, or a leaf symbol is listed.</exception>
    public static FunctionSet Of(params Symbol[] symbols)
    {
        ArgumentNullException.ThrowIfNull(symbols);
        if (symbols.Length == 0)
        {
            throw new ArgumentException("A function set needs at least one function.", nameof(symbols));
        }

        foreach (var symbol in symbols)
        {
            if (symbol.Arity() == 0)
            {
                throw new ArgumentException($"{symbol} is a leaf, not a function.", nameof(symbols));
            }
        }

        return new FunctionSet([.. symbols.Distinct()]);
    }

    /// <summary>Parses a comma-separated list such as <c>+,-,*,/,sin,cos</c>.</summary>
    /// <param name="text">The list.</param>
    public static FunctionSet Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Of([.. text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(Leibniz.Symbolic.Symbols.Parse)]);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Join(",", Symbols.Select(s => s.Name()));
}
