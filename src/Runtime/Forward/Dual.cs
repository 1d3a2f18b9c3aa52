using System.Globalization;
using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// A dual number a + b·ε with ε² = 0: forward-mode automatic differentiation. Evaluating f on
/// <c>Dual.Variable(x)</c> yields f(x) in <see cref="Value"/> and f'(x) in <see cref="Tangent"/>.
/// </summary>
/// <remarks>
/// <para>Comparisons (<c>==</c>, <c>&lt;</c>, <see cref="Equals(Dual)"/>, <see cref="CompareTo(Dual)"/>, …) look at
/// <see cref="Value"/> only, so code that branches on a Dual takes the same path as with <see cref="double"/>.</para>
/// <para>Conventions at points where a function is not differentiable: Abs'(0) = 0, Relu'(0) = 0,
/// LeakyRelu'(0) = its negative slope, Heaviside' = Sign' = 0 everywhere; <see cref="Min(Dual, Dual)"/> and
/// <see cref="Max(Dual, Dual)"/> return one argument whole (ties go to the first); Hypot'(0, 0) = (0, 0); the
/// derivative of xʸ with respect to y is taken as 0 at x = 0; the rounding functions of
/// <see cref="System.Numerics.IFloatingPoint{TSelf}"/> (Round, Floor, Ceiling, Truncate) have derivative 0.</para>
/// <para>A Dual is a 16-byte immutable value: arithmetic on it never allocates and is safe on any thread.</para>
/// </remarks>
public readonly partial struct Dual
{
    /// <summary>Creates a dual number.</summary>
    /// <param name="value">The primal value.</param>
    /// <param name="tangent">The tangent (directional derivative) carried along.</param>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Dual(double value, double tangent)
    {
        Value = value;
        Tangent = tangent;
    }

    /// <summary>The primal value.</summary>
    public double Value { get; }

    /// <summary>The tangent: the derivative of this value with respect to the seeded input direction.</summary>
    public double Tangent { get; }

    /// <summary>An independent variable at <paramref name="x"/>: tangent 1.</summary>
    /// <param name="x">The point.</param>
    /// <returns>x + 1·ε.</returns>
    public static Dual Variable(double x) => new(x, 1.0);

    /// <summary>A constant: tangent 0.</summary>
    /// <param name="c">The constant.</param>
    /// <returns>c + 0·ε.</returns>
    public static Dual Constant(double c) => new(c, 0.0);

    /// <summary>A constant: tangent 0.</summary>
    /// <param name="c">The constant.</param>
    public static implicit operator Dual(double c) => new(c, 0.0);

    /// <summary>Adds two dual numbers.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a + b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(Dual a, Dual b) => new(a.Value + b.Value, a.Tangent + b.Tangent);

    /// <summary>Adds a constant.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    /// <returns>a + b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(Dual a, double b) => new(a.Value + b, a.Tangent);

    /// <summary>Adds to a constant.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a + b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator +(double a, Dual b) => new(a + b.Value, b.Tangent);

    /// <summary>Subtracts two dual numbers.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a − b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(Dual a, Dual b) => new(a.Value - b.Value, a.Tangent - b.Tangent);

    /// <summary>Subtracts a constant.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    /// <returns>a − b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(Dual a, double b) => new(a.Value - b, a.Tangent);

    /// <summary>Subtracts from a constant.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a − b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(double a, Dual b) => new(a - b.Value, -b.Tangent);

    /// <summary>Multiplies two dual numbers (product rule).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a·b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator *(Dual a, Dual b) =>
        new(a.Value * b.Value, a.Tangent * b.Value + a.Value * b.Tangent);

    /// <summary>Multiplies by a constant.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    /// <returns>a·b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator *(Dual a, double b) => new(a.Value * b, a.Tangent * b);

    /// <summary>Multiplies a constant.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a·b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator *(double a, Dual b) => new(a * b.Value, a * b.Tangent);

    /// <summary>Divides two dual numbers (quotient rule).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>a/b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator /(Dual a, Dual b)
    {
        var quotient = a.Value / b.Value;
        return new(quotient, (a.Tangent - quotient * b.Tangent) / b.Value);
    }

    /// <summary>Divides by a constant.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The constant divisor.</param>
    /// <returns>a/b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator /(Dual a, double b) => new(a.Value / b, a.Tangent / b);

    /// <summary>Divides a constant.</summary>
    /// <param name="a">The constant dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>a/b.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator /(double a, Dual b)
    {
        var quotient = a / b.Value;
        return new(quotient, -quotient * b.Tangent / b.Value);
    }

    /// <summary>
    /// Remainder a − b·trunc(a/b), like <see cref="double"/>'s <c>%</c>. Partial derivatives: 1 with respect to
    /// a and −trunc(a/b) with respect to b (away from the jumps).
    /// </summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>a % b.</returns>
    public static Dual operator %(Dual a, Dual b) =>
        new(a.Value % b.Value, a.Tangent - Math.Truncate(a.Value / b.Value) * b.Tangent);

    /// <summary>Negation.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>−a.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Dual operator -(Dual a) => new(-a.Value, -a.Tangent);

    /// <summary>Unary plus (identity).</summary>
    /// <param name="a">The operand.</param>
    /// <returns>a.</returns>
    public static Dual operator +(Dual a) => a;

    /// <summary>Adds one.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>a + 1.</returns>
    public static Dual operator ++(Dual a) => new(a.Value + 1.0, a.Tangent);

    /// <summary>Subtracts one.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>a − 1.</returns>
    public static Dual operator --(Dual a) => new(a.Value - 1.0, a.Tangent);

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value == b.Value.</returns>
    public static bool operator ==(Dual a, Dual b) => a.Value == b.Value;

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value != b.Value.</returns>
    public static bool operator !=(Dual a, Dual b) => a.Value != b.Value;

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &lt; b.Value.</returns>
    public static bool operator <(Dual a, Dual b) => a.Value < b.Value;

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &gt; b.Value.</returns>
    public static bool operator >(Dual a, Dual b) => a.Value > b.Value;

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &lt;= b.Value.</returns>
    public static bool operator <=(Dual a, Dual b) => a.Value <= b.Value;

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &gt;= b.Value.</returns>
    public static bool operator >=(Dual a, Dual b) => a.Value >= b.Value;

    /// <summary>Whether the values are equal (tangents are ignored, like <c>==</c>).</summary>
    /// <param name="other">The other number.</param>
    /// <returns>Whether the values are equal, with NaN equal to NaN as for <see cref="double.Equals(double)"/>.</returns>
    public bool Equals(Dual other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Dual other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="other">The other number.</param>
    /// <returns>The order of the values, as <see cref="double.CompareTo(double)"/>.</returns>
    public int CompareTo(Dual other) => Value.CompareTo(other.Value);

    /// <summary>Compares values (tangents are ignored).</summary>
    /// <param name="obj">A <see cref="Dual"/> or null.</param>
    /// <returns>The order of the values; null sorts first.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Dual"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Dual other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(Dual)}, got {obj.GetType()}.", nameof(obj)),
    };

    /// <summary>Formats as "value + tangent·ε" in the invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats as "value + tangent·ε", each number with <paramref name="format"/>.</summary>
    /// <param name="format">A <see cref="double"/> format string, or null.</param>
    /// <param name="formatProvider">The culture; null means the invariant culture.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider)
    {
        formatProvider ??= CultureInfo.InvariantCulture;
        return Value.ToString(format, formatProvider) + " + " + Tangent.ToString(format, formatProvider) + "ε";
    }
}
