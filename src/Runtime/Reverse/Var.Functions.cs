using System.Runtime.CompilerServices;

namespace Leibniz;

// The functions of the derivative table: each value and local partial comes from LocalPartials (the one table, shared
// with the generator); Var records them on the argument's tape.
public readonly partial struct Var
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Var Record(Var x, (double Value, double Partial) local) => Tape.Unary(x, local.Value, local.Partial);

    /// <summary>Sine; derivative cos(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sin(Var x) => Record(x, LocalPartials.Sin(x.Value));

    /// <summary>Cosine; derivative −sin(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cos(Var x) => Record(x, LocalPartials.Cos(x.Value));

    /// <summary>Tangent; derivative sec²(x) = 1 + tan²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Tan(Var x) => Record(x, LocalPartials.Tan(x.Value));

    /// <summary>Inverse sine; derivative 1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asin(Var x) => Record(x, LocalPartials.Asin(x.Value));

    /// <summary>Inverse cosine; derivative −1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acos(Var x) => Record(x, LocalPartials.Acos(x.Value));

    /// <summary>Inverse tangent; derivative 1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Atan(Var x) => Record(x, LocalPartials.Atan(x.Value));

    /// <summary>Hyperbolic sine; derivative cosh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sinh(Var x) => Record(x, LocalPartials.Sinh(x.Value));

    /// <summary>Hyperbolic cosine; derivative sinh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cosh(Var x) => Record(x, LocalPartials.Cosh(x.Value));

    /// <summary>Hyperbolic tangent; derivative sech²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Tanh(Var x) => Record(x, LocalPartials.Tanh(x.Value));

    /// <summary>Inverse hyperbolic sine; derivative 1/√(x² + 1).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asinh(Var x) => Record(x, LocalPartials.Asinh(x.Value));

    /// <summary>Inverse hyperbolic cosine; derivative 1/√(x² − 1) for x &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acosh(Var x) => Record(x, LocalPartials.Acosh(x.Value));

    /// <summary>Inverse hyperbolic tangent; derivative 1/(1 − x²) for |x| &lt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Atanh(Var x) => Record(x, LocalPartials.Atanh(x.Value));

    /// <summary>Exponential eˣ; derivative eˣ.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Exp(Var x) => Record(x, LocalPartials.Exp(x.Value));

    /// <summary>Natural logarithm; derivative 1/x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Log(Var x) => Record(x, LocalPartials.Log(x.Value));

    /// <summary>Base-2 logarithm; derivative 1/(x·ln 2).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Log2(Var x) => Record(x, LocalPartials.Log2(x.Value));

    /// <summary>Base-10 logarithm; derivative 1/(x·ln 10).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Log10(Var x) => Record(x, LocalPartials.Log10(x.Value));

    /// <summary>Square root; derivative 1/(2√x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sqrt(Var x) => Record(x, LocalPartials.Sqrt(x.Value));

    /// <summary>Cube root; derivative 1/(3·∛x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cbrt(Var x) => Record(x, LocalPartials.Cbrt(x.Value));

    /// <summary>Absolute value; derivative sign(x), with the convention Abs'(0) = 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Abs(Var x) => Record(x, LocalPartials.Abs(x.Value));

    /// <summary>Cotangent; derivative −csc²(x) = −(1 + cot²(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cot(Var x) => Record(x, LocalPartials.Cot(x.Value));

    /// <summary>Secant; derivative sec(x)·tan(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sec(Var x) => Record(x, LocalPartials.Sec(x.Value));

    /// <summary>Cosecant; derivative −csc(x)·cot(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Csc(Var x) => Record(x, LocalPartials.Csc(x.Value));

    /// <summary>Inverse cotangent on the continuous branch with range (0, π) (see <see cref="Elementary.Acot(double)"/>); derivative −1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acot(Var x) => Record(x, LocalPartials.Acot(x.Value));

    /// <summary>Hyperbolic cotangent; derivative −csch²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Coth(Var x) => Record(x, LocalPartials.Coth(x.Value));

    /// <summary>Hyperbolic secant; derivative −sech(x)·tanh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sech(Var x) => Record(x, LocalPartials.Sech(x.Value));

    /// <summary>Hyperbolic cosecant; derivative −csch(x)·coth(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Csch(Var x) => Record(x, LocalPartials.Csch(x.Value));

    /// <summary>Inverse hyperbolic cotangent; derivative 1/(1 − x²) for |x| &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acoth(Var x) => Record(x, LocalPartials.Acoth(x.Value));

    /// <summary>Inverse secant; derivative 1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asec(Var x) => Record(x, LocalPartials.Asec(x.Value));

    /// <summary>Inverse cosecant; derivative −1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acsc(Var x) => Record(x, LocalPartials.Acsc(x.Value));

    /// <summary>Inverse hyperbolic secant; derivative −1/(x·√(1 − x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asech(Var x) => Record(x, LocalPartials.Asech(x.Value));

    /// <summary>Inverse hyperbolic cosecant; derivative −1/(|x|·√(1 + x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acsch(Var x) => Record(x, LocalPartials.Acsch(x.Value));

    /// <summary>Logistic sigmoid σ(x); derivative σ(x)·σ(−x) = σ(x)(1 − σ(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sigmoid(Var x) => Record(x, LocalPartials.Sigmoid(x.Value));

    /// <summary>Softplus ln(1 + eˣ); derivative σ(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Softplus(Var x) => Record(x, LocalPartials.Softplus(x.Value));

    /// <summary>Rectified linear unit; derivative 1 for x &gt; 0 and 0 for x ≤ 0 (convention Relu'(0) = 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Relu(Var x) => Record(x, LocalPartials.Relu(x.Value));

    /// <summary>Heaviside step (Heaviside(0) = 1); derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Heaviside(Var x) => Record(x, LocalPartials.Step(Elementary.Heaviside(x.Value)));

    /// <summary>Sign (Sign(0) = 0) as a number; derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sign(Var x) => Record(x, LocalPartials.Step(Elementary.Sign(x.Value)));

    /// <summary>Leaky ReLU; derivative 1 for x &gt; 0 and <paramref name="negativeSlope"/> for x ≤ 0 (convention).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="negativeSlope">The slope for negative arguments.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var LeakyRelu(Var x, double negativeSlope) =>
        Record(x, LocalPartials.LeakyRelu(x.Value, negativeSlope));

    /// <summary>Leaky ReLU with negative slope 0.01.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/>.</returns>
    public static Var LeakyRelu(Var x) => LeakyRelu(x, 0.01);

    /// <summary>Two-argument inverse tangent, the angle of (x, y); partials x/(x² + y²) and −y/(x² + y²).</summary>
    /// <param name="y">The ordinate.</param>
    /// <param name="x">The abscissa.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Atan2(Var y, Var x)
    {
        var (value, dy, dx) = LocalPartials.Atan2(y.Value, x.Value);
        return Tape.Binary(y, x, value, dy, dx);
    }

    /// <summary>Logarithm in a constant base; derivative 1/(x·ln b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Log(Var x, double newBase) => Record(x, LocalPartials.Log(x.Value, newBase));

    /// <summary>Logarithm ln x/ln b; partials 1/(x·ln b) and −ln x/(b·ln² b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Log(Var x, Var newBase)
    {
        var (value, dx, dBase) = LocalPartials.LogBase(x.Value, newBase.Value);
        return Tape.Binary(x, newBase, value, dx, dBase);
    }

    /// <summary>Power with a constant exponent; derivative p·x^(p−1) (0 when p = 0).</summary>
    /// <param name="x">The base.</param>
    /// <param name="power">The constant exponent.</param>
    /// <returns>The value, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Pow(Var x, double power) => Record(x, LocalPartials.Pow(x.Value, power));

    /// <summary>
    /// Power xʸ; partials y·x^(y−1) and xʸ·ln x, the second taken as 0 where xʸ = 0 (and not recorded when y is
    /// a constant), so a zero base never produces NaN.
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Pow(Var x, Var y)
    {
        var (value, dx) = LocalPartials.Pow(x.Value, y.Value);
        return Tape.Binary(x, y, value, dx, y.IsConstant ? 0.0 : LocalPartials.PowExponent(x.Value, y.Value, value));
    }

    /// <summary>The n-th root x^(1/n) (odd roots of negative numbers are negative, as <see cref="double.RootN"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The degree of the root.</param>
    /// <returns>The value, recorded; its derivative is the root divided by n·x.</returns>
    public static Var RootN(Var x, int n) => Record(x, LocalPartials.RootN(x.Value, n));

    /// <summary>√(x² + y²) without overflow; partials x/h and y/h, with the convention Hypot'(0, 0) = (0, 0).</summary>
    /// <param name="x">The first leg.</param>
    /// <param name="y">The second leg.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Hypot(Var x, Var y)
    {
        var (value, dx, dy) = LocalPartials.Hypot(x.Value, y.Value);
        return Tape.Binary(x, y, value, dx, dy);
    }

    /// <summary>2ˣ; derivative 2ˣ·ln 2.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Exp2(Var x) => Record(x, LocalPartials.Exp2(x.Value));

    /// <summary>10ˣ; derivative 10ˣ·ln 10.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Exp10(Var x) => Record(x, LocalPartials.Exp10(x.Value));

    /// <summary>The argument with the smaller value (nothing recorded); ties go to <paramref name="x"/>, NaN wins.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument with the smaller value.</returns>
    public static Var Min(Var x, Var y) => x.Value <= y.Value || double.IsNaN(x.Value) ? x : y;

    /// <summary>The argument with the larger value (nothing recorded); ties go to <paramref name="x"/>, NaN wins.</summary>
    /// <param name="x">The first argument.</param>
    /// <param name="y">The second argument.</param>
    /// <returns>The argument with the larger value.</returns>
    public static Var Max(Var x, Var y) => x.Value >= y.Value || double.IsNaN(x.Value) ? x : y;
}
