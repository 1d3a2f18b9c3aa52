using System.Runtime.CompilerServices;

namespace Leibniz;

// The derivative table, one function per entry: each returns (f(x), f'(x)·tangent).
public readonly partial struct Dual
{
    /// <summary>Sine; derivative cos(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sin(Dual x)
    {
        var v = x.Value;
        var (s, c) = Math.SinCos(v);
        return new(s, c * x.Tangent);
    }

    /// <summary>Cosine; derivative −sin(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cos(Dual x)
    {
        var v = x.Value;
        var (s, c) = Math.SinCos(v);
        return new(c, -s * x.Tangent);
    }

    /// <summary>Tangent; derivative sec²(x) = 1 + tan²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Tan(Dual x)
    {
        var v = x.Value;
        var f = Math.Tan(v);
        return new(f, (1.0 + f * f) * x.Tangent);
    }

    /// <summary>Inverse sine; derivative 1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asin(Dual x)
    {
        var v = x.Value;
        return new(Math.Asin(v), 1.0 / Math.Sqrt((1.0 - v) * (1.0 + v)) * x.Tangent);
    }

    /// <summary>Inverse cosine; derivative −1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acos(Dual x)
    {
        var v = x.Value;
        return new(Math.Acos(v), -1.0 / Math.Sqrt((1.0 - v) * (1.0 + v)) * x.Tangent);
    }

    /// <summary>Inverse tangent; derivative 1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Atan(Dual x)
    {
        var v = x.Value;
        return new(Math.Atan(v), 1.0 / (1.0 + v * v) * x.Tangent);
    }

    /// <summary>Hyperbolic sine; derivative cosh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sinh(Dual x)
    {
        var v = x.Value;
        return new(Math.Sinh(v), Math.Cosh(v) * x.Tangent);
    }

    /// <summary>Hyperbolic cosine; derivative sinh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cosh(Dual x)
    {
        var v = x.Value;
        return new(Math.Cosh(v), Math.Sinh(v) * x.Tangent);
    }

    /// <summary>Hyperbolic tangent; derivative sech²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Tanh(Dual x)
    {
        var v = x.Value;
        var s = Elementary.Sech(v);
        return new(Math.Tanh(v), s * s * x.Tangent);
    }

    /// <summary>Inverse hyperbolic sine; derivative 1/√(x² + 1).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asinh(Dual x)
    {
        var v = x.Value;
        return new(Math.Asinh(v), 1.0 / Math.Sqrt(v * v + 1.0) * x.Tangent);
    }

    /// <summary>Inverse hyperbolic cosine; derivative 1/√(x² − 1) for x &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acosh(Dual x)
    {
        var v = x.Value;
        return new(Math.Acosh(v), 1.0 / Math.Sqrt((v - 1.0) * (v + 1.0)) * x.Tangent);
    }

    /// <summary>Inverse hyperbolic tangent; derivative 1/(1 − x²) for |x| &lt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Atanh(Dual x)
    {
        var v = x.Value;
        return new(Math.Atanh(v), 1.0 / ((1.0 - v) * (1.0 + v)) * x.Tangent);
    }

    /// <summary>Exponential eˣ; derivative eˣ.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Exp(Dual x)
    {
        var v = x.Value;
        var f = Math.Exp(v);
        return new(f, f * x.Tangent);
    }

    /// <summary>Natural logarithm; derivative 1/x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Log(Dual x)
    {
        var v = x.Value;
        return new(Math.Log(v), 1.0 / v * x.Tangent);
    }

    /// <summary>Base-2 logarithm; derivative 1/(x·ln 2).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Log2(Dual x)
    {
        var v = x.Value;
        return new(Math.Log2(v), 1.0 / (v * Constants.Ln2) * x.Tangent);
    }

    /// <summary>Base-10 logarithm; derivative 1/(x·ln 10).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Log10(Dual x)
    {
        var v = x.Value;
        return new(Math.Log10(v), 1.0 / (v * Constants.Ln10) * x.Tangent);
    }

    /// <summary>Square root; derivative 1/(2√x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sqrt(Dual x)
    {
        var v = x.Value;
        var f = Math.Sqrt(v);
        return new(f, 0.5 / f * x.Tangent);
    }

    /// <summary>Cube root; derivative 1/(3·∛x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cbrt(Dual x)
    {
        var v = x.Value;
        var f = Math.Cbrt(v);
        return new(f, 1.0 / (3.0 * f * f) * x.Tangent);
    }

    /// <summary>Absolute value; derivative sign(x), with the convention Abs'(0) = 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Abs(Dual x)
    {
        var v = x.Value;
        return new(Math.Abs(v), Elementary.Sign(v) * x.Tangent);
    }

    /// <summary>Cotangent; derivative −csc²(x) = −(1 + cot²(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cot(Dual x)
    {
        var v = x.Value;
        var f = Elementary.Cot(v);
        return new(f, -(1.0 + f * f) * x.Tangent);
    }

    /// <summary>Secant; derivative sec(x)·tan(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sec(Dual x)
    {
        var v = x.Value;
        var f = Elementary.Sec(v);
        return new(f, f * Math.Tan(v) * x.Tangent);
    }

    /// <summary>Cosecant; derivative −csc(x)·cot(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Csc(Dual x)
    {
        var v = x.Value;
        var f = Elementary.Csc(v);
        return new(f, -f * Elementary.Cot(v) * x.Tangent);
    }

    /// <summary>Inverse cotangent on the continuous branch with range (0, π) (see <see cref="Elementary.Acot(double)"/>); derivative −1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acot(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Acot(v), -1.0 / (1.0 + v * v) * x.Tangent);
    }

    /// <summary>Hyperbolic cotangent; derivative −csch²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Coth(Dual x)
    {
        var v = x.Value;
        var c = Elementary.Csch(v);
        return new(Elementary.Coth(v), -(c * c) * x.Tangent);
    }

    /// <summary>Hyperbolic secant; derivative −sech(x)·tanh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sech(Dual x)
    {
        var v = x.Value;
        var f = Elementary.Sech(v);
        return new(f, -f * Math.Tanh(v) * x.Tangent);
    }

    /// <summary>Hyperbolic cosecant; derivative −csch(x)·coth(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Csch(Dual x)
    {
        var v = x.Value;
        var f = Elementary.Csch(v);
        return new(f, -f * Elementary.Coth(v) * x.Tangent);
    }

    /// <summary>Inverse hyperbolic cotangent; derivative 1/(1 − x²) for |x| &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acoth(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Acoth(v), 1.0 / ((1.0 - v) * (1.0 + v)) * x.Tangent);
    }

    /// <summary>Inverse secant; derivative 1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asec(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Asec(v), 1.0 / (Math.Abs(v) * Math.Sqrt((v - 1.0) * (v + 1.0))) * x.Tangent);
    }

    /// <summary>Inverse cosecant; derivative −1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acsc(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Acsc(v), -1.0 / (Math.Abs(v) * Math.Sqrt((v - 1.0) * (v + 1.0))) * x.Tangent);
    }

    /// <summary>Inverse hyperbolic secant; derivative −1/(x·√(1 − x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asech(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Asech(v), -1.0 / (v * Math.Sqrt((1.0 - v) * (1.0 + v))) * x.Tangent);
    }

    /// <summary>Inverse hyperbolic cosecant; derivative −1/(|x|·√(1 + x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acsch(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Acsch(v), -1.0 / (Math.Abs(v) * Math.Sqrt(1.0 + v * v)) * x.Tangent);
    }

    /// <summary>Logistic sigmoid σ(x); derivative σ(x)·σ(−x) = σ(x)(1 − σ(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sigmoid(Dual x)
    {
        var v = x.Value;
        var f = Elementary.Sigmoid(v);
        return new(f, f * Elementary.Sigmoid(-v) * x.Tangent);
    }

    /// <summary>Softplus ln(1 + eˣ); derivative σ(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Softplus(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Softplus(v), Elementary.Sigmoid(v) * x.Tangent);
    }

    /// <summary>Rectified linear unit; derivative 1 for x &gt; 0 and 0 for x ≤ 0 (convention Relu'(0) = 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Relu(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Relu(v), (v > 0 ? 1.0 : 0.0) * x.Tangent);
    }

    /// <summary>Heaviside step (Heaviside(0) = 1); derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Heaviside(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Heaviside(v), 0.0);
    }

    /// <summary>Sign (Sign(0) = 0) as a number; derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sign(Dual x)
    {
        var v = x.Value;
        return new(Elementary.Sign(v), 0.0);
    }

    /// <summary>Leaky ReLU; derivative 1 for x &gt; 0 and <paramref name="negativeSlope"/> for x ≤ 0 (convention).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="negativeSlope">The slope for negative arguments.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual LeakyRelu(Dual x, double negativeSlope) =>
        new(Elementary.LeakyRelu(x.Value, negativeSlope), (x.Value > 0 ? 1.0 : negativeSlope) * x.Tangent);

    /// <summary>Leaky ReLU with negative slope 0.01.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual LeakyRelu(Dual x) => LeakyRelu(x, 0.01);

    /// <summary>Two-argument inverse tangent, the angle of (x, y); partials x/(x² + y²) and −y/(x² + y²).</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Atan2(Dual y, Dual x)
    {
        var r2 = x.Value * x.Value + y.Value * y.Value;
        return new(Math.Atan2(y.Value, x.Value), (x.Value * y.Tangent - y.Value * x.Tangent) / r2);
    }

    /// <summary>Logarithm in a constant base; derivative 1/(x·ln b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Log(Dual x, double newBase) =>
        new(Math.Log(x.Value, newBase), x.Tangent / (x.Value * Math.Log(newBase)));

    /// <summary>Logarithm ln x/ln b; partials 1/(x·ln b) and −ln x/(b·ln² b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Log(Dual x, Dual newBase)
    {
        var lnBase = Math.Log(newBase.Value);
        var value = Math.Log(x.Value) / lnBase;
        return new(value, (x.Tangent / x.Value - value * newBase.Tangent / newBase.Value) / lnBase);
    }

    /// <summary>Power with a constant exponent; derivative p·x^(p−1) (0 when p = 0).</summary>
    /// <param name="x">The base.</param>
    /// <param name="power">The constant exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Pow(Dual x, double power) =>
        new(Math.Pow(x.Value, power), power == 0 ? 0.0 : power * Math.Pow(x.Value, power - 1.0) * x.Tangent);

    /// <summary>
    /// Power xʸ; partials y·x^(y−1) and xʸ·ln x. The second term is skipped when y carries no tangent and taken
    /// as 0 where xʸ = 0, so constant exponents and a zero base never produce NaN.
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Pow(Dual x, Dual y)
    {
        var value = Math.Pow(x.Value, y.Value);
        var tangent = y.Value == 0 ? 0.0 : y.Value * Math.Pow(x.Value, y.Value - 1.0) * x.Tangent;
        if (y.Tangent != 0 && value != 0)
        {
            tangent += value * Math.Log(x.Value) * y.Tangent;
        }

        return new(value, tangent);
    }

    /// <summary>The n-th root x^(1/n) (odd roots of negative numbers are negative, as <see cref="double.RootN"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The degree of the root.</param>
    /// <returns>The value and the tangent (chain rule): the root divided by n·x.</returns>
    public static Dual RootN(Dual x, int n)
    {
        var value = double.RootN(x.Value, n);
        return new(value, (x.Value == 0 ? double.PositiveInfinity : value / (n * x.Value)) * x.Tangent);
    }

    /// <summary>√(x² + y²) without overflow; partials x/h and y/h, with the convention Hypot'(0, 0) = (0, 0).</summary>
    /// <param name="x">The first leg.</param>
    /// <param name="y">The second leg.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Hypot(Dual x, Dual y)
    {
        var h = double.Hypot(x.Value, y.Value);
        return new(h, h == 0 ? 0.0 : (x.Value * x.Tangent + y.Value * y.Tangent) / h);
    }

    /// <summary>2ˣ; derivative 2ˣ·ln 2.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Exp2(Dual x)
    {
        var value = double.Exp2(x.Value);
        return new(value, value * Constants.Ln2 * x.Tangent);
    }

    /// <summary>10ˣ; derivative 10ˣ·ln 10.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Exp10(Dual x)
    {
        var value = double.Exp10(x.Value);
        return new(value, value * Constants.Ln10 * x.Tangent);
    }

    /// <summary>The smaller argument, whole (value and tangent); ties go to <paramref name="x"/>, NaN wins.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument with the smaller value.</returns>
    public static Dual Min(Dual x, Dual y) => x.Value <= y.Value || double.IsNaN(x.Value) ? x : y;

    /// <summary>The larger argument, whole (value and tangent); ties go to <paramref name="x"/>, NaN wins.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument with the larger value.</returns>
    public static Dual Max(Dual x, Dual y) => x.Value >= y.Value || double.IsNaN(x.Value) ? x : y;
}
