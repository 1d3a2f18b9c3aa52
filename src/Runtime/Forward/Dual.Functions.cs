using System.Runtime.CompilerServices;

namespace Leibniz;

// The functions of the derivative table: each value and local partial comes from LocalPartials (the one table, shared
// with the generator); Dual only applies the chain rule, f'(x)·tangent.
public readonly partial struct Dual
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Dual Chain(Dual x, (double Value, double Partial) local) => new(local.Value, local.Partial * x.Tangent);

    /// <summary>Sine; derivative cos(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sin(Dual x) => Chain(x, LocalPartials.Sin(x.Value));

    /// <summary>Cosine; derivative −sin(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cos(Dual x) => Chain(x, LocalPartials.Cos(x.Value));

    /// <summary>Tangent; derivative sec²(x) = 1 + tan²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Tan(Dual x) => Chain(x, LocalPartials.Tan(x.Value));

    /// <summary>Inverse sine; derivative 1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asin(Dual x) => Chain(x, LocalPartials.Asin(x.Value));

    /// <summary>Inverse cosine; derivative −1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acos(Dual x) => Chain(x, LocalPartials.Acos(x.Value));

    /// <summary>Inverse tangent; derivative 1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Atan(Dual x) => Chain(x, LocalPartials.Atan(x.Value));

    /// <summary>Hyperbolic sine; derivative cosh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sinh(Dual x) => Chain(x, LocalPartials.Sinh(x.Value));

    /// <summary>Hyperbolic cosine; derivative sinh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cosh(Dual x) => Chain(x, LocalPartials.Cosh(x.Value));

    /// <summary>Hyperbolic tangent; derivative sech²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Tanh(Dual x) => Chain(x, LocalPartials.Tanh(x.Value));

    /// <summary>Inverse hyperbolic sine; derivative 1/√(x² + 1).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asinh(Dual x) => Chain(x, LocalPartials.Asinh(x.Value));

    /// <summary>Inverse hyperbolic cosine; derivative 1/√(x² − 1) for x &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acosh(Dual x) => Chain(x, LocalPartials.Acosh(x.Value));

    /// <summary>Inverse hyperbolic tangent; derivative 1/(1 − x²) for |x| &lt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Atanh(Dual x) => Chain(x, LocalPartials.Atanh(x.Value));

    /// <summary>Exponential eˣ; derivative eˣ.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Exp(Dual x) => Chain(x, LocalPartials.Exp(x.Value));

    /// <summary>Natural logarithm; derivative 1/x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Log(Dual x) => Chain(x, LocalPartials.Log(x.Value));

    /// <summary>Base-2 logarithm; derivative 1/(x·ln 2).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Log2(Dual x) => Chain(x, LocalPartials.Log2(x.Value));

    /// <summary>Base-10 logarithm; derivative 1/(x·ln 10).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Log10(Dual x) => Chain(x, LocalPartials.Log10(x.Value));

    /// <summary>Square root; derivative 1/(2√x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sqrt(Dual x) => Chain(x, LocalPartials.Sqrt(x.Value));

    /// <summary>Cube root; derivative 1/(3·∛x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cbrt(Dual x) => Chain(x, LocalPartials.Cbrt(x.Value));

    /// <summary>Absolute value; derivative sign(x), with the convention Abs'(0) = 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Abs(Dual x) => Chain(x, LocalPartials.Abs(x.Value));

    /// <summary>Cotangent; derivative −csc²(x) = −(1 + cot²(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Cot(Dual x) => Chain(x, LocalPartials.Cot(x.Value));

    /// <summary>Secant; derivative sec(x)·tan(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sec(Dual x) => Chain(x, LocalPartials.Sec(x.Value));

    /// <summary>Cosecant; derivative −csc(x)·cot(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Csc(Dual x) => Chain(x, LocalPartials.Csc(x.Value));

    /// <summary>Inverse cotangent on the continuous branch with range (0, π) (see <see cref="Elementary.Acot(double)"/>); derivative −1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acot(Dual x) => Chain(x, LocalPartials.Acot(x.Value));

    /// <summary>Hyperbolic cotangent; derivative −csch²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Coth(Dual x) => Chain(x, LocalPartials.Coth(x.Value));

    /// <summary>Hyperbolic secant; derivative −sech(x)·tanh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sech(Dual x) => Chain(x, LocalPartials.Sech(x.Value));

    /// <summary>Hyperbolic cosecant; derivative −csch(x)·coth(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Csch(Dual x) => Chain(x, LocalPartials.Csch(x.Value));

    /// <summary>Inverse hyperbolic cotangent; derivative 1/(1 − x²) for |x| &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acoth(Dual x) => Chain(x, LocalPartials.Acoth(x.Value));

    /// <summary>Inverse secant; derivative 1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asec(Dual x) => Chain(x, LocalPartials.Asec(x.Value));

    /// <summary>Inverse cosecant; derivative −1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acsc(Dual x) => Chain(x, LocalPartials.Acsc(x.Value));

    /// <summary>Inverse hyperbolic secant; derivative −1/(x·√(1 − x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Asech(Dual x) => Chain(x, LocalPartials.Asech(x.Value));

    /// <summary>Inverse hyperbolic cosecant; derivative −1/(|x|·√(1 + x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Acsch(Dual x) => Chain(x, LocalPartials.Acsch(x.Value));

    /// <summary>Logistic sigmoid σ(x); derivative σ(x)·σ(−x) = σ(x)(1 − σ(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sigmoid(Dual x) => Chain(x, LocalPartials.Sigmoid(x.Value));

    /// <summary>Softplus ln(1 + eˣ); derivative σ(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Softplus(Dual x) => Chain(x, LocalPartials.Softplus(x.Value));

    /// <summary>Rectified linear unit; derivative 1 for x &gt; 0 and 0 for x ≤ 0 (convention Relu'(0) = 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Relu(Dual x) => Chain(x, LocalPartials.Relu(x.Value));

    /// <summary>Heaviside step (Heaviside(0) = 1); derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Heaviside(Dual x) => Chain(x, LocalPartials.Step(Elementary.Heaviside(x.Value)));

    /// <summary>Sign (Sign(0) = 0) as a number; derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Sign(Dual x) => Chain(x, LocalPartials.Step(Elementary.Sign(x.Value)));

    /// <summary>Leaky ReLU; derivative 1 for x &gt; 0 and <paramref name="negativeSlope"/> for x ≤ 0 (convention).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="negativeSlope">The slope for negative arguments.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual LeakyRelu(Dual x, double negativeSlope) =>
        Chain(x, LocalPartials.LeakyRelu(x.Value, negativeSlope));

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
        var (value, dy, dx) = LocalPartials.Atan2(y.Value, x.Value);
        return new(value, dy * y.Tangent + dx * x.Tangent);
    }

    /// <summary>Logarithm in a constant base; derivative 1/(x·ln b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Log(Dual x, double newBase) => Chain(x, LocalPartials.Log(x.Value, newBase));

    /// <summary>Logarithm ln x/ln b; partials 1/(x·ln b) and −ln x/(b·ln² b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Log(Dual x, Dual newBase)
    {
        var (value, dx, dBase) = LocalPartials.LogBase(x.Value, newBase.Value);
        return new(value, dx * x.Tangent + dBase * newBase.Tangent);
    }

    /// <summary>Power with a constant exponent; derivative p·x^(p−1) (0 when p = 0).</summary>
    /// <param name="x">The base.</param>
    /// <param name="power">The constant exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual Pow(Dual x, double power) => Chain(x, LocalPartials.Pow(x.Value, power));

    /// <summary>
    /// Power xʸ; partials y·x^(y−1) and xʸ·ln x. The second term is skipped when y carries no tangent and taken
    /// as 0 where xʸ = 0, so constant exponents and a zero base never produce NaN.
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Pow(Dual x, Dual y)
    {
        var (value, dx) = LocalPartials.Pow(x.Value, y.Value);
        var tangent = dx * x.Tangent;
        return new(value, y.Tangent == 0 ? tangent : tangent + LocalPartials.PowExponent(x.Value, y.Value, value) * y.Tangent);
    }

    /// <summary>The n-th root x^(1/n) (odd roots of negative numbers are negative, as <see cref="double.RootN"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The degree of the root.</param>
    /// <returns>The value and the tangent (chain rule): the root divided by n·x.</returns>
    public static Dual RootN(Dual x, int n) => Chain(x, LocalPartials.RootN(x.Value, n));

    /// <summary>√(x² + y²) without overflow; partials x/h and y/h, with the convention Hypot'(0, 0) = (0, 0).</summary>
    /// <param name="x">The first leg.</param>
    /// <param name="y">The second leg.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Hypot(Dual x, Dual y)
    {
        var (value, dx, dy) = LocalPartials.Hypot(x.Value, y.Value);
        return new(value, dx * x.Tangent + dy * y.Tangent);
    }

    /// <summary>2ˣ; derivative 2ˣ·ln 2.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Exp2(Dual x) => Chain(x, LocalPartials.Exp2(x.Value));

    /// <summary>10ˣ; derivative 10ˣ·ln 10.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value and the tangent (chain rule).</returns>
    public static Dual Exp10(Dual x) => Chain(x, LocalPartials.Exp10(x.Value));

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
