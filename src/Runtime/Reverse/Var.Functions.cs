using System.Runtime.CompilerServices;

namespace Leibniz;

// The derivative table, one function per entry: each records (f(x), f'(x)) on the argument's tape.
public readonly partial struct Var
{
    /// <summary>Sine; derivative cos(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sin(Var x)
    {
        var v = x.Value;
        var (s, c) = Math.SinCos(v);
        return Tape.Unary(x, s, c);
    }

    /// <summary>Cosine; derivative −sin(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cos(Var x)
    {
        var v = x.Value;
        var (s, c) = Math.SinCos(v);
        return Tape.Unary(x, c, -s);
    }

    /// <summary>Tangent; derivative sec²(x) = 1 + tan²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Tan(Var x)
    {
        var v = x.Value;
        var f = Math.Tan(v);
        return Tape.Unary(x, f, 1.0 + f * f);
    }

    /// <summary>Inverse sine; derivative 1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asin(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Asin(v), 1.0 / Math.Sqrt((1.0 - v) * (1.0 + v)));
    }

    /// <summary>Inverse cosine; derivative −1/√(1 − x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acos(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Acos(v), -1.0 / Math.Sqrt((1.0 - v) * (1.0 + v)));
    }

    /// <summary>Inverse tangent; derivative 1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Atan(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Atan(v), 1.0 / (1.0 + v * v));
    }

    /// <summary>Hyperbolic sine; derivative cosh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sinh(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Sinh(v), Math.Cosh(v));
    }

    /// <summary>Hyperbolic cosine; derivative sinh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cosh(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Cosh(v), Math.Sinh(v));
    }

    /// <summary>Hyperbolic tangent; derivative sech²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Tanh(Var x)
    {
        var v = x.Value;
        var s = Elementary.Sech(v);
        return Tape.Unary(x, Math.Tanh(v), s * s);
    }

    /// <summary>Inverse hyperbolic sine; derivative 1/√(x² + 1).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asinh(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Asinh(v), 1.0 / Math.Sqrt(v * v + 1.0));
    }

    /// <summary>Inverse hyperbolic cosine; derivative 1/√(x² − 1) for x &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acosh(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Acosh(v), 1.0 / Math.Sqrt((v - 1.0) * (v + 1.0)));
    }

    /// <summary>Inverse hyperbolic tangent; derivative 1/(1 − x²) for |x| &lt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Atanh(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Atanh(v), 1.0 / ((1.0 - v) * (1.0 + v)));
    }

    /// <summary>Exponential eˣ; derivative eˣ.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Exp(Var x)
    {
        var v = x.Value;
        var f = Math.Exp(v);
        return Tape.Unary(x, f, f);
    }

    /// <summary>Natural logarithm; derivative 1/x.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Log(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Log(v), 1.0 / v);
    }

    /// <summary>Base-2 logarithm; derivative 1/(x·ln 2).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Log2(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Log2(v), 1.0 / (v * Constants.Ln2));
    }

    /// <summary>Base-10 logarithm; derivative 1/(x·ln 10).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Log10(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Log10(v), 1.0 / (v * Constants.Ln10));
    }

    /// <summary>Square root; derivative 1/(2√x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sqrt(Var x)
    {
        var v = x.Value;
        var f = Math.Sqrt(v);
        return Tape.Unary(x, f, 0.5 / f);
    }

    /// <summary>Cube root; derivative 1/(3·∛x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cbrt(Var x)
    {
        var v = x.Value;
        var f = Math.Cbrt(v);
        return Tape.Unary(x, f, 1.0 / (3.0 * f * f));
    }

    /// <summary>Absolute value; derivative sign(x), with the convention Abs'(0) = 0.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Abs(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Math.Abs(v), Elementary.Sign(v));
    }

    /// <summary>Cotangent; derivative −csc²(x) = −(1 + cot²(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Cot(Var x)
    {
        var v = x.Value;
        var f = Elementary.Cot(v);
        return Tape.Unary(x, f, -(1.0 + f * f));
    }

    /// <summary>Secant; derivative sec(x)·tan(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sec(Var x)
    {
        var v = x.Value;
        var f = Elementary.Sec(v);
        return Tape.Unary(x, f, f * Math.Tan(v));
    }

    /// <summary>Cosecant; derivative −csc(x)·cot(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Csc(Var x)
    {
        var v = x.Value;
        var f = Elementary.Csc(v);
        return Tape.Unary(x, f, -f * Elementary.Cot(v));
    }

    /// <summary>Inverse cotangent on the continuous branch with range (0, π) (see <see cref="Elementary.Acot(double)"/>); derivative −1/(1 + x²).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acot(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Acot(v), -1.0 / (1.0 + v * v));
    }

    /// <summary>Hyperbolic cotangent; derivative −csch²(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Coth(Var x)
    {
        var v = x.Value;
        var c = Elementary.Csch(v);
        return Tape.Unary(x, Elementary.Coth(v), -(c * c));
    }

    /// <summary>Hyperbolic secant; derivative −sech(x)·tanh(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sech(Var x)
    {
        var v = x.Value;
        var f = Elementary.Sech(v);
        return Tape.Unary(x, f, -f * Math.Tanh(v));
    }

    /// <summary>Hyperbolic cosecant; derivative −csch(x)·coth(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Csch(Var x)
    {
        var v = x.Value;
        var f = Elementary.Csch(v);
        return Tape.Unary(x, f, -f * Elementary.Coth(v));
    }

    /// <summary>Inverse hyperbolic cotangent; derivative 1/(1 − x²) for |x| &gt; 1.</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acoth(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Acoth(v), 1.0 / ((1.0 - v) * (1.0 + v)));
    }

    /// <summary>Inverse secant; derivative 1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asec(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Asec(v), 1.0 / (Math.Abs(v) * Math.Sqrt((v - 1.0) * (v + 1.0))));
    }

    /// <summary>Inverse cosecant; derivative −1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acsc(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Acsc(v), -1.0 / (Math.Abs(v) * Math.Sqrt((v - 1.0) * (v + 1.0))));
    }

    /// <summary>Inverse hyperbolic secant; derivative −1/(x·√(1 − x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Asech(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Asech(v), -1.0 / (v * Math.Sqrt((1.0 - v) * (1.0 + v))));
    }

    /// <summary>Inverse hyperbolic cosecant; derivative −1/(|x|·√(1 + x²)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Acsch(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Acsch(v), -1.0 / (Math.Abs(v) * Math.Sqrt(1.0 + v * v)));
    }

    /// <summary>Logistic sigmoid σ(x); derivative σ(x)·σ(−x) = σ(x)(1 − σ(x)).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sigmoid(Var x)
    {
        var v = x.Value;
        var f = Elementary.Sigmoid(v);
        return Tape.Unary(x, f, f * Elementary.Sigmoid(-v));
    }

    /// <summary>Softplus ln(1 + eˣ); derivative σ(x).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Softplus(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Softplus(v), Elementary.Sigmoid(v));
    }

    /// <summary>Rectified linear unit; derivative 1 for x &gt; 0 and 0 for x ≤ 0 (convention Relu'(0) = 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Relu(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Relu(v), v > 0 ? 1.0 : 0.0);
    }

    /// <summary>Heaviside step (Heaviside(0) = 1); derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Heaviside(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Heaviside(v), 0.0);
    }

    /// <summary>Sign (Sign(0) = 0) as a number; derivative 0 everywhere (convention, also at 0).</summary>
    /// <param name="x">The argument.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/> (a constant stays a constant).</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Sign(Var x)
    {
        var v = x.Value;
        return Tape.Unary(x, Elementary.Sign(v), 0.0);
    }

    /// <summary>Leaky ReLU; derivative 1 for x &gt; 0 and <paramref name="negativeSlope"/> for x ≤ 0 (convention).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="negativeSlope">The slope for negative arguments.</param>
    /// <returns>The value, recorded on the tape of <paramref name="x"/>.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var LeakyRelu(Var x, double negativeSlope) =>
        Tape.Unary(x, Elementary.LeakyRelu(x.Value, negativeSlope), x.Value > 0 ? 1.0 : negativeSlope);

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
        var r2 = x.Value * x.Value + y.Value * y.Value;
        return Tape.Binary(y, x, Math.Atan2(y.Value, x.Value), x.Value / r2, -y.Value / r2);
    }

    /// <summary>Logarithm in a constant base; derivative 1/(x·ln b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Log(Var x, double newBase) =>
        Tape.Unary(x, Math.Log(x.Value, newBase), 1.0 / (x.Value * Math.Log(newBase)));

    /// <summary>Logarithm ln x/ln b; partials 1/(x·ln b) and −ln x/(b·ln² b).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="newBase">The base.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Log(Var x, Var newBase)
    {
        var lnBase = Math.Log(newBase.Value);
        var value = Math.Log(x.Value) / lnBase;
        return Tape.Binary(x, newBase, value, 1.0 / (x.Value * lnBase), -value / (newBase.Value * lnBase));
    }

    /// <summary>Power with a constant exponent; derivative p·x^(p−1) (0 when p = 0).</summary>
    /// <param name="x">The base.</param>
    /// <param name="power">The constant exponent.</param>
    /// <returns>The value, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var Pow(Var x, double power) =>
        Tape.Unary(x, Math.Pow(x.Value, power), power == 0 ? 0.0 : power * Math.Pow(x.Value, power - 1.0));

    /// <summary>
    /// Power xʸ; partials y·x^(y−1) and xʸ·ln x, the second taken as 0 where xʸ = 0 (and not recorded when y is
    /// a constant), so a zero base never produces NaN.
    /// </summary>
    /// <param name="x">The base.</param>
    /// <param name="y">The exponent.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Pow(Var x, Var y)
    {
        var value = Math.Pow(x.Value, y.Value);
        var partialX = y.Value == 0 ? 0.0 : y.Value * Math.Pow(x.Value, y.Value - 1.0);
        var partialY = y.IsConstant || value == 0 ? 0.0 : value * Math.Log(x.Value);
        return Tape.Binary(x, y, value, partialX, partialY);
    }

    /// <summary>The n-th root x^(1/n) (odd roots of negative numbers are negative, as <see cref="double.RootN"/>).</summary>
    /// <param name="x">The argument.</param>
    /// <param name="n">The degree of the root.</param>
    /// <returns>The value, recorded; its derivative is the root divided by n·x.</returns>
    public static Var RootN(Var x, int n)
    {
        var value = double.RootN(x.Value, n);
        return Tape.Unary(x, value, x.Value == 0 ? double.PositiveInfinity : value / (n * x.Value));
    }

    /// <summary>√(x² + y²) without overflow; partials x/h and y/h, with the convention Hypot'(0, 0) = (0, 0).</summary>
    /// <param name="x">The first leg.</param>
    /// <param name="y">The second leg.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Hypot(Var x, Var y)
    {
        var h = double.Hypot(x.Value, y.Value);
        return h == 0 ? Tape.Binary(x, y, h, 0.0, 0.0) : Tape.Binary(x, y, h, x.Value / h, y.Value / h);
    }

    /// <summary>2ˣ; derivative 2ˣ·ln 2.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Exp2(Var x)
    {
        var value = double.Exp2(x.Value);
        return Tape.Unary(x, value, value * Constants.Ln2);
    }

    /// <summary>10ˣ; derivative 10ˣ·ln 10.</summary>
    /// <param name="x">The exponent.</param>
    /// <returns>The value, recorded.</returns>
    public static Var Exp10(Var x)
    {
        var value = double.Exp10(x.Value);
        return Tape.Unary(x, value, value * Constants.Ln10);
    }

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
