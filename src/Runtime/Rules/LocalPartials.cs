using System.Runtime.CompilerServices;
using Leibniz.Rules;
using Table = Leibniz.Rules.DerivativeRules<double, bool, Leibniz.Rules.NumberAlgebra>;

namespace Leibniz;

/// <summary>
/// Each table function's value and local partial derivatives at a number: the value from <see cref="Math"/> or
/// <see cref="Elementary"/>, the partials from the one derivative table (Rules/DerivativeRules.cs, compiled from the
/// generator's source) on plain numbers. <see cref="Dual"/> multiplies them by tangents, <see cref="Var"/> records
/// them on its tape, so neither writes a derivative of its own.
/// </summary>
internal static class LocalPartials
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Sin(double x)
    {
        var (sin, cos) = Math.SinCos(x);
        return (sin, DerivativeRules<double, bool, SinCosAlgebra>.Sin(new(sin, cos), x, sin));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Cos(double x)
    {
        var (sin, cos) = Math.SinCos(x);
        return (cos, DerivativeRules<double, bool, SinCosAlgebra>.Cos(new(sin, cos), x, cos));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Tan(double x)
    {
        var f = Math.Tan(x);
        return (f, Table.Tan(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Asin(double x)
    {
        var f = Math.Asin(x);
        return (f, Table.Asin(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Acos(double x)
    {
        var f = Math.Acos(x);
        return (f, Table.Acos(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Atan(double x)
    {
        var f = Math.Atan(x);
        return (f, Table.Atan(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Sinh(double x)
    {
        var f = Math.Sinh(x);
        return (f, Table.Sinh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Cosh(double x)
    {
        var f = Math.Cosh(x);
        return (f, Table.Cosh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Tanh(double x)
    {
        var f = Math.Tanh(x);
        return (f, Table.Tanh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Asinh(double x)
    {
        var f = Math.Asinh(x);
        return (f, Table.Asinh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Acosh(double x)
    {
        var f = Math.Acosh(x);
        return (f, Table.Acosh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Atanh(double x)
    {
        var f = Math.Atanh(x);
        return (f, Table.Atanh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Exp(double x)
    {
        var f = Math.Exp(x);
        return (f, Table.Exp(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Exp2(double x)
    {
        var f = double.Exp2(x);
        return (f, Table.Exp2(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Exp10(double x)
    {
        var f = double.Exp10(x);
        return (f, Table.Exp10(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Log(double x)
    {
        var f = Math.Log(x);
        return (f, Table.Log(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Log2(double x)
    {
        var f = Math.Log2(x);
        return (f, Table.Log2(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Log10(double x)
    {
        var f = Math.Log10(x);
        return (f, Table.Log10(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Sqrt(double x)
    {
        var f = Math.Sqrt(x);
        return (f, Table.Sqrt(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Cbrt(double x)
    {
        var f = Math.Cbrt(x);
        return (f, Table.Cbrt(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Abs(double x)
    {
        var f = Math.Abs(x);
        return (f, Table.Abs(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Cot(double x)
    {
        var f = Elementary.Cot(x);
        return (f, Table.Cot(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Sec(double x)
    {
        var f = Elementary.Sec(x);
        return (f, Table.Sec(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Csc(double x)
    {
        var f = Elementary.Csc(x);
        return (f, Table.Csc(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Acot(double x)
    {
        var f = Elementary.Acot(x);
        return (f, Table.Acot(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Coth(double x)
    {
        var f = Elementary.Coth(x);
        return (f, Table.Coth(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Sech(double x)
    {
        var f = Elementary.Sech(x);
        return (f, Table.Sech(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Csch(double x)
    {
        var f = Elementary.Csch(x);
        return (f, Table.Csch(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Acoth(double x)
    {
        var f = Elementary.Acoth(x);
        return (f, Table.Atanh(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Asec(double x)
    {
        var f = Elementary.Asec(x);
        return (f, Table.Asec(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Acsc(double x)
    {
        var f = Elementary.Acsc(x);
        return (f, Table.Acsc(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Asech(double x)
    {
        var f = Elementary.Asech(x);
        return (f, Table.Asech(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Acsch(double x)
    {
        var f = Elementary.Acsch(x);
        return (f, Table.Acsch(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Sigmoid(double x)
    {
        var f = Elementary.Sigmoid(x);
        return (f, Table.Sigmoid(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Softplus(double x)
    {
        var f = Elementary.Softplus(x);
        return (f, Table.Softplus(default, x, f));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Relu(double x)
    {
        var f = Elementary.Relu(x);
        return (f, Table.Relu(default, x, f));
    }

    /// <summary>Heaviside, Sign, Round, Floor, Ceiling, Truncate: derivative 0 (also at the jumps).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Step(double value) => (value, Table.Step(default));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) LeakyRelu(double x, double negativeSlope) =>
        (Elementary.LeakyRelu(x, negativeSlope), Table.LeakyRelu(default, x, negativeSlope, 0));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) RootN(double x, int n)
    {
        var f = double.RootN(x, n);
        return (f, Table.RootN(default, x, f, n));
    }

    /// <summary>xᵖ with a constant exponent: the partial in x only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Pow(double x, double power)
    {
        var f = Math.Pow(x, power);
        return (f, Table.Pow(default, x, power, f, 0));
    }

    /// <summary>x·2ⁿ.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) ScaleB(double x, int n) => (Math.ScaleB(x, n), Table.ScaleB(default, n));

    /// <summary>log_b x with a constant base: the partial in x only.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Partial) Log(double x, double newBase)
    {
        var f = Math.Log(x, newBase);
        return (f, Table.LogBase(default, x, newBase, f, 0));
    }

    /// <summary>
    /// ∂xʸ/∂y where f = xʸ, apart from <see cref="Pow(double, double)"/>: Dual and Var skip it when the exponent
    /// carries no derivative (ln x is NaN for x &lt; 0, and 0·NaN would spoil the tangent).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double PowExponent(double x, double y, double f) => Table.Pow(default, x, y, f, 1);

    /// <summary>Atan2(y, x): the partials in y, then in x.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double Y, double X) Atan2(double y, double x)
    {
        var f = Math.Atan2(y, x);
        return (f, Table.Atan2(default, y, x, f, 0), Table.Atan2(default, y, x, f, 1));
    }

    /// <summary>log_b x = ln x/ln b: the partials in x, then in b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double X, double Base) LogBase(double x, double newBase)
    {
        var f = Math.Log(x) / Math.Log(newBase);
        return (f, Table.LogBase(default, x, newBase, f, 0), Table.LogBase(default, x, newBase, f, 1));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (double Value, double X, double Y) Hypot(double x, double y)
    {
        var f = double.Hypot(x, y);
        return (f, Table.Hypot(default, x, y, f, 0), Table.Hypot(default, x, y, f, 1));
    }
}
