namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// The benchmark functions over <see cref="Dual"/>, the same text as <see cref="Functions"/> with the number type
/// changed: what a user writes for forward mode. Each takes a span, the runtime's <see cref="MultivariateFunction{T}"/>
/// shape, so the runtime's gradient entry points (n forward passes, or one tape sweep) can call it.
/// VarForms.cs is generated from this file by bench/tools/gen_forms.sh.
/// </summary>
public static partial class DualForms
{
    public static Dual Rastrigin(ReadOnlySpan<Dual> p)
    {
        var x = p[0];
        var y = p[1];
        return 20 + (x * x - 10 * Dual.Cos(2 * Math.PI * x)) + (y * y - 10 * Dual.Cos(2 * Math.PI * y));
    }

    public static Dual Rosenbrock10(ReadOnlySpan<Dual> x)
    {
        var a0 = x[1] - x[0] * x[0];
        var b0 = 1 - x[0];
        var a1 = x[3] - x[2] * x[2];
        var b1 = 1 - x[2];
        var a2 = x[5] - x[4] * x[4];
        var b2 = 1 - x[4];
        var a3 = x[7] - x[6] * x[6];
        var b3 = 1 - x[6];
        var a4 = x[9] - x[8] * x[8];
        var b4 = 1 - x[8];
        return 100 * a0 * a0 + b0 * b0 + 100 * a1 * a1 + b1 * b1 + 100 * a2 * a2 + b2 * b2
            + 100 * a3 * a3 + b3 * b3 + 100 * a4 * a4 + b4 * b4;
    }

    public static Dual Branches(ReadOnlySpan<Dual> p)
    {
        var x = p[0];
        var y = p[1];
        var r = x * x + y * y;
        if (r < 1)
        {
            return Dual.Exp(-r) * Dual.Sin(3 * x);
        }

        if (x > y)
        {
            return Dual.Log(r) * Dual.Cos(y) + x * y;
        }

        return Dual.Sqrt(r) - Dual.Atan(x * y);
    }
}
