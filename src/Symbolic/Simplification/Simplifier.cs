namespace Leibniz.Symbolic;

/// <summary>
/// Constant folding and algebraic rewriting that keep a formula's value wherever it was finite: identities of 0 and 1,
/// x − x = 0, x / x = 1, x + x = 2x, collecting constant factors and terms, and a canonical operand order for + and ×
/// (constants first, then inputs by column, then the rest). Applied bottom-up until nothing changes.
/// </summary>
public static class Simplifier
{
    /// <summary>The simplified formula.</summary>
    /// <param name="term">The formula.</param>
    public static Term Simplify(Term term)
    {
        ArgumentNullException.ThrowIfNull(term);
        for (var pass = 0; pass < 16; pass++)
        {
            var next = Pass(term);
            if (next.SameAs(term))
            {
                return next;
            }

            term = next;
        }

        return term;
    }

    private static Term Pass(Term term)
    {
        if (term.Children.Count == 0)
        {
            return term;
        }

        var children = term.Children.Select(Pass).ToArray();
        if (children.All(c => c.IsConstant))
        {
            var value = Tree.Apply(term.Symbol, children[0].Value, children.Length > 1 ? children[1].Value : 0);
            if (double.IsFinite(value))
            {
                return Term.Constant(value);
            }
        }

        return Collection.Collect(Rewrite(term.Symbol, children));
    }

    private static bool Is(Term t, double value) => t.IsConstant && t.Value == value;

    private static Term C(double value) => Term.Constant(value);

    private static Term Rewrite(Symbol symbol, Term[] c)
    {
        switch (symbol)
        {
            case Symbol.Add:
                return Add(c[0], c[1]);
            case Symbol.Sub:
                if (Is(c[1], 0))
                {
                    return c[0];
                }

                if (c[0].SameAs(c[1]))
                {
                    return C(0);
                }

                if (c[1].IsConstant)
                {
                    return Add(C(-c[1].Value), c[0]);
                }

                // a − k·b = a + (−k)·b has the same length; a − b stays (a + (−1)·b would be longer).
                return c[1].Symbol == Symbol.Mul && c[1].Children[0].IsConstant
                    ? Add(c[0], Mul(C(-c[1].Children[0].Value), c[1].Children[1]))
                    : Term.Apply(Symbol.Sub, c);
            case Symbol.Mul:
                return Mul(c[0], c[1]);
            case Symbol.Div:
                if (Is(c[1], 1))
                {
                    return c[0];
                }

                if (Is(c[0], 0))
                {
                    return C(0);
                }

                if (c[0].SameAs(c[1]))
                {
                    return C(1);
                }

                if (c[1].IsConstant && c[1].Value != 0)
                {
                    return Mul(C(1 / c[1].Value), c[0]);
                }

                // (k·a)/b = k·(a/b) and a/(k·b) = (1/k)·(a/b), so constant factors collect at the front.
                if (c[0].Symbol == Symbol.Mul && c[0].Children[0].IsConstant)
                {
                    return Mul(c[0].Children[0], Rewrite(Symbol.Div, [c[0].Children[1], c[1]]));
                }

                if (c[1].Symbol == Symbol.Mul && c[1].Children[0].IsConstant && c[1].Children[0].Value != 0)
                {
                    return Mul(C(1 / c[1].Children[0].Value), Rewrite(Symbol.Div, [c[0], c[1].Children[1]]));
                }

                // k/(a/b) = k·b/a keeps one division.
                if (c[0].IsConstant && c[1].Symbol == Symbol.Div)
                {
                    return Mul(c[0], Rewrite(Symbol.Div, [c[1].Children[1], c[1].Children[0]]));
                }

                return Term.Apply(Symbol.Div, c);
            case Symbol.Pow:
                if (Is(c[1], 1))
                {
                    return c[0];
                }

                return Term.Apply(Symbol.Pow, c);
            case Symbol.Sin or Symbol.Tan or Symbol.Asin or Symbol.Atan or Symbol.Sinh or Symbol.Tanh
                when c[0].Symbol == Symbol.Mul && Is(c[0].Children[0], -1):
                // Odd functions: f(−x) = −f(x), so the sign can join the coefficient outside.
                return Mul(C(-1), Term.Apply(symbol, c[0].Children[1]));
            case Symbol.Cos or Symbol.Cosh or Symbol.Abs when Negative(c[0]) is { } positive:
                // Even functions: f(−k·x) = f(k·x).
                return Term.Apply(symbol, positive);
            default:
                return Term.Apply(symbol, c);
        }
    }

    // k·x with k < 0 as (−k)·x (just x when k = −1), else null.
    private static Term? Negative(Term t) =>
        t.Symbol == Symbol.Mul && t.Children[0] is { IsConstant: true, Value: < 0 } k
            ? (k.Value == -1 ? t.Children[1] : Term.Apply(Symbol.Mul, C(-k.Value), t.Children[1]))
            : null;

    private static Term Add(Term a, Term b)
    {
        if (Is(a, 0))
        {
            return b;
        }

        if (Is(b, 0))
        {
            return a;
        }

        if (a.SameAs(b))
        {
            return Mul(C(2), a);
        }

        if (b.IsConstant && !a.IsConstant)
        {
            (a, b) = (b, a);
        }

        // c1 + (c2 + x) = (c1 + c2) + x.
        if (a.IsConstant && b.Symbol == Symbol.Add && b.Children[0].IsConstant)
        {
            return Add(C(a.Value + b.Children[0].Value), b.Children[1]);
        }

        // (c + x) + y = c + (x + y): the constant term moves to the front.
        if (!a.IsConstant && a.Symbol == Symbol.Add && a.Children[0].IsConstant)
        {
            return Add(a.Children[0], Add(a.Children[1], b));
        }

        if (!a.IsConstant && b.Symbol == Symbol.Add && b.Children[0].IsConstant)
        {
            return Add(b.Children[0], Add(a, b.Children[1]));
        }

        // k1·x + k2·x = (k1 + k2)·x.
        var (ka, xa) = Factor(a);
        var (kb, xb) = Factor(b);
        if (xa.SameAs(xb) && !xa.IsConstant)
        {
            return Mul(C(ka + kb), xa);
        }

        if (!a.IsConstant && string.CompareOrdinal(b.OrderKey, a.OrderKey) < 0)
        {
            (a, b) = (b, a);
        }

        return Term.Apply(Symbol.Add, a, b);
    }

    private static Term Mul(Term a, Term b)
    {
        if (Is(a, 1))
        {
            return b;
        }

        if (Is(b, 1))
        {
            return a;
        }

        if (Is(a, 0) || Is(b, 0))
        {
            return C(0);
        }

        if (b.IsConstant && !a.IsConstant)
        {
            (a, b) = (b, a);
        }

        // c1·(c2·x) = (c1·c2)·x, and (k·x)·y = k·(x·y).
        if (b.Symbol == Symbol.Mul && b.Children[0].IsConstant && (a.IsConstant || !b.Children[1].IsConstant))
        {
            return a.IsConstant ? Mul(C(a.Value * b.Children[0].Value), b.Children[1]) : Mul(b.Children[0], Mul(a, b.Children[1]));
        }

        if (!a.IsConstant && a.Symbol == Symbol.Mul && a.Children[0].IsConstant)
        {
            return Mul(a.Children[0], Mul(a.Children[1], b));
        }

        if (!a.IsConstant && string.CompareOrdinal(b.OrderKey, a.OrderKey) < 0)
        {
            (a, b) = (b, a);
        }

        // k·(u + v) = k·u + k·v when that is no longer (a constant factor or term inside absorbs k).
        if (a.IsConstant && b.Symbol == Symbol.Add)
        {
            var distributed = Add(Mul(a, b.Children[0]), Mul(a, b.Children[1]));
            if (distributed.Length <= 1 + b.Length)
            {
                return distributed;
            }
        }

        return Term.Apply(Symbol.Mul, a, b);
    }

    private static (double Factor, Term Operand) Factor(Term t) =>
        t.Symbol == Symbol.Mul && t.Children[0].IsConstant ? (t.Children[0].Value, t.Children[1]) : (1, t);
}
