using System.Globalization;
using System.Text;

namespace Leibniz.Symbolic;

/// <summary>Writes formulas as readable math: <c>20 + x² − 10·cos(2π·x)</c>, constants to six significant digits.</summary>
public static class MathFormatter
{
    /// <summary>Readable math for a postfix expression.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="names">Input names by column (x0, x1, … when null).</param>
    public static string Format(ReadOnlySpan<Node> nodes, IReadOnlyList<string>? names) => Format(Term.FromNodes(nodes), names);

    /// <summary>Readable math for a tree.</summary>
    /// <param name="term">The formula.</param>
    /// <param name="names">Input names by column (x0, x1, … when null).</param>
    public static string Format(Term term, IReadOnlyList<string>? names)
    {
        ArgumentNullException.ThrowIfNull(term);
        var text = new StringBuilder();
        Write(term, names, text, 0);
        return text.ToString();
    }

    private static int Precedence(Term term) => term.Symbol switch
    {
        Symbol.Add or Symbol.Sub => 1,
        Symbol.Mul or Symbol.Div => 2,
        Symbol.Pow => 3,
        Symbol.Constant when term.Value < 0 => 1,
        _ => 4,
    };

    private static void Write(Term term, IReadOnlyList<string>? names, StringBuilder text, int outer)
    {
        var parenthesize = Precedence(term) < outer;
        if (parenthesize)
        {
            text.Append('(');
        }

        switch (term.Symbol)
        {
            case Symbol.Constant:
                text.Append(term.Known?.Math ?? Number(term.Value));
                break;
            case Symbol.Variable:
                text.Append(names is null ? $"x{term.Variable}" : names[term.Variable]);
                break;
            case Symbol.Add when Negated(term.Children[1]) is { } negated:
                Write(term.Children[0], names, text, 1);
                text.Append(" − ");
                Write(negated, names, text, 2);
                break;
            case Symbol.Mul when term.Children[0].SameAs(term.Children[1]) && term.Children[0].Symbol is Symbol.Variable:
                Write(term.Children[0], names, text, 4);
                text.Append('²');
                break;
            case Symbol.Add or Symbol.Sub or Symbol.Mul or Symbol.Div or Symbol.Pow:
                var precedence = Precedence(term);
                Write(term.Children[0], names, text, precedence);
                text.Append(term.Symbol switch { Symbol.Add => " + ", Symbol.Sub => " − ", Symbol.Mul => "·", Symbol.Div => "/", _ => "^" });
                // The right operand of − and / needs parentheses at equal precedence; that of ^ always does unless atomic.
                Write(term.Children[1], names, text, term.Symbol is Symbol.Add or Symbol.Mul ? precedence : precedence + 1);
                break;
            default:
                text.Append(term.Symbol.Name()).Append('(');
                Write(term.Children[0], names, text, 0);
                text.Append(')');
                break;
        }

        if (parenthesize)
        {
            text.Append(')');
        }
    }

    /// <summary>−t when <paramref name="term"/> is a negative constant or a product whose first factor is one; else null.</summary>
    internal static Term? Negated(Term term) => term switch
    {
        { Symbol: Symbol.Constant, Known: null, Value: < 0 } => Term.Constant(-term.Value),
        { Symbol: Symbol.Mul } when term.Children[0] is { Symbol: Symbol.Constant, Known: null, Value: < 0 } c =>
            c.Value == -1 ? term.Children[1] : Term.Apply(Symbol.Mul, Term.Constant(-c.Value), term.Children[1]),
        _ => null,
    };

    private static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);
}
