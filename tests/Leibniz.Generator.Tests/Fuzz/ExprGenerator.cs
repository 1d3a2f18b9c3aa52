using System.Globalization;

namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>Random expression trees of bounded depth using every function of the derivative table, kept inside their domains.</summary>
internal sealed class ExprGenerator(int seed)
{
    private static readonly string[] Anywhere = ["Sin", "Cos", "Atan", "Tanh", "Asinh", "Abs", "Round", "Floor", "Ceiling", "Truncate", "Sign"];
    private static readonly string[] ElementaryAnywhere = ["Acot", "Sech", "Sigmoid", "Softplus", "Relu", "LeakyRelu", "Heaviside", "Sign"];
    private static readonly string[] Bounded = ["Exp", "Sinh", "Cosh"];
    private static readonly string[] Positive = ["Log", "Log2", "Log10", "Sqrt", "Cbrt"];
    private static readonly string[] ElementaryPositive = ["Coth", "Csch", "Acsch"];
    private static readonly string[] Unit = ["Asin", "Acos", "Atanh", "Tan"];
    private static readonly string[] AboveOne = ["Acosh"];
    private static readonly string[] ElementaryAboveOne = ["Acoth", "Asec", "Acsc"];

    private readonly Random _random = new(seed);

    public Expr Next(int depth)
    {
        if (depth <= 0 || _random.Next(3) == 0)
        {
            return _random.Next(4) == 0 ? new Constant(Math.Round(_random.NextDouble() * 6 - 3, 2)) : new Parameter(_random.Next(2));
        }

        var d = depth - 1;
        return _random.Next(24) switch
        {
            0 or 1 or 2 => new Binary("+-*"[_random.Next(3)], Next(d), Next(d)),
            3 => new Binary('/', Next(d), Positive1(Next(d))),
            4 => new Negate(Next(d)),
            5 => new Call("Math", Pick(Anywhere), [Next(d)]),
            6 => new Call("Elementary", Pick(ElementaryAnywhere), [Next(d)]),
            7 => new Call("Math", Pick(Bounded), [Scaled(new Call("Math", "Tanh", [Next(d)]), 2)]),
            8 => new Call("Math", Pick(Positive), [Positive1(Next(d))]),
            9 => new Call("Elementary", Pick(ElementaryPositive), [Positive1(Next(d))]),
            10 => new Call("Math", Pick(Unit), [Scaled(new Call("Math", "Tanh", [Next(d)]), 0.9)]),
            11 => new Call("Math", Pick(AboveOne), [Positive1(Next(d))]),
            12 => new Call("Elementary", Pick(ElementaryAboveOne), [Positive1(Next(d))]),
            13 => new Call("Elementary", Pick(["Cot", "Csc", "Sec"]), [Binary01(Next(d))]),
            14 => new Call("Elementary", "Asech", [Binary01(Next(d))]),
            15 => Pick(["Atan2", "Hypot", "Min", "Max"]) is var name && name == "Hypot" ? new Call("double", name, [Next(d), Next(d)]) : new Call("Math", name, [Next(d), Next(d)]),
            16 => new Call("Math", "Pow", [Positive1(Next(d)), Scaled(new Call("Math", "Tanh", [Next(d)]), 2)]),
            17 => new Call("Math", "Pow", [Next(d), new Constant(_random.Next(0, 5))]),
            18 => new Call("Math", "Pow", [Positive1(Next(d))], Pick(["-2d", "0.5d", "1.5d", "-0.5d", "3d"])),
            19 => new Call("Math", "Log", [Positive1(Next(d)), Positive1(Next(d))]),
            20 => _random.Next(2) == 0
                ? new Call("Math", "FusedMultiplyAdd", [Next(d), Next(d), Next(d)])
                : new Call("Math", "Clamp", [Next(d), new Constant(-1), new Constant(1.25)]),
            21 => new Call("Math", "ScaleB", [Next(d)], _random.Next(-2, 4).ToString(CultureInfo.InvariantCulture)),
            22 => new Call("Elementary", "LeakyRelu", [Next(d)], "0.2d"),
            _ when _random.Next(3) == 0 => NextSwitch(d),
            _ => new Conditional(Pick(["<", "<=", ">", ">="]), Next(d), Next(d), Next(d), Next(d)),
        };
    }

    /// <summary>
    /// A switch expression whose arms test the subject against sorted breakpoints b₀ &lt; b₁ &lt; …: the tails
    /// (<c>&lt; b₀</c>, or <c>&lt; b₀ or &gt; bₖ</c>), then each interval [bᵢ₋₁, bᵢ) (<c>&gt;= and &lt;</c>, or <c>not (&lt; …) and &lt;</c>),
    /// sometimes <c>&gt;= bₖ</c>; disjoint, so the compiler finds no arm unreachable (the discard still takes NaN).
    /// </summary>
    private Switch NextSwitch(int d)
    {
        var breakpoints = Enumerable.Range(0, _random.Next(1, 4)).Select(_ => Math.Round(_random.NextDouble() * 4 - 2, 1) + 0.0).Distinct().Order().ToArray();
        var (first, last) = (breakpoints[0], breakpoints[^1]);
        var tails = breakpoints.Length > 1 && _random.Next(2) == 0;
        var arms = new List<(string, Func<double, bool>, Expr)>
        {
            tails ? ("< " + Literal(first) + " or > " + Literal(last), v => v < first || v > last, Next(d)) : ("< " + Literal(first), v => v < first, Next(d)),
        };
        for (var i = 1; i < breakpoints.Length; i++)
        {
            var (low, high) = (breakpoints[i - 1], breakpoints[i]);
            var pattern = _random.Next(2) == 0 ? ">= " + Literal(low) + " and < " + Literal(high) : "not (< " + Literal(low) + ") and < " + Literal(high);
            arms.Add((pattern, v => v >= low && v < high, Next(d)));
        }

        if (!tails && _random.Next(2) == 0)
        {
            arms.Add((">= " + Literal(last), v => v >= last, Next(d)));
        }

        return new Switch(Next(d), arms.ToArray(), Next(d));
    }

    private static string Literal(double value) => value.ToString("R", CultureInfo.InvariantCulture) + "d";

    private static Expr Positive1(Expr e) => new Binary('+', new Constant(1.5), new Binary('*', e, e));

    private static Expr Scaled(Expr e, double factor) => new Binary('*', new Constant(factor), e);

    private static Expr Binary01(Expr e) => new Binary('+', new Constant(0.2), new Binary('*', new Constant(0.7), new Call("Elementary", "Sigmoid", [e])));

    private string Pick(string[] names) => names[_random.Next(names.Length)];
}
