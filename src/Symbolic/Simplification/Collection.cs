namespace Leibniz.Symbolic;

/// <summary>
/// Collects like terms and like factors: a chain of + and − becomes a constant plus coefficients times distinct terms
/// (k₁·x + k₂·x = (k₁ + k₂)·x, u − u = 0, constant multiples of inner sums distributed), and a chain of × and ÷ becomes
/// a coefficient times distinct factors with integer powers (x·y/x = y). The collected form is kept when it is no
/// longer than the original.
/// </summary>
internal static class Collection
{
    public static Term Collect(Term term)
    {
        var collected = term.Symbol switch
        {
            Symbol.Add or Symbol.Sub => Sum(term),
            Symbol.Mul or Symbol.Div => Product(term),
            _ => term,
        };
        return collected.Length <= term.Length ? collected : term;
    }

    private static Term Sum(Term term)
    {
        var constant = 0.0;
        var constants = new List<(double Sign, Term Term)>();
        var terms = new List<(double Coefficient, Term Term)>();
        Gather(term, 1);
        var kept = terms.Where(t => t.Coefficient != 0).OrderBy(t => t.Term.OrderKey, StringComparer.Ordinal).ToList();
        Term? result = constant != 0 || kept.Count == 0 ? Named(constants, constant) : null;
        foreach (var (coefficient, t) in kept)
        {
            var scaled = coefficient == 1 ? t : Term.Apply(Symbol.Mul, Term.Constant(coefficient), t);
            result = result is null ? scaled : Term.Apply(Symbol.Add, result, scaled);
        }

        return result!;

        void Gather(Term t, double sign)
        {
            switch (t.Symbol)
            {
                case Symbol.Add:
                    Gather(t.Children[0], sign);
                    Gather(t.Children[1], sign);
                    return;
                case Symbol.Sub:
                    Gather(t.Children[0], sign);
                    Gather(t.Children[1], -sign);
                    return;
                case Symbol.Constant:
                    constant += sign * t.Value;
                    constants.Add((sign, t));
                    return;
                case Symbol.Mul when t.Children[0].IsConstant:
                    if (t.Children[1].Symbol is Symbol.Add or Symbol.Sub)
                    {
                        Gather(t.Children[1], sign * t.Children[0].Value);
                    }
                    else
                    {
                        Add(sign * t.Children[0].Value, t.Children[1]);
                    }

                    return;
                default:
                    Add(sign, t);
                    return;
            }
        }

        void Add(double coefficient, Term t)
        {
            for (var i = 0; i < terms.Count; i++)
            {
                if (terms[i].Term.SameAs(t))
                {
                    terms[i] = (terms[i].Coefficient + coefficient, terms[i].Term);
                    return;
                }
            }

            terms.Add((coefficient, t));
        }
    }

    // A snapped constant keeps its name (2π, 1/√(2π)) when it is the only constant collected, with a positive sign.
    private static Term Named(List<(double Sign, Term Term)> constants, double value) =>
        constants.Count == 1 && constants[0].Sign > 0 && constants[0].Term.Value == value ? constants[0].Term : Term.Constant(value);

    private static Term Product(Term term)
    {
        var coefficient = 1.0;
        var constants = new List<(double Sign, Term Term)>();
        var factors = new List<(int Power, Term Factor)>();
        Gather(term, 1);
        if (!double.IsFinite(coefficient))
        {
            return term;
        }

        var kept = factors.Where(f => f.Power != 0).OrderBy(f => f.Factor.OrderKey, StringComparer.Ordinal).ToList();
        var numerator = Power(kept.Where(f => f.Power > 0));
        var denominator = Power(kept.Where(f => f.Power < 0));
        var scale = Named(constants, coefficient);
        Term result = numerator is null
            ? scale
            : coefficient == 1 ? numerator : Term.Apply(Symbol.Mul, scale, numerator);
        return denominator is null ? result : Term.Apply(Symbol.Div, result, denominator);

        void Gather(Term t, int sign)
        {
            switch (t.Symbol)
            {
                case Symbol.Mul:
                    Gather(t.Children[0], sign);
                    Gather(t.Children[1], sign);
                    return;
                case Symbol.Div:
                    Gather(t.Children[0], sign);
                    Gather(t.Children[1], -sign);
                    return;
                case Symbol.Constant:
                    coefficient = sign > 0 ? coefficient * t.Value : coefficient / t.Value;
                    constants.Add((sign, t));
                    return;
                default:
                    for (var i = 0; i < factors.Count; i++)
                    {
                        if (factors[i].Factor.SameAs(t))
                        {
                            factors[i] = (factors[i].Power + sign, factors[i].Factor);
                            return;
                        }
                    }

                    factors.Add((sign, t));
                    return;
            }
        }

        static Term? Power(IEnumerable<(int Power, Term Factor)> list)
        {
            Term? product = null;
            foreach (var (power, factor) in list)
            {
                for (var k = 0; k < Math.Abs(power); k++)
                {
                    product = product is null ? factor : Term.Apply(Symbol.Mul, product, factor);
                }
            }

            return product;
        }
    }
}
