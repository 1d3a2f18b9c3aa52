namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable] methods compiled by the real analyzer reference of this test project.</summary>
public static partial class Functions
{
    [Differentiable]
    public static double Rastrigin(double x, double y) =>
        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));

    [Differentiable]
    public static double Trig(double x, double y) =>
        Math.Sin(x) * Math.Cos(y) + Math.Tan(0.3 * x) + Math.Atan(x * y) + Math.Atan2(y, 1.5 + x * x) + Math.Asin(0.4 * Math.Tanh(y)) + Math.Acos(0.3 * Math.Tanh(x));

    [Differentiable]
    public static double Hyperbolic(double x, double y) =>
        Math.Sinh(0.5 * x) + Math.Cosh(0.3 * y) + Math.Tanh(x - y) + Math.Asinh(x * y) + Math.Acosh(1.5 + x * x) + Math.Atanh(0.5 * Math.Tanh(y));

    [Differentiable]
    public static double Logs(double x, double y)
    {
        var p = 1.5 + x * x;
        var q = 2 + y * y;
        return Math.Exp(0.2 * x) + Math.Log(p) + Math.Log(p, q) + Math.Log2(q) + Math.Log10(p * q) + Math.Sqrt(p) + Math.Cbrt(p + q) + Math.Pow(p, y) + Math.Pow(x, 3);
    }

    [Differentiable]
    public static double Kinks(double x, double y) =>
        Math.Abs(x - y) + Math.Min(x, y) * Math.Max(x, 2 * y) + double.Hypot(x, y) + Math.FusedMultiplyAdd(x, y, x) + Math.Clamp(x, -1, 1) * y + Math.ScaleB(x, 3) + Math.Round(y) + Math.Floor(x);

    [Differentiable]
    public static double ElementaryFunctions(double x, double y)
    {
        var a = 0.5 + 0.5 * x * x;
        var b = 1.5 + y * y;
        return Elementary.Cot(a) + Elementary.Sec(0.5 * Math.Tanh(x)) + Elementary.Csc(a) + Elementary.Acot(x) + Elementary.Coth(a) + Elementary.Sech(y) + Elementary.Csch(b)
            + Elementary.Acoth(b) + Elementary.Asec(b) + Elementary.Acsc(b) + Elementary.Asech(0.5 * Elementary.Sigmoid(x)) + Elementary.Acsch(a)
            + Elementary.Sigmoid(x * y) + Elementary.Softplus(y) + Elementary.Relu(x) * y + Elementary.LeakyRelu(y) + Elementary.LeakyRelu(x, 0.2) + Elementary.Heaviside(x) + Elementary.Sign(y);
    }

    [Differentiable]
    public static double Piecewise(double x, double y)
    {
        var r = x * y;
        if (r > 1)
        {
            r = Math.Log(r);
        }
        else if (r < -1)
        {
            return -Math.Sqrt(-r) * x;
        }

        r += x > y ? Math.Exp(y) : y * y;
        return r * r;
    }

    /// <summary>
    /// A conditional nested in one side of another, whose value's adjoint is known early (Heaviside′ = 0), before
    /// branches with an early return: the inner reverse sweep runs inside a mirrored branch.
    /// </summary>
    [Differentiable]
    public static double NestedBranches(double x, double y)
    {
        var s = x + y > y ? x : Elementary.Heaviside(y < 0.24 ? x * y : Math.Sin(x)) + y;
        var r = Math.Sqrt(1.5 + x * x);
        if (r < s)
        {
            s = s * r + 1;
            if (s > 0.5)
            {
                return s * y;
            }
        }
        else if (r > 1.5)
        {
            r -= s;
        }

        return r * s + x;
    }

    [Differentiable]
    public static double Rosenbrock4(double x0, double x1, double x2, double x3) =>
        100 * Math.Pow(x1 - x0 * x0, 2) + Math.Pow(1 - x0, 2)
        + 100 * Math.Pow(x2 - x1 * x1, 2) + Math.Pow(1 - x1, 2)
        + 100 * Math.Pow(x3 - x2 * x2, 2) + Math.Pow(1 - x2, 2);

    [Differentiable]
    public static double Caller(double x, double y) => Rastrigin(x * y, y) + Other.Scaled(x, 3 * y);

    [Differentiable]
    public static float Single(float x, float y) => MathF.Sin(x) * MathF.Exp(-y * y) + float.Sqrt(1f + x * x) + Elementary.Sigmoid(x - y);
}

/// <summary>A second class, so calls between classes are exercised.</summary>
public static partial class Other
{
    [Differentiable]
    public static double Scaled(double u, double v) => u * v / (1 + v * v);
}
