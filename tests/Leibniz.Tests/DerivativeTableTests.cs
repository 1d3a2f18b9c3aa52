using CsCheck;

namespace Leibniz.Tests;

/// <summary>
/// Every function of the derivative table: the Dual tangent and the Tape gradient equal an independently written
/// analytic derivative (relative error ≤ 1e-13) at random points of a well-conditioned part of the domain.
/// </summary>
public sealed class DerivativeTableTests
{
    private const double Tolerance = 1e-13;

    private static readonly UnaryCase[] Unary =
    [
        new("Sin", Math.Sin, Dual.Sin, Var.Sin, Math.Cos, -6, 6),
        new("Cos", Math.Cos, Dual.Cos, Var.Cos, x => -Math.Sin(x), -6, 6),
        new("Tan", Math.Tan, Dual.Tan, Var.Tan, x => 1 / (Math.Cos(x) * Math.Cos(x)), -1.5, 1.5),
        new("Asin", Math.Asin, Dual.Asin, Var.Asin, x => 1 / Math.Sqrt(1 - x * x), -0.9, 0.9),
        new("Acos", Math.Acos, Dual.Acos, Var.Acos, x => -1 / Math.Sqrt(1 - x * x), -0.9, 0.9),
        new("Atan", Math.Atan, Dual.Atan, Var.Atan, x => 1 / (1 + x * x), -10, 10),
        new("Sinh", Math.Sinh, Dual.Sinh, Var.Sinh, Math.Cosh, -5, 5),
        new("Cosh", Math.Cosh, Dual.Cosh, Var.Cosh, Math.Sinh, -5, 5),
        new("Tanh", Math.Tanh, Dual.Tanh, Var.Tanh, x => 1 / (Math.Cosh(x) * Math.Cosh(x)), -10, 10),
        new("Asinh", Math.Asinh, Dual.Asinh, Var.Asinh, x => 1 / Math.Sqrt(x * x + 1), -10, 10),
        new("Acosh", Math.Acosh, Dual.Acosh, Var.Acosh, x => 1 / Math.Sqrt(x * x - 1), 1.1, 10),
        new("Atanh", Math.Atanh, Dual.Atanh, Var.Atanh, x => 1 / (1 - x * x), -0.9, 0.9),
        new("Exp", Math.Exp, Dual.Exp, Var.Exp, Math.Exp, -10, 10),
        new("Log", Math.Log, Dual.Log, Var.Log, x => 1 / x, 0.01, 100),
        new("Log2", Math.Log2, Dual.Log2, Var.Log2, x => 1 / (x * Math.Log(2)), 0.01, 100),
        new("Log10", Math.Log10, Dual.Log10, Var.Log10, x => 1 / (x * Math.Log(10)), 0.01, 100),
        new("Sqrt", Math.Sqrt, Dual.Sqrt, Var.Sqrt, x => 1 / (2 * Math.Sqrt(x)), 0.01, 100),
        new("Cbrt", Math.Cbrt, Dual.Cbrt, Var.Cbrt, x => Math.Pow(Math.Abs(x), -2.0 / 3) / 3, -100, 100),
        new("Abs", Math.Abs, Dual.Abs, Var.Abs, x => x > 0 ? 1 : x < 0 ? -1 : 0, -5, 5),
        new("Cot", Elementary.Cot, Dual.Cot, Var.Cot, x => -1 / (Math.Sin(x) * Math.Sin(x)), 0.1, 3),
        new("Sec", Elementary.Sec, Dual.Sec, Var.Sec, x => Math.Sin(x) / (Math.Cos(x) * Math.Cos(x)), -1.5, 1.5),
        new("Csc", Elementary.Csc, Dual.Csc, Var.Csc, x => -Math.Cos(x) / (Math.Sin(x) * Math.Sin(x)), 0.1, 3),
        new("Acot", Elementary.Acot, Dual.Acot, Var.Acot, x => -1 / (1 + x * x), -10, 10),
        new("Coth", Elementary.Coth, Dual.Coth, Var.Coth, x => -1 / (Math.Sinh(x) * Math.Sinh(x)), 0.05, 10),
        new("Coth−", Elementary.Coth, Dual.Coth, Var.Coth, x => -1 / (Math.Sinh(x) * Math.Sinh(x)), -10, -0.05),
        new("Sech", Elementary.Sech, Dual.Sech, Var.Sech, x => -Math.Sinh(x) / (Math.Cosh(x) * Math.Cosh(x)), -10, 10),
        new("Csch", Elementary.Csch, Dual.Csch, Var.Csch, x => -Math.Cosh(x) / (Math.Sinh(x) * Math.Sinh(x)), 0.05, 10),
        new("Acoth", Elementary.Acoth, Dual.Acoth, Var.Acoth, x => -1 / (x * x - 1), 1.1, 10),
        new("Acoth−", Elementary.Acoth, Dual.Acoth, Var.Acoth, x => -1 / (x * x - 1), -10, -1.1),
        new("Asec", Elementary.Asec, Dual.Asec, Var.Asec, x => 1 / (Math.Abs(x) * Math.Sqrt(x * x - 1)), 1.1, 10),
        new("Asec−", Elementary.Asec, Dual.Asec, Var.Asec, x => 1 / (Math.Abs(x) * Math.Sqrt(x * x - 1)), -10, -1.1),
        new("Acsc", Elementary.Acsc, Dual.Acsc, Var.Acsc, x => -1 / (Math.Abs(x) * Math.Sqrt(x * x - 1)), 1.1, 10),
        new("Acsc−", Elementary.Acsc, Dual.Acsc, Var.Acsc, x => -1 / (Math.Abs(x) * Math.Sqrt(x * x - 1)), -10, -1.1),
        new("Asech", Elementary.Asech, Dual.Asech, Var.Asech, x => -1 / (x * Math.Sqrt(1 - x * x)), 0.05, 0.9),
        new("Acsch", Elementary.Acsch, Dual.Acsch, Var.Acsch, x => -1 / (Math.Abs(x) * Math.Sqrt(1 + x * x)), -10, 10),
        new("Sigmoid", Elementary.Sigmoid, Dual.Sigmoid, Var.Sigmoid, SigmoidDerivative, -30, 30),
        new("Softplus", Elementary.Softplus, Dual.Softplus, Var.Softplus, x => 1 / (1 + Math.Exp(-x)), -30, 30),
        new("Relu", Elementary.Relu, Dual.Relu, Var.Relu, x => x > 0 ? 1 : 0, -5, 5),
        new("LeakyRelu", Elementary.LeakyRelu, Dual.LeakyRelu, Var.LeakyRelu, x => x > 0 ? 1 : 0.01, -5, 5),
        new("Heaviside", Elementary.Heaviside, Dual.Heaviside, Var.Heaviside, _ => 0, -5, 5),
        new("Sign", Elementary.Sign, Dual.Sign, Var.Sign, _ => 0, -5, 5),
        new("Pow(x, 2.5)", x => Math.Pow(x, 2.5), x => Dual.Pow(x, 2.5), x => Var.Pow(x, 2.5), x => 2.5 * Math.Pow(x, 1.5), 0.01, 10),
        new("Pow(x, −3)", x => Math.Pow(x, -3), x => Dual.Pow(x, -3), x => Var.Pow(x, -3), x => -3 / Math.Pow(x, 4), 0.1, 10),
        new("Log(x, 3)", x => Math.Log(x, 3), x => Dual.Log(x, 3), x => Var.Log(x, 3), x => 1 / (x * Math.Log(3)), 0.01, 100),
        new("RootN(x, 5)", x => double.RootN(x, 5), x => Dual.RootN(x, 5), x => Var.RootN(x, 5), x => Math.Pow(Math.Abs(x), -0.8) / 5, -10, 10),
        new("Exp2", double.Exp2, Dual.Exp2, Var.Exp2, x => Math.Pow(2, x) * Math.Log(2), -10, 10),
        new("Exp10", double.Exp10, Dual.Exp10, Var.Exp10, x => Math.Pow(10, x) * Math.Log(10), -5, 5),
        new("−x", x => -x, x => -x, x => -x, _ => -1, -5, 5),
        new("1/x", x => 1 / x, x => 1 / x, x => 1 / x, x => -1 / (x * x), 0.1, 10),
        new("3 − x", x => 3 - x, x => 3 - x, x => 3 - x, _ => -1, -5, 5),
        new("x·x", x => x * x, x => x * x, x => x * x, x => 2 * x, -5, 5),
        new("x/x²+x", x => x / (x * x) + x, x => x / (x * x) + x, x => x / (x * x) + x, x => 1 - 1 / (x * x), 1.5, 5),
    ];

    private static readonly BinaryCase[] Binary =
    [
        new("x + y", (x, y) => x + y, (x, y) => x + y, (x, y) => x + y, (_, _) => (1, 1), -5, 5, -5, 5),
        new("x − y", (x, y) => x - y, (x, y) => x - y, (x, y) => x - y, (_, _) => (1, -1), -5, 5, -5, 5),
        new("x·y", (x, y) => x * y, (x, y) => x * y, (x, y) => x * y, (x, y) => (y, x), -5, 5, -5, 5),
        new("x/y", (x, y) => x / y, (x, y) => x / y, (x, y) => x / y, (x, y) => (1 / y, -x / (y * y)), -5, 5, 0.5, 5),
        new("x % y", (x, y) => x % y, (x, y) => x % y, (x, y) => x % y, (x, y) => (1, -Math.Truncate(x / y)), 0, 20, 1.5, 4),
        new("Atan2", Math.Atan2, Dual.Atan2, Var.Atan2, (y, x) => (x / (x * x + y * y), -y / (x * x + y * y)), -5, 5, 0.5, 5),
        new("Hypot", double.Hypot, Dual.Hypot, Var.Hypot, (x, y) => (x / Math.Sqrt(x * x + y * y), y / Math.Sqrt(x * x + y * y)), 0.5, 5, -5, -0.5),
        new("Pow", Math.Pow, Dual.Pow, Var.Pow, (x, y) => (y * Math.Pow(x, y - 1), Math.Pow(x, y) * Math.Log(x)), 0.1, 5, -3, 3),
        new("Log(x, b)", Math.Log, Dual.Log, Var.Log, (x, b) => (1 / (x * Math.Log(b)), -Math.Log(x) / (b * Math.Log(b) * Math.Log(b))), 0.1, 10, 1.5, 10),
        new("Min", Math.Min, Dual.Min, Var.Min, (x, y) => x <= y ? (1, 0) : (0, 1), -5, 5, -5, 5),
        new("Max", Math.Max, Dual.Max, Var.Max, (x, y) => x >= y ? (1, 0) : (0, 1), -5, 5, -5, 5),
    ];

    public static TheoryData<string> UnaryNames => [.. Unary.Select(c => c.Name)];

    public static TheoryData<string> BinaryNames => [.. Binary.Select(c => c.Name)];

    [Theory]
    [MemberData(nameof(UnaryNames))]
    public void DualTangentAndTapeGradientEqualTheTableDerivative(string name)
    {
        var c = Unary.Single(c => c.Name == name);
        Gen.Double[c.Lo, c.Hi].Sample(x =>
        {
            var expected = c.Derivative(x);
            var dual = c.Dual(Dual.Variable(x));
            Assert.Equal(c.Function(x), dual.Value);
            Close.Relative(expected, dual.Tangent, Tolerance, $"{name}' at {x:R} (Dual)");

            var tape = new Tape();
            var input = tape.Variable(x);
            var output = c.Var(input);
            Assert.Equal(c.Function(x), output.Value);
            tape.Backward(output);
            Close.Relative(expected, input.Gradient, Tolerance, $"{name}' at {x:R} (Tape)");
        }, iter: 300);
    }

    [Theory]
    [MemberData(nameof(BinaryNames))]
    public void BothPartialsOfBinaryFunctionsEqualTheTable(string name)
    {
        var c = Binary.Single(c => c.Name == name);
        Gen.Select(Gen.Double[c.XLo, c.XHi], Gen.Double[c.YLo, c.YHi]).Sample((x, y) =>
        {
            var (dx, dy) = c.Partials(x, y);
            var alongX = c.Dual(Dual.Variable(x), Dual.Constant(y));
            var alongY = c.Dual(Dual.Constant(x), Dual.Variable(y));
            Assert.Equal(c.Function(x, y), alongX.Value);
            Close.Relative(dx, alongX.Tangent, Tolerance, $"∂/∂x {name} at ({x:R}, {y:R}) (Dual)");
            Close.Relative(dy, alongY.Tangent, Tolerance, $"∂/∂y {name} at ({x:R}, {y:R}) (Dual)");

            var tape = new Tape();
            var (vx, vy) = (tape.Variable(x), tape.Variable(y));
            var output = c.Var(vx, vy);
            Assert.Equal(c.Function(x, y), output.Value);
            tape.Backward(output);
            Close.Relative(dx, vx.Gradient, Tolerance, $"∂/∂x {name} at ({x:R}, {y:R}) (Tape)");
            Close.Relative(dy, vy.Gradient, Tolerance, $"∂/∂y {name} at ({x:R}, {y:R}) (Tape)");
        }, iter: 300);
    }

    [Fact]
    public void NonDifferentiablePointsFollowTheDocumentedConventions()
    {
        Assert.Equal(0.0, Dual.Abs(Dual.Variable(0)).Tangent);
        Assert.Equal(0.0, Dual.Relu(Dual.Variable(0)).Tangent);
        Assert.Equal(0.01, Dual.LeakyRelu(Dual.Variable(0)).Tangent);
        Assert.Equal(0.0, Dual.Heaviside(Dual.Variable(0)).Tangent);
        Assert.Equal(0.0, Dual.Sign(Dual.Variable(0)).Tangent);
        Assert.Equal(0.0, Dual.Hypot(Dual.Variable(0), Dual.Variable(0)).Tangent);
        Assert.Equal(0.0, Dual.Pow(Dual.Constant(0), Dual.Variable(2)).Tangent);
        Assert.Equal(0.0, Dual.Pow(Dual.Variable(3), 0).Tangent);

        var tape = new Tape();
        var zero = tape.Variable(0);
        tape.Backward(Var.Abs(zero) + Var.Relu(zero) + Var.Heaviside(zero) + Var.Sign(zero));
        Assert.Equal(0.0, zero.Gradient);

        var (a, b) = (tape.Variable(2), tape.Variable(2));
        tape.Backward(Var.Max(a, b));
        Assert.Equal((1.0, 0.0), (a.Gradient, b.Gradient));
    }

    [Fact]
    public void ConstantExponentsAndZeroBasesNeverProduceNaN()
    {
        Assert.Equal(3.0, Dual.Pow(Dual.Variable(-1), 3.0).Tangent);
        Assert.Equal(3.0, Dual.Pow(Dual.Variable(-1), Dual.Constant(3)).Tangent);
        Assert.Equal(0.0, Dual.Pow(Dual.Variable(0), 2.0).Tangent);

        var tape = new Tape();
        var x = tape.Variable(-1);
        tape.Backward(Var.Pow(x, 3.0) + Var.Pow(x, (Var)3.0));
        Assert.Equal(6.0, x.Gradient);
    }

    private static double SigmoidDerivative(double x)
    {
        var e = Math.Exp(-Math.Abs(x));
        return e / ((1 + e) * (1 + e));
    }

    private sealed record UnaryCase(
        string Name,
        Func<double, double> Function,
        Func<Dual, Dual> Dual,
        Func<Var, Var> Var,
        Func<double, double> Derivative,
        double Lo,
        double Hi);

    private sealed record BinaryCase(
        string Name,
        Func<double, double, double> Function,
        Func<Dual, Dual, Dual> Dual,
        Func<Var, Var, Var> Var,
        Func<double, double, (double, double)> Partials,
        double XLo,
        double XHi,
        double YLo,
        double YHi);
}
