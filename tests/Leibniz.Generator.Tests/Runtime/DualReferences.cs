namespace Leibniz.Generator.Tests.Runtime;

/// <summary>The same functions written on <see cref="Dual"/> and <see cref="Var"/> .</summary>
internal static class References
{
    public static Dual Trig(Dual x, Dual y) =>
        Dual.Sin(x) * Dual.Cos(y) + Dual.Tan(0.3 * x) + Dual.Atan(x * y) + Dual.Atan2(y, 1.5 + x * x) + Dual.Asin(0.4 * Dual.Tanh(y)) + Dual.Acos(0.3 * Dual.Tanh(x));

    public static Var Trig(Var x, Var y) =>
        Var.Sin(x) * Var.Cos(y) + Var.Tan(0.3 * x) + Var.Atan(x * y) + Var.Atan2(y, 1.5 + x * x) + Var.Asin(0.4 * Var.Tanh(y)) + Var.Acos(0.3 * Var.Tanh(x));

    public static Dual Hyperbolic(Dual x, Dual y) =>
        Dual.Sinh(0.5 * x) + Dual.Cosh(0.3 * y) + Dual.Tanh(x - y) + Dual.Asinh(x * y) + Dual.Acosh(1.5 + x * x) + Dual.Atanh(0.5 * Dual.Tanh(y));

    public static Var Hyperbolic(Var x, Var y) =>
        Var.Sinh(0.5 * x) + Var.Cosh(0.3 * y) + Var.Tanh(x - y) + Var.Asinh(x * y) + Var.Acosh(1.5 + x * x) + Var.Atanh(0.5 * Var.Tanh(y));

    public static Dual Logs(Dual x, Dual y)
    {
        var p = 1.5 + x * x;
        var q = 2 + y * y;
        return Dual.Exp(0.2 * x) + Dual.Log(p) + Dual.Log(p, q) + Dual.Log2(q) + Dual.Log10(p * q) + Dual.Sqrt(p) + Dual.Cbrt(p + q) + Dual.Pow(p, y) + Dual.Pow(x, 3.0);
    }

    public static Var Logs(Var x, Var y)
    {
        var p = 1.5 + x * x;
        var q = 2 + y * y;
        return Var.Exp(0.2 * x) + Var.Log(p) + Var.Log(p, q) + Var.Log2(q) + Var.Log10(p * q) + Var.Sqrt(p) + Var.Cbrt(p + q) + Var.Pow(p, y) + Var.Pow(x, 3.0);
    }

    public static Dual ElementaryFunctions(Dual x, Dual y)
    {
        var a = 0.5 + 0.5 * x * x;
        var b = 1.5 + y * y;
        return Dual.Cot(a) + Dual.Sec(0.5 * Dual.Tanh(x)) + Dual.Csc(a) + Dual.Acot(x) + Dual.Coth(a) + Dual.Sech(y) + Dual.Csch(b)
            + Dual.Acoth(b) + Dual.Asec(b) + Dual.Acsc(b) + Dual.Asech(0.5 * Dual.Sigmoid(x)) + Dual.Acsch(a)
            + Dual.Sigmoid(x * y) + Dual.Softplus(y) + Dual.Relu(x) * y + Dual.LeakyRelu(y) + Dual.LeakyRelu(x, 0.2) + Dual.Heaviside(x) + Dual.Sign(y);
    }

    public static Var ElementaryFunctions(Var x, Var y)
    {
        var a = 0.5 + 0.5 * x * x;
        var b = 1.5 + y * y;
        return Var.Cot(a) + Var.Sec(0.5 * Var.Tanh(x)) + Var.Csc(a) + Var.Acot(x) + Var.Coth(a) + Var.Sech(y) + Var.Csch(b)
            + Var.Acoth(b) + Var.Asec(b) + Var.Acsc(b) + Var.Asech(0.5 * Var.Sigmoid(x)) + Var.Acsch(a)
            + Var.Sigmoid(x * y) + Var.Softplus(y) + Var.Relu(x) * y + Var.LeakyRelu(y) + Var.LeakyRelu(x, 0.2) + Var.Heaviside(x) + Var.Sign(y);
    }

    public static Dual Piecewise(Dual x, Dual y)
    {
        var r = x * y;
        if (r > 1)
        {
            r = Dual.Log(r);
        }
        else if (r < -1)
        {
            return -Dual.Sqrt(-r) * x;
        }

        r += x > y ? Dual.Exp(y) : y * y;
        return r * r;
    }

    public static Dual NestedBranches(Dual x, Dual y)
    {
        var s = x + y > y ? x : Dual.Heaviside(y < 0.24 ? x * y : Dual.Sin(x)) + y;
        var r = Dual.Sqrt(1.5 + x * x);
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

    public static Var NestedBranches(Var x, Var y)
    {
        var s = x + y > y ? x : Var.Heaviside(y < 0.24 ? x * y : Var.Sin(x)) + y;
        var r = Var.Sqrt(1.5 + x * x);
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

    public static Var Piecewise(Var x, Var y)
    {
        var r = x * y;
        if (r > 1)
        {
            r = Var.Log(r);
        }
        else if (r < -1)
        {
            return -Var.Sqrt(-r) * x;
        }

        r += x > y ? Var.Exp(y) : y * y;
        return r * r;
    }
}
