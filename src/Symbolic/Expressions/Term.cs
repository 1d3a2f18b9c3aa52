using System.Globalization;

namespace Leibniz.Symbolic;

/// <summary>A constant's exact name when it was snapped to a simple value, e.g. 2π.</summary>
/// <param name="Math">How readable math writes it (<c>2π</c>, <c>1/3</c>, <c>√2</c>).</param>
/// <param name="CSharp">A C# expression of type double with the same value (<c>2 * Math.PI</c>, <c>1.0 / 3</c>).</param>
public sealed record KnownConstant(string Math, string CSharp);

/// <summary>
/// An expression as a tree of objects: the form the simplifier, the snapping of constants and the printers work on.
/// Variables carry no weight here (a weight becomes a product with a constant). Immutable.
/// </summary>
public sealed class Term
{
    private Term(Symbol symbol, double value, int variable, Term[] children, KnownConstant? known)
    {
        Symbol = symbol;
        Value = value;
        Variable = variable;
        Children = children;
        Known = known;
    }

    /// <summary>What the term computes.</summary>
    public Symbol Symbol { get; }

    /// <summary>The constant's value (0 for other terms).</summary>
    public double Value { get; }

    /// <summary>The input column of a variable.</summary>
    public int Variable { get; }

    /// <summary>The operands (none for leaves).</summary>
    public IReadOnlyList<Term> Children { get; }

    /// <summary>The exact name of a snapped constant, or null.</summary>
    public KnownConstant? Known { get; }

    /// <summary>Whether this is a constant.</summary>
    public bool IsConstant => Symbol == Symbol.Constant;

    /// <summary>The number of terms in the tree (its length as a formula).</summary>
    public int Length => 1 + Children.Sum(c => c.Length);

    /// <summary>A constant.</summary>
    /// <param name="value">Its value.</param>
    /// <param name="known">Its exact name, if snapped.</param>
    public static Term Constant(double value, KnownConstant? known = null) => new(Symbol.Constant, value, 0, [], known);

    /// <summary>Input column <paramref name="column"/>.</summary>
    /// <param name="column">The column.</param>
    public static Term Input(int column) => new(Symbol.Variable, 0, column, [], null);

    /// <summary>A function applied to operands.</summary>
    /// <param name="symbol">The function.</param>
    /// <param name="children">As many operands as its arity.</param>
    public static Term Apply(Symbol symbol, params Term[] children)
    {
        ArgumentNullException.ThrowIfNull(children);
        if (symbol.Arity() == 0 || children.Length != symbol.Arity())
        {
            throw new ArgumentException($"{symbol} takes {symbol.Arity()} operands, not {children.Length}.", nameof(children));
        }

        return new Term(symbol, 0, 0, children, null);
    }

    /// <summary>The tree of a postfix expression (a weighted input w·x becomes w × x unless w is 1).</summary>
    /// <param name="nodes">The expression.</param>
    public static Term FromNodes(ReadOnlySpan<Node> nodes)
    {
        var stack = new Stack<Term>();
        foreach (var node in nodes)
        {
            switch (node.Arity)
            {
                case 0:
                    stack.Push(node.Symbol == Symbol.Constant ? Constant(node.Value)
                        : node.Value == 1 ? Input(node.Variable) : Apply(Symbol.Mul, Constant(node.Value), Input(node.Variable)));
                    break;
                case 1:
                    stack.Push(Apply(node.Symbol, stack.Pop()));
                    break;
                default:
                    var right = stack.Pop();
                    stack.Push(Apply(node.Symbol, stack.Pop(), right));
                    break;
            }
        }

        return stack.Count == 1 ? stack.Pop() : throw new ArgumentException("The postfix array is not one expression.", nameof(nodes));
    }

    /// <summary>
    /// The postfix form; a product of a constant and an input becomes one weighted input, so every constant is a
    /// coefficient the fitter can move.
    /// </summary>
    public Node[] ToNodes()
    {
        var output = new List<Node>();
        Write(this, output);
        return [.. output];

        static void Write(Term term, List<Node> output)
        {
            if (term.Symbol == Symbol.Mul && term.Children[0].IsConstant && term.Children[1].Symbol == Symbol.Variable)
            {
                output.Add(Node.Input(term.Children[1].Variable, term.Children[0].Value));
                return;
            }

            foreach (var child in term.Children)
            {
                Write(child, output);
            }

            output.Add(term.Symbol switch
            {
                Symbol.Constant => Node.Constant(term.Value),
                Symbol.Variable => Node.Input(term.Variable),
                _ => Node.Function(term.Symbol),
            });
        }
    }

    /// <summary>The value at one point.</summary>
    /// <param name="point">The inputs, by column.</param>
    public double Evaluate(ReadOnlySpan<double> point) => Symbol switch
    {
        Symbol.Constant => Value,
        Symbol.Variable => point[Variable],
        _ => Tree.Apply(Symbol, Children[0].Evaluate(point), Children.Count > 1 ? Children[1].Evaluate(point) : 0),
    };

    /// <summary>Whether two trees are the same formula, node for node (constants compared by value).</summary>
    /// <param name="other">The other tree.</param>
    public bool SameAs(Term other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (Symbol != other.Symbol || Children.Count != other.Children.Count)
        {
            return false;
        }

        if (Symbol == Symbol.Constant)
        {
            return Value.Equals(other.Value);
        }

        if (Symbol == Symbol.Variable)
        {
            return Variable == other.Variable;
        }

        for (var i = 0; i < Children.Count; i++)
        {
            if (!Children[i].SameAs(other.Children[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A copy with the given children (same symbol).</summary>
    /// <param name="children">The new operands.</param>
    public Term With(params Term[] children) => Apply(Symbol, children);

    /// <summary>A stable key that orders operands of + and × canonically: constants, then inputs by column, then the rest.</summary>
    public string OrderKey => Symbol switch
    {
        Symbol.Constant => "0",
        Symbol.Variable => "1" + Variable.ToString("D4", CultureInfo.InvariantCulture),
        _ => "2" + ToString(),
    };

    /// <inheritdoc/>
    public override string ToString() => MathFormatter.Format(this, null);
}
