namespace Leibniz;

/// <summary>
/// The functions of the derivative table that <see cref="Math"/> lacks (reciprocal trigonometric and hyperbolic
/// functions and their inverses) and the common activation functions, for <see cref="double"/> and
/// <see cref="float"/>. They are plain functions, usable inside <see cref="DifferentiableAttribute"/> methods.
/// </summary>
/// <remarks>
/// <para>Like <see cref="Math"/>, every function returns <see cref="double.NaN"/> for a NaN argument and for an
/// argument outside its real domain, and ±∞ at a pole.</para>
/// <para>The formulas avoid catastrophic cancellation: <see cref="Coth(double)"/> and <see cref="Csch(double)"/>
/// are reciprocals of <see cref="Math.Tanh"/> and <see cref="Math.Sinh"/> (accurate near 0),
/// <see cref="Acoth(double)"/> and <see cref="Asech(double)"/> go through an accurate log(1 + x), and
/// <see cref="Sigmoid(double)"/> and <see cref="Softplus(double)"/> never evaluate an exponential of a positive
/// argument, so they neither overflow nor lose precision at ±1000.</para>
/// <para>The <see cref="float"/> overloads evaluate in double precision and round once.</para>
/// </remarks>
public static partial class Elementary
{
    /// <summary>Cotangent, cos(x)/sin(x). Derivative: −csc²(x).</summary>
    /// <param name="x">An angle in radians.</param>
    /// <returns>1/tan(x); ±∞ at multiples of π.</returns>
    public static double Cot(double x) => 1.0 / Math.Tan(x);

    /// <summary>Secant, 1/cos(x). Derivative: sec(x)·tan(x).</summary>
    /// <param name="x">An angle in radians.</param>
    /// <returns>1/cos(x).</returns>
    public static double Sec(double x) => 1.0 / Math.Cos(x);

    /// <summary>Cosecant, 1/sin(x). Derivative: −csc(x)·cot(x).</summary>
    /// <param name="x">An angle in radians.</param>
    /// <returns>1/sin(x); ±∞ at multiples of π.</returns>
    public static double Csc(double x) => 1.0 / Math.Sin(x);

    /// <summary>
    /// Inverse cotangent on the continuous branch with range (0, π): Acot(x) = π/2 − atan(x), so Acot(0) = π/2,
    /// Acot(+∞) = 0 and Acot(−∞) = π. Derivative: −1/(1 + x²) everywhere, including at 0.
    /// </summary>
    /// <remarks>
    /// This is the branch that is differentiable on the whole real line (the other common convention,
    /// atan(1/x), jumps from −π/2 to π/2 at 0). For x &gt; 0 it is evaluated as atan(1/x), which keeps full
    /// relative precision for large x.
    /// </remarks>
    /// <param name="x">Any real number.</param>
    /// <returns>The angle in (0, π) whose cotangent is <paramref name="x"/>.</returns>
    public static double Acot(double x)
    {
        if (x > 0)
        {
            return Math.Atan(1.0 / x);
        }

        if (x < 0)
        {
            return Math.PI + Math.Atan(1.0 / x);
        }

        return double.IsNaN(x) ? x : Math.PI / 2;
    }

    /// <summary>Hyperbolic cotangent, cosh(x)/sinh(x). Derivative: −csch²(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>1/tanh(x); ±∞ at ±0.</returns>
    public static double Coth(double x) => 1.0 / Math.Tanh(x);

    /// <summary>Hyperbolic secant, 1/cosh(x). Derivative: −sech(x)·tanh(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>1/cosh(x), in (0, 1].</returns>
    public static double Sech(double x) => 1.0 / Math.Cosh(x);

    /// <summary>Hyperbolic cosecant, 1/sinh(x). Derivative: −csch(x)·coth(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>1/sinh(x); ±∞ at ±0.</returns>
    public static double Csch(double x) => 1.0 / Math.Sinh(x);

    /// <summary>
    /// Inverse hyperbolic cotangent, ½·ln((x + 1)/(x − 1)), defined for |x| &gt; 1. Derivative: 1/(1 − x²)
    /// (the lecture's −1/(x² − 1)).
    /// </summary>
    /// <param name="x">A real number with |x| ≥ 1.</param>
    /// <returns>Acoth(x); ±∞ at ±1; NaN for |x| &lt; 1.</returns>
    public static double Acoth(double x)
    {
        if (x < 0)
        {
            return -Acoth(-x);
        }

        // x − 1 is exact near 1 and 2/(x − 1) is small for large x, where log1p keeps every digit.
        return x >= 1 ? 0.5 * LogOnePlus(2.0 / (x - 1.0)) : double.NaN;
    }

    /// <summary>Inverse secant, acos(1/x), range [0, π]. Derivative: 1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">A real number with |x| ≥ 1.</param>
    /// <returns>Asec(x); NaN for |x| &lt; 1.</returns>
    public static double Asec(double x) => Math.Acos(1.0 / x);

    /// <summary>Inverse cosecant, asin(1/x), range [−π/2, π/2]. Derivative: −1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">A real number with |x| ≥ 1.</param>
    /// <returns>Acsc(x); NaN for |x| &lt; 1.</returns>
    public static double Acsc(double x) => Math.Asin(1.0 / x);

    /// <summary>Inverse hyperbolic secant, acosh(1/x), for 0 &lt; x ≤ 1. Derivative: −1/(x·√(1 − x²)).</summary>
    /// <param name="x">A real number in [0, 1].</param>
    /// <returns>Asech(x) ≥ 0; +∞ at 0; NaN outside [0, 1].</returns>
    public static double Asech(double x)
    {
        if (!(x >= 0 && x <= 1))
        {
            return double.NaN;
        }

        if (x < 1e-8)
        {
            // asech(x) = ln(2/x) − x²/4 − …; written so that 2/x cannot overflow for subnormal x.
            return Constants.Ln2 - Math.Log(x);
        }

        // ln((1 + √(1 − x²))/x) = log1p((1 − x + √((1 − x)(1 + x)))/x): 1 − x is exact near 1.
        var oneMinusX = 1.0 - x;
        return LogOnePlus((oneMinusX + Math.Sqrt(oneMinusX * (1.0 + x))) / x);
    }

    /// <summary>Inverse hyperbolic cosecant, asinh(1/x), for x ≠ 0. Derivative: −1/(|x|·√(1 + x²)).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>Acsch(x); ±∞ at ±0.</returns>
    public static double Acsch(double x)
    {
        var magnitude = Math.Abs(x);
        if (magnitude < 1e-8)
        {
            // asinh(1/x) = ln(2/|x|) + x²/4 − …, written so that 1/x cannot overflow for subnormal x.
            return Math.CopySign(Constants.Ln2 - Math.Log(magnitude), x);
        }

        return Math.Asinh(1.0 / x);
    }

    /// <summary>Logistic sigmoid, 1/(1 + e^(−x)). Derivative: σ(x)·(1 − σ(x)).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>σ(x) in [0, 1], without overflow for any finite <paramref name="x"/>.</returns>
    public static double Sigmoid(double x)
    {
        if (x >= 0)
        {
            return 1.0 / (1.0 + Math.Exp(-x));
        }

        var e = Math.Exp(x);
        return e / (1.0 + e);
    }

    /// <summary>Softplus, ln(1 + eˣ), a smooth ReLU. Derivative: σ(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>ln(1 + eˣ) ≥ 0, evaluated as max(x, 0) + log1p(e^(−|x|)) so it never overflows.</returns>
    public static double Softplus(double x) => Math.Max(x, 0.0) + LogOnePlus(Math.Exp(-Math.Abs(x)));

    /// <summary>Rectified linear unit, max(x, 0). Derivative: 1 for x &gt; 0, 0 for x ≤ 0 (convention Relu'(0) = 0).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns><paramref name="x"/> if it is positive, otherwise 0; NaN for NaN.</returns>
    public static double Relu(double x) => x <= 0 ? 0.0 : x;

    /// <summary>
    /// Leaky ReLU: x for x ≥ 0, <paramref name="negativeSlope"/>·x for x &lt; 0. Derivative: 1 for x &gt; 0,
    /// <paramref name="negativeSlope"/> for x ≤ 0 (convention, like Relu'(0) = 0 and PyTorch: the derivative at 0
    /// is <paramref name="negativeSlope"/>).
    /// </summary>
    /// <param name="x">Any real number.</param>
    /// <param name="negativeSlope">The slope for negative arguments.</param>
    /// <returns>The leaky ReLU of <paramref name="x"/>.</returns>
    public static double LeakyRelu(double x, double negativeSlope) => x < 0 ? negativeSlope * x : x;

    /// <summary>Leaky ReLU with the customary negative slope 0.01 (PyTorch's default).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns><see cref="LeakyRelu(double, double)"/> with slope 0.01.</returns>
    public static double LeakyRelu(double x) => LeakyRelu(x, 0.01);

    /// <summary>Heaviside step: 0 for x &lt; 0 and 1 for x ≥ 0 (Heaviside(0) = 1, as in the lecture). Derivative: 0 (convention).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>0 or 1; NaN for NaN.</returns>
    public static double Heaviside(double x) => x >= 0 ? 1.0 : x < 0 ? 0.0 : x;

    /// <summary>Sign: −1, 0 or +1 (Sign(0) = 0), returned as a floating-point number. Derivative: 0 (convention).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>−1 for x &lt; 0, 0 for ±0, +1 for x &gt; 0; NaN for NaN (unlike <see cref="Math.Sign(double)"/>, which throws).</returns>
    public static double Sign(double x) => x > 0 ? 1.0 : x < 0 ? -1.0 : x == 0 ? 0.0 : x;

    /// <summary>ln(1 + x), accurate for small |x| (where ln(1 + x) would lose the digits of x).</summary>
    internal static double LogOnePlus(double x)
    {
        var u = 1.0 + x;
        if (u == 1.0)
        {
            return x;
        }

        if (double.IsPositiveInfinity(u))
        {
            return u;
        }

        // Goldberg's trick: the rounding error of 1 + x cancels between ln(u) and u − 1.
        return Math.Log(u) * (x / (u - 1.0));
    }
}
