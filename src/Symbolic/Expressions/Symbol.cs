namespace Leibniz.Symbolic;

/// <summary>What a node of an expression computes.</summary>
public enum Symbol : byte
{
    /// <summary>A fitted constant (the node's <see cref="Node.Value"/>).</summary>
    Constant,

    /// <summary>An input column times its fitted weight (<see cref="Node.Value"/>).</summary>
    Variable,

    /// <summary>a + b.</summary>
    Add,

    /// <summary>a − b.</summary>
    Sub,

    /// <summary>a × b.</summary>
    Mul,

    /// <summary>a ÷ b (IEEE semantics: no protection).</summary>
    Div,

    /// <summary>a to the power b (<see cref="Math.Pow"/>).</summary>
    Pow,

    /// <summary>sin a.</summary>
    Sin,

    /// <summary>cos a.</summary>
    Cos,

    /// <summary>tan a.</summary>
    Tan,

    /// <summary>asin a.</summary>
    Asin,

    /// <summary>acos a.</summary>
    Acos,

    /// <summary>atan a.</summary>
    Atan,

    /// <summary>sinh a.</summary>
    Sinh,

    /// <summary>cosh a.</summary>
    Cosh,

    /// <summary>tanh a.</summary>
    Tanh,

    /// <summary>e to the a.</summary>
    Exp,

    /// <summary>Natural logarithm (NaN below zero, −∞ at zero: no protection).</summary>
    Log,

    /// <summary>Square root (NaN below zero).</summary>
    Sqrt,

    /// <summary>|a|.</summary>
    Abs,
}

/// <summary>Facts about <see cref="Symbol"/>s.</summary>
public static class Symbols
{
    /// <summary>Every function symbol (those with children), in declaration order.</summary>
    public static IReadOnlyList<Symbol> Functions { get; } =
        [.. Enum.GetValues<Symbol>().Where(s => s is not (Symbol.Constant or Symbol.Variable))];

    /// <summary>How many children the symbol takes: 0 for leaves, 2 for + − × ÷ pow, 1 otherwise.</summary>
    /// <param name="symbol">The symbol.</param>
    public static int Arity(this Symbol symbol) => symbol switch
    {
        Symbol.Constant or Symbol.Variable => 0,
        Symbol.Add or Symbol.Sub or Symbol.Mul or Symbol.Div or Symbol.Pow => 2,
        _ => 1,
    };

    /// <summary>The lower-case name used in readable math and on the command line (<c>add</c>, <c>sin</c>, …).</summary>
    /// <param name="symbol">The symbol.</param>
    public static string Name(this Symbol symbol) => symbol.ToString().ToLowerInvariant();

    /// <summary>Parses a name given by <see cref="Name"/> or an operator sign (+ - * / ^).</summary>
    /// <param name="text">The name.</param>
    /// <exception cref="ArgumentException">The name is not a function symbol.</exception>
    public static Symbol Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var symbol = text.Trim() switch
        {
            "+" => Symbol.Add,
            "-" or "−" => Symbol.Sub,
            "*" or "×" => Symbol.Mul,
            "/" or "÷" => Symbol.Div,
            "^" => Symbol.Pow,
            var name => Enum.TryParse<Symbol>(name, ignoreCase: true, out var s) && s.Arity() > 0
                ? s
                : throw new ArgumentException($"'{text}' is not a function; use one of + - * / ^ or {string.Join(", ", Functions.Select(f => f.Name()))}.", nameof(text)),
        };
        return symbol;
    }
}
