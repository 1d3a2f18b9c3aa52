using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Leibniz.Generator.Formula;

/// <summary>
/// A small symbolic expression for the documentation formulas only (never for code): sums of products with a
/// numeric coefficient and integer exponents, so like terms and factors combine (x + x = 2·x, 10·2·π = 20·π).
/// </summary>
internal abstract class Sym
{
    public const int MaxSize = 120;

    public static readonly Sym Zero = new Num(0);
    public static readonly Sym One = new Num(1);
    public static readonly Sym TooLarge = new Atom("…");

    private string? _text;

    public abstract int Size { get; }

    public string Text => _text ??= Print();

    public static Sym Add(Sym a, Sym b)
    {
        if (a == TooLarge || b == TooLarge || a.Size + b.Size > MaxSize)
        {
            return TooLarge;
        }

        var terms = new List<(double Coef, Sym Remainder)>();
        foreach (var term in TermsOf(a).Concat(TermsOf(b)))
        {
            var (coef, rest) = Split(term);
            var index = terms.FindIndex(t => t.Remainder.Text == rest.Text);
            if (index >= 0)
            {
                terms[index] = (terms[index].Coef + coef, rest);
            }
            else
            {
                terms.Add((coef, rest));
            }
        }

        var result = terms.Where(t => t.Coef != 0).Select(t => Mul(new Num(t.Coef), t.Remainder)).ToList();
        return result.Count switch
        {
            0 => Zero,
            1 => result[0],
            _ => new Sum(result),
        };
    }

    public static Sym Neg(Sym a) => Mul(new Num(-1), a);

    public static Sym Sub(Sym a, Sym b) => Add(a, Neg(b));

    public static Sym Div(Sym a, Sym b) => Mul(a, Pow(b, -1));

    public static Sym Mul(Sym a, Sym b)
    {
        if (a == TooLarge || b == TooLarge || a.Size + b.Size > MaxSize)
        {
            return TooLarge;
        }

        var (ca, fa) = Factors(a);
        var (cb, fb) = Factors(b);
        var coef = ca * cb;
        if (coef == 0)
        {
            return Zero;
        }

        var factors = new List<(Sym Base, int Exp)>(fa);
        foreach (var (b2, e2) in fb)
        {
            var index = factors.FindIndex(f => f.Base.Text == b2.Text);
            if (index >= 0)
            {
                factors[index] = (b2, factors[index].Exp + e2);
            }
            else
            {
                factors.Add((b2, e2));
            }
        }

        factors = factors.Where(f => f.Exp != 0).OrderBy(f => Rank(f.Base)).ThenBy(f => f.Base.Text, StringComparer.Ordinal).ToList();
        if (factors.Count == 0)
        {
            return new Num(coef);
        }

        return coef == 1 && factors.Count == 1 && factors[0].Exp == 1 ? factors[0].Base : new Prod(coef, factors);
    }

    public static Sym Pow(Sym a, int n)
    {
        if (a == TooLarge)
        {
            return TooLarge;
        }

        if (n == 1)
        {
            return a;
        }

        return a switch
        {
            Num num => new Num(Math.Pow(num.Value, n)),
            Prod prod => Mul(new Num(Math.Pow(prod.Coef, n)), new Prod(1, prod.Factors.Select(f => (f.Base, f.Exp * n)).ToList())),
            _ => new Prod(1, new List<(Sym, int)> { (a, n) }),
        };
    }

    public static Sym Call(string name, params Sym[] args) => args.Any(a => a == TooLarge) || args.Sum(a => a.Size) > MaxSize ? TooLarge : new Fn(name, args);

    public static Sym Choose(string condition, Sym whenTrue, Sym whenFalse) =>
        whenTrue == TooLarge || whenFalse == TooLarge ? TooLarge
        : whenTrue.Text == whenFalse.Text ? whenTrue
        : new Choice(condition, whenTrue, whenFalse);

    protected abstract string Print();

    private static int Rank(Sym s) => s is Atom { Name: "π" or "e" or "τ" } ? 0 : 1;

    private static IEnumerable<Sym> TermsOf(Sym s) => s is Sum sum ? sum.Terms : new[] { s };

    private static (double Coef, Sym Remainder) Split(Sym s) => s switch
    {
        Num n => (n.Value, One),
        Prod p => (p.Coef, p.Coef == 1 ? p : new Prod(1, p.Factors)),
        _ => (1, s),
    };

    private static (double Coef, List<(Sym Base, int Exp)> Factors) Factors(Sym s) => s switch
    {
        Num n => (n.Value, new List<(Sym, int)>()),
        Prod p => (p.Coef, p.Factors.ToList()),
        _ => (1, new List<(Sym, int)> { (s, 1) }),
    };

    internal static string Number(double value)
    {
        if (value == Math.Floor(value) && Math.Abs(value) < 1e15)
        {
            return value.ToString("0", CultureInfo.InvariantCulture);
        }

        return value.ToString("R", CultureInfo.InvariantCulture);
    }

    /// <summary>A rational p/q with a small q when the number is one.</summary>
    internal static (double P, double Q) Rational(double value)
    {
        for (var q = 1; q <= 64; q++)
        {
            var p = value * q;
            if (p == Math.Floor(p) && Math.Abs(p) < 1e9)
            {
                return (p, q);
            }
        }

        return (value, 1);
    }
}

/// <summary>A number.</summary>
internal sealed class Num : Sym
{
    public Num(double value) => Value = value;

    public double Value { get; }

    public override int Size => 1;

    protected override string Print()
    {
        var (p, q) = Rational(Value);
        return q == 1 ? Number(p) : Number(p) + "/" + Number(q);
    }
}

/// <summary>A parameter or a named constant.</summary>
internal sealed class Atom : Sym
{
    public Atom(string name) => Name = name;

    public string Name { get; }

    public override int Size => 1;

    protected override string Print() => Name;
}

/// <summary>A function application.</summary>
internal sealed class Fn : Sym
{
    public Fn(string name, Sym[] args)
    {
        Name = name;
        Args = args;
        Size = 1 + args.Sum(a => a.Size);
    }

    public string Name { get; }

    public Sym[] Args { get; }

    public override int Size { get; }

    protected override string Print() => Name == "abs" ? "|" + Args[0].Text + "|"
        : Args.Length == 0 ? Name
        : Name + "(" + string.Join(", ", Args.Select(a => a.Text)) + ")";
}

/// <summary>A sum of two or more terms.</summary>
internal sealed class Sum : Sym
{
    public Sum(List<Sym> terms)
    {
        Terms = terms;
        Size = 1 + terms.Sum(t => t.Size);
    }

    public List<Sym> Terms { get; }

    public override int Size { get; }

    protected override string Print()
    {
        var text = Terms[0].Text;
        foreach (var term in Terms.Skip(1))
        {
            text += term is Prod { Coef: < 0 } || term is Num { Value: < 0 } ? " - " + Neg(term).Text : " + " + term.Text;
        }

        return text;
    }
}

/// <summary>A numeric coefficient times factors with integer exponents.</summary>
internal sealed class Prod : Sym
{
    public Prod(double coef, List<(Sym Base, int Exp)> factors)
    {
        Coef = coef;
        Factors = factors;
        Size = 1 + factors.Sum(f => f.Base.Size);
    }

    public double Coef { get; }

    public List<(Sym Base, int Exp)> Factors { get; }

    public override int Size { get; }

    protected override string Print()
    {
        var (p, q) = Rational(Math.Abs(Coef));
        var numerator = Factors.Where(f => f.Exp > 0).Select(f => Power(f.Base, f.Exp)).ToList();
        var denominator = Factors.Where(f => f.Exp < 0).Select(f => Power(f.Base, -f.Exp)).ToList();
        if (p != 1 || numerator.Count == 0)
        {
            numerator.Insert(0, Number(p));
        }

        if (q != 1)
        {
            denominator.Insert(0, Number(q));
        }

        var text = string.Join("·", numerator);
        if (denominator.Count > 0)
        {
            var below = string.Join("·", denominator);
            text += "/" + (denominator.Count > 1 ? "(" + below + ")" : below);
        }

        return Coef < 0 ? "-" + text : text;
    }

    private static string Power(Sym b, int exp)
    {
        var text = b is Sum || b is Prod || (b is Num n && n.Value < 0) ? "(" + b.Text + ")" : b.Text;
        return exp switch
        {
            1 => text,
            2 => text + "²",
            3 => text + "³",
            _ => text + "^" + exp.ToString(CultureInfo.InvariantCulture),
        };
    }
}

/// <summary>A value that depends on a branch condition.</summary>
internal sealed class Choice : Sym
{
    public Choice(string condition, Sym whenTrue, Sym whenFalse)
    {
        Condition = condition;
        WhenTrue = whenTrue;
        WhenFalse = whenFalse;
        Size = 1 + whenTrue.Size + whenFalse.Size;
    }

    public string Condition { get; }

    public Sym WhenTrue { get; }

    public Sym WhenFalse { get; }

    public override int Size { get; }

    protected override string Print() => "(" + Condition + " ? " + WhenTrue.Text + " : " + WhenFalse.Text + ")";
}
