namespace Leibniz.Generator.Tests.Registry;

/// <summary>The generic-math members Dual and Var implement only explicitly.</summary>
internal static class G
{
    public static T ScaleB<T>(T x, int n) where T : System.Numerics.IFloatingPointIeee754<T> => T.ScaleB(x, n);

    public static T Round<T>(T x) where T : System.Numerics.IFloatingPointIeee754<T> => T.Round(x);

    public static T Floor<T>(T x) where T : System.Numerics.IFloatingPointIeee754<T> => T.Floor(x);

    public static T Ceiling<T>(T x) where T : System.Numerics.IFloatingPointIeee754<T> => T.Ceiling(x);

    public static T Truncate<T>(T x) where T : System.Numerics.IFloatingPointIeee754<T> => T.Truncate(x);

    public static T Clamp<T>(T x, T low, T high) where T : System.Numerics.IFloatingPointIeee754<T> => T.Clamp(x, low, high);

    public static T FusedMultiplyAdd<T>(T x, T y, T z) where T : System.Numerics.IFloatingPointIeee754<T> => T.FusedMultiplyAdd(x, y, z);
}

/// <summary>Every rule of the derivative table, with its edge points.</summary>
internal static class RuleCases
{
    /// <summary>The exponent of the ScaleB case (Math.ScaleB(x, 3)).</summary>
    public const int ScaleBExponent = 3;

    private const double Huge = 1e300;
    private const double Tiny = 1e-300;
    private static readonly double[] Saturation = [-700, -40, -20, 0, 20, 40, 700];

    private static double[][] Points(params double[] xs) => xs.Select(x => new[] { x }).ToArray();

    private static double[][] Pairs(params (double, double)[] points) => points.Select(p => new[] { p.Item1, p.Item2 }).ToArray();

    private static double Sigmoid(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return x >= 0 ? 1 / (1 + e) : e / (1 + e);
    }

    /// <summary>σ′ = e^−|x| / (1 + e^−|x|)², with no cancellation at either end.</summary>
    private static double SigmoidSlope(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return e / ((1 + e) * (1 + e));
    }

    /// <summary>sech² x = 4e^−2|x| / (1 + e^−2|x|)².</summary>
    private static double SechSquared(double x)
    {
        var e = Math.Exp(-2 * Math.Abs(x));
        return 4 * e / ((1 + e) * (1 + e));
    }

    private static double Sign(double x) => x > 0 ? 1 : x < 0 ? -1 : 0;

    private static RuleCase Unary(string name, string source, Func<Dual, Dual> dual, Func<Var, Var> tape, Func<double, double> exact,
        double low, double high, double[] edges, Func<Tensor, Tensor>? tensor = null) =>
        new(name, source, a => dual(a[0]), a => tape(a[0]), a => [exact(a[0])], [low], [high], Points(edges), tensor);

    public static readonly RuleCase[] All =
    [
        Unary("Sin", "Math.Sin(x)", Dual.Sin, Var.Sin, Math.Cos, -10, 10, [0, -0.0, Math.PI / 2, 1e10], t => t.Sin()),
        Unary("Cos", "Math.Cos(x)", Dual.Cos, Var.Cos, x => -Math.Sin(x), -10, 10, [0, -0.0, Math.PI], t => t.Cos()),
        Unary("Tan", "Math.Tan(x)", Dual.Tan, Var.Tan, x => 1 / (Math.Cos(x) * Math.Cos(x)), -1.5, 1.5, [0, -0.0, 1.5707]),
        Unary("Asin", "Math.Asin(x)", Dual.Asin, Var.Asin, x => 1 / Math.Sqrt((1 - x) * (1 + x)), -0.99, 0.99, [0, -0.0, 0.999999999, -0.999999999]),
        Unary("Acos", "Math.Acos(x)", Dual.Acos, Var.Acos, x => -1 / Math.Sqrt((1 - x) * (1 + x)), -0.99, 0.99, [0, 0.999999999, -0.999999999]),
        Unary("Atan", "Math.Atan(x)", Dual.Atan, Var.Atan, x => 1 / (1 + x * x), -10, 10, [0, -0.0, 1e10, -1e10]),
        Unary("Sinh", "Math.Sinh(x)", Dual.Sinh, Var.Sinh, Math.Cosh, -10, 10, [0, -20, 20, 700]),
        Unary("Cosh", "Math.Cosh(x)", Dual.Cosh, Var.Cosh, Math.Sinh, -10, 10, [0, -0.0, -20, 20, -700]),
        Unary("Tanh", "Math.Tanh(x)", Dual.Tanh, Var.Tanh, SechSquared, -5, 5, [.. Saturation, -0.0, 1000, -1000], t => t.Tanh()),
        Unary("Asinh", "Math.Asinh(x)", Dual.Asinh, Var.Asinh, x => 1 / Math.Sqrt(x * x + 1), -10, 10, [0, -0.0, 1e10, -1e10]),
        Unary("Acosh", "Math.Acosh(x)", Dual.Acosh, Var.Acosh, x => 1 / Math.Sqrt((x - 1) * (x + 1)), 1.01, 10, [1.000000001, 1e10]),
        Unary("Atanh", "Math.Atanh(x)", Dual.Atanh, Var.Atanh, x => 1 / ((1 - x) * (1 + x)), -0.99, 0.99, [0, -0.0, 0.999999999, -0.999999999]),
        Unary("Exp", "Math.Exp(x)", Dual.Exp, Var.Exp, Math.Exp, -10, 10, [0, -700, 700, -745], t => t.Exp()),
        Unary("Log", "Math.Log(x)", Dual.Log, Var.Log, x => 1 / x, 0.01, 10, [Tiny, 1, Huge], t => t.Log()),
        Unary("Log2", "Math.Log2(x)", Dual.Log2, Var.Log2, x => 1 / (x * Math.Log(2)), 0.01, 10, [Tiny, 1, Huge]),
        Unary("Log10", "Math.Log10(x)", Dual.Log10, Var.Log10, x => 1 / (x * Math.Log(10)), 0.01, 10, [Tiny, 1, Huge]),
        Unary("Sqrt", "Math.Sqrt(x)", Dual.Sqrt, Var.Sqrt, x => 0.5 / Math.Sqrt(x), 0.01, 10, [0, Tiny, 1, Huge], t => t.Sqrt()),
        Unary("Cbrt", "Math.Cbrt(x)", Dual.Cbrt, Var.Cbrt, x => 1 / (3 * Math.Cbrt(x) * Math.Cbrt(x)), 0.01, 10, [Tiny, -8, 1, Huge]),
        Unary("Abs", "Math.Abs(x)", Dual.Abs, Var.Abs, Sign, -10, 10, [0, -0.0, Tiny, -Tiny], t => t.Abs()),
        Unary("ScaleB", "Math.ScaleB(x, 3)", x => G.ScaleB(x, 3), x => G.ScaleB(x, 3), _ => 8, -10, 10, [0, -0.0, Huge]),
        Unary("Round", "Math.Round(x)", G.Round, G.Round, _ => 0, -10, 10, [0.5, 2.5, -0.0]),
        Unary("Floor", "Math.Floor(x)", G.Floor, G.Floor, _ => 0, -10, 10, [1, -0.0]),
        Unary("Ceiling", "Math.Ceiling(x)", G.Ceiling, G.Ceiling, _ => 0, -10, 10, [1, -0.0]),
        Unary("Truncate", "Math.Truncate(x)", G.Truncate, G.Truncate, _ => 0, -10, 10, [1, -0.0, -1.5]),
        Unary("Sign", "Math.Sign(x)", Dual.Sign, Var.Sign, _ => 0, -10, 10, [0, -0.0]),
        Unary("ElementarySign", "Elementary.Sign(x)", Dual.Sign, Var.Sign, _ => 0, -10, 10, [0, -0.0]),
        Unary("Heaviside", "Elementary.Heaviside(x)", Dual.Heaviside, Var.Heaviside, _ => 0, -10, 10, [0, -0.0]),
        Unary("Cot", "Elementary.Cot(x)", Dual.Cot, Var.Cot, x => -1 / (Math.Sin(x) * Math.Sin(x)), 0.1, 3, [1e-10, Math.PI / 2, -1e-10]),
        Unary("Sec", "Elementary.Sec(x)", Dual.Sec, Var.Sec, x => Math.Sin(x) / (Math.Cos(x) * Math.Cos(x)), -1.5, 1.5, [0, -0.0, 1.5707]),
        Unary("Csc", "Elementary.Csc(x)", Dual.Csc, Var.Csc, x => -Math.Cos(x) / (Math.Sin(x) * Math.Sin(x)), 0.1, 3, [1e-10, Math.PI / 2]),
        Unary("Acot", "Elementary.Acot(x)", Dual.Acot, Var.Acot, x => -1 / (1 + x * x), -10, 10, [0, -0.0, 1e10]),
        Unary("Coth", "Elementary.Coth(x)", Dual.Coth, Var.Coth, x => -1 / (Math.Sinh(x) * Math.Sinh(x)), 0.1, 10, [1e-10, -1e-10, 20, -20, 40, 700, 1000, -1000]),
        Unary("Sech", "Elementary.Sech(x)", Dual.Sech, Var.Sech, x => -Math.Sinh(x) / (Math.Cosh(x) * Math.Cosh(x)), -10, 10, [0, -0.0, 20, -20, 300, 1000]),
        Unary("Csch", "Elementary.Csch(x)", Dual.Csch, Var.Csch, x => -Math.Cosh(x) / (Math.Sinh(x) * Math.Sinh(x)), 0.1, 10, [1e-10, -1e-10, 20, -20, 300, 1000]),
        Unary("Acoth", "Elementary.Acoth(x)", Dual.Acoth, Var.Acoth, x => 1 / ((1 - x) * (1 + x)), 1.01, 10, [1.000000001, -1.000000001, 1e10]),
        Unary("Asec", "Elementary.Asec(x)", Dual.Asec, Var.Asec, x => 1 / (Math.Abs(x) * Math.Sqrt((x - 1) * (x + 1))), 1.01, 10, [1.000000001, -1.000000001, 1e10]),
        Unary("Acsc", "Elementary.Acsc(x)", Dual.Acsc, Var.Acsc, x => -1 / (Math.Abs(x) * Math.Sqrt((x - 1) * (x + 1))), 1.01, 10, [1.000000001, -1.000000001, 1e10]),
        Unary("Asech", "Elementary.Asech(x)", Dual.Asech, Var.Asech, x => -1 / (x * Math.Sqrt((1 - x) * (1 + x))), 0.01, 0.99, [0.5, 0.999999999, 1e-10]),
        Unary("Acsch", "Elementary.Acsch(x)", Dual.Acsch, Var.Acsch, x => -1 / (Math.Abs(x) * Math.Sqrt(1 + x * x)), 0.01, 10, [1e-10, -1e-10, 1e10]),
        Unary("Sigmoid", "Elementary.Sigmoid(x)", Dual.Sigmoid, Var.Sigmoid, SigmoidSlope, -10, 10, [.. Saturation, -0.0], t => t.Sigmoid()),
        Unary("Softplus", "Elementary.Softplus(x)", Dual.Softplus, Var.Softplus, Sigmoid, -10, 10, [.. Saturation, -0.0], t => t.Softplus()),
        Unary("Relu", "Elementary.Relu(x)", Dual.Relu, Var.Relu, x => x > 0 ? 1 : 0, -10, 10, [0, -0.0, Tiny, -Tiny], t => t.Relu()),
        new("LeakyRelu", "Elementary.LeakyRelu(x, y)", a => Dual.LeakyRelu(a[0], a[1].Value), a => Var.LeakyRelu(a[0], a[1].Value),
            a => [a[0] > 0 ? 1 : a[1], a[0] > 0 ? 0 : a[0]], [-10, 0], [10, 0.5], Pairs((0, 0.01), (-0.0, 0.2), (Tiny, 0.1), (-Tiny, 0.1)), RuntimeArity: 1),
        new("Atan2", "Math.Atan2(x, y)", a => Dual.Atan2(a[0], a[1]), a => Var.Atan2(a[0], a[1]),
            a => [a[1] / (a[0] * a[0] + a[1] * a[1]), -a[0] / (a[0] * a[0] + a[1] * a[1])], [-10, -10], [10, 10],
            Pairs((0, 1), (1, 0), (-Tiny, -1), (0, -1), (1e10, 1))),
        new("LogBase", "Math.Log(x, y)", a => Dual.Log(a[0], a[1]), a => Var.Log(a[0], a[1]),
            a => [1 / (a[0] * Math.Log(a[1])), -Math.Log(a[0]) / (a[1] * Math.Log(a[1]) * Math.Log(a[1]))], [0.1, 1.5], [10, 10],
            Pairs((1, 3), (2, 10), (0.5, 0.5), (Huge, 2))),
        new("Pow", "Math.Pow(x, y)", a => Dual.Pow(a[0], a[1]), a => Var.Pow(a[0], a[1]),
            a => [a[1] == 0 ? 0 : a[1] * Math.Pow(a[0], a[1] - 1), Math.Pow(a[0], a[1]) == 0 ? 0 : Math.Pow(a[0], a[1]) * Math.Log(a[0])],
            [0.1, -3], [5, 3], Pairs((0, 2), (0, 3.5), (2, 0), (Tiny, 2), (1, 100), (3, -2))),
        new("Min", "Math.Min(x, y)", a => Dual.Min(a[0], a[1]), a => Var.Min(a[0], a[1]),
            a => a[0] <= a[1] ? [1, 0] : [0, 1], [-10, -10], [10, 10], Pairs((1, 1), (0, -0.0), (-0.0, 0), (Tiny, 0))),
        new("Max", "Math.Max(x, y)", a => Dual.Max(a[0], a[1]), a => Var.Max(a[0], a[1]),
            a => a[0] >= a[1] ? [1, 0] : [0, 1], [-10, -10], [10, 10], Pairs((1, 1), (0, -0.0), (-0.0, 0), (-Tiny, 0))),
        new("Hypot", "double.Hypot(x, y)", a => Dual.Hypot(a[0], a[1]), a => Var.Hypot(a[0], a[1]),
            a => a[0] == 0 && a[1] == 0 ? [0, 0] : [a[0] / double.Hypot(a[0], a[1]), a[1] / double.Hypot(a[0], a[1])], [-10, -10], [10, 10],
            Pairs((0, 0), (-0.0, 0), (Tiny, Tiny), (Huge, Huge), (3, 4), (0, 1))),
        new("Clamp", "Math.Clamp(x, y, z)", a => G.Clamp(a[0], a[1], a[2]), a => G.Clamp(a[0], a[1], a[2]),
            a => a[0] < a[1] ? [0, 1, 0] : a[0] > a[2] ? [0, 0, 1] : [1, 0, 0], [-10, -3, 3], [10, -1, 5],
            [[-1, -1, 1], [1, -1, 1], [0, -1, 1], [5, -1, 1], [-5, -1, 1]]),
        new("FusedMultiplyAdd", "Math.FusedMultiplyAdd(x, y, z)", a => G.FusedMultiplyAdd(a[0], a[1], a[2]), a => G.FusedMultiplyAdd(a[0], a[1], a[2]),
            a => [a[1], a[0], 1], [-10, -10, -10], [10, 10, 10], [[0, 0, 0], [Huge, 2, -Huge], [-0.0, 1, 0]]),
    ];
}
