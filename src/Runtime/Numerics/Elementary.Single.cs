namespace Leibniz;

// Single-precision overloads: evaluated in double precision and rounded once, so they are correctly rounded
// in practice and share the double overloads' domain, pole and NaN behaviour.
public static partial class Elementary
{
    /// <summary>Cotangent, cos(x)/sin(x). Derivative: −csc²(x).</summary>
    /// <param name="x">An angle in radians.</param>
    /// <returns>1/tan(x); ±∞ at multiples of π.</returns>
    public static float Cot(float x) => (float)Cot((double)x);

    /// <summary>Secant, 1/cos(x). Derivative: sec(x)·tan(x).</summary>
    /// <param name="x">An angle in radians.</param>
    /// <returns>1/cos(x).</returns>
    public static float Sec(float x) => (float)Sec((double)x);

    /// <summary>Cosecant, 1/sin(x). Derivative: −csc(x)·cot(x).</summary>
    /// <param name="x">An angle in radians.</param>
    /// <returns>1/sin(x); ±∞ at multiples of π.</returns>
    public static float Csc(float x) => (float)Csc((double)x);

    /// <summary>Inverse cotangent on the continuous branch with range (0, π); see <see cref="Acot(double)"/>.</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>The angle in (0, π) whose cotangent is <paramref name="x"/>.</returns>
    public static float Acot(float x) => (float)Acot((double)x);

    /// <summary>Hyperbolic cotangent, cosh(x)/sinh(x). Derivative: −csch²(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>1/tanh(x); ±∞ at ±0.</returns>
    public static float Coth(float x) => (float)Coth((double)x);

    /// <summary>Hyperbolic secant, 1/cosh(x). Derivative: −sech(x)·tanh(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>1/cosh(x), in (0, 1].</returns>
    public static float Sech(float x) => (float)Sech((double)x);

    /// <summary>Hyperbolic cosecant, 1/sinh(x). Derivative: −csch(x)·coth(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>1/sinh(x); ±∞ at ±0.</returns>
    public static float Csch(float x) => (float)Csch((double)x);

    /// <summary>Inverse hyperbolic cotangent, defined for |x| &gt; 1. Derivative: 1/(1 − x²).</summary>
    /// <param name="x">A real number with |x| ≥ 1.</param>
    /// <returns>Acoth(x); ±∞ at ±1; NaN for |x| &lt; 1.</returns>
    public static float Acoth(float x) => (float)Acoth((double)x);

    /// <summary>Inverse secant, acos(1/x), range [0, π]. Derivative: 1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">A real number with |x| ≥ 1.</param>
    /// <returns>Asec(x); NaN for |x| &lt; 1.</returns>
    public static float Asec(float x) => (float)Asec((double)x);

    /// <summary>Inverse cosecant, asin(1/x), range [−π/2, π/2]. Derivative: −1/(|x|·√(x² − 1)).</summary>
    /// <param name="x">A real number with |x| ≥ 1.</param>
    /// <returns>Acsc(x); NaN for |x| &lt; 1.</returns>
    public static float Acsc(float x) => (float)Acsc((double)x);

    /// <summary>Inverse hyperbolic secant, acosh(1/x), for 0 &lt; x ≤ 1. Derivative: −1/(x·√(1 − x²)).</summary>
    /// <param name="x">A real number in [0, 1].</param>
    /// <returns>Asech(x) ≥ 0; +∞ at 0; NaN outside [0, 1].</returns>
    public static float Asech(float x) => (float)Asech((double)x);

    /// <summary>Inverse hyperbolic cosecant, asinh(1/x), for x ≠ 0. Derivative: −1/(|x|·√(1 + x²)).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>Acsch(x); ±∞ at ±0.</returns>
    public static float Acsch(float x) => (float)Acsch((double)x);

    /// <summary>Logistic sigmoid, 1/(1 + e^(−x)). Derivative: σ(x)·(1 − σ(x)).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>σ(x) in [0, 1], without overflow.</returns>
    public static float Sigmoid(float x) => (float)Sigmoid((double)x);

    /// <summary>Softplus, ln(1 + eˣ). Derivative: σ(x).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>ln(1 + eˣ) ≥ 0, without overflow.</returns>
    public static float Softplus(float x) => (float)Softplus((double)x);

    /// <summary>Rectified linear unit, max(x, 0). Derivative: 1 for x &gt; 0, 0 for x ≤ 0 (convention Relu'(0) = 0).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns><paramref name="x"/> if it is positive, otherwise 0; NaN for NaN.</returns>
    public static float Relu(float x) => x <= 0 ? 0f : x;

    /// <summary>
    /// Leaky ReLU: x for x ≥ 0, <paramref name="negativeSlope"/>·x for x &lt; 0. Derivative: 1 for x &gt; 0,
    /// <paramref name="negativeSlope"/> for x ≤ 0 (convention).
    /// </summary>
    /// <param name="x">Any real number.</param>
    /// <param name="negativeSlope">The slope for negative arguments.</param>
    /// <returns>The leaky ReLU of <paramref name="x"/>.</returns>
    public static float LeakyRelu(float x, float negativeSlope) => x < 0 ? negativeSlope * x : x;

    /// <summary>Leaky ReLU with the customary negative slope 0.01 (PyTorch's default).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns><see cref="LeakyRelu(float, float)"/> with slope 0.01.</returns>
    public static float LeakyRelu(float x) => LeakyRelu(x, 0.01f);

    /// <summary>Heaviside step: 0 for x &lt; 0 and 1 for x ≥ 0 (Heaviside(0) = 1). Derivative: 0 (convention).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>0 or 1; NaN for NaN.</returns>
    public static float Heaviside(float x) => x >= 0 ? 1f : x < 0 ? 0f : x;

    /// <summary>Sign: −1, 0 or +1 (Sign(0) = 0), returned as a floating-point number. Derivative: 0 (convention).</summary>
    /// <param name="x">Any real number.</param>
    /// <returns>−1 for x &lt; 0, 0 for ±0, +1 for x &gt; 0; NaN for NaN.</returns>
    public static float Sign(float x) => x > 0 ? 1f : x < 0 ? -1f : x == 0 ? 0f : x;
}
