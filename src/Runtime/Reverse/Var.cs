using System.Globalization;
using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// A value recorded on a <see cref="Tape"/> for reverse-mode automatic differentiation: the tape, the node's
/// index and the value itself. Create inputs with <see cref="Tape.Variable(double)"/>; every operator and
/// function on Vars records one node; after <see cref="Tape.Backward(Var)"/>, <see cref="Gradient"/> reads
/// ∂output/∂this.
/// </summary>
/// <remarks>
/// <para>A Var converted from a <see cref="double"/> is a constant: it belongs to no tape, and operations on
/// constants only are not recorded.</para>
/// <para>Comparisons look at <see cref="Value"/> only, so code that branches on a Var takes the same path as with
/// <see cref="double"/>. Conventions where a function is not differentiable are those of <see cref="Dual"/>:
/// Abs'(0) = 0, Relu'(0) = 0, Heaviside' = Sign' = 0; <see cref="Min(Var, Var)"/> and <see cref="Max(Var, Var)"/>
/// return one argument (ties go to the first), so the gradient flows to that argument only.</para>
/// </remarks>
public readonly partial struct Var
{
    internal Var(Tape tape, double value, int index, int generation)
    {
        Tape = tape;
        Value = value;
        Index = index;
        Generation = generation;
    }

    internal Var(double value)
    {
        Value = value;
    }

    /// <summary>The value computed in the forward pass.</summary>
    public double Value { get; }

    /// <summary>The tape this value is recorded on, or null for a constant.</summary>
    public Tape? Tape { get; }

    /// <summary>Whether this is a constant (recorded on no tape).</summary>
    public bool IsConstant => Tape is null;

    internal int Index { get; }

    internal int Generation { get; }

    /// <summary>
    /// The adjoint ∂output/∂this accumulated by <see cref="Tape.Backward(Var)"/> (summed over every Backward since
    /// the last <see cref="Tape.ZeroGradients"/>).
    /// </summary>
    /// <exception cref="InvalidOperationException">
    /// This is a constant; or Backward has not run since this value was recorded; or the tape was cleared since.
    /// </exception>
    public double Gradient => Tape is { } tape
        ? tape.GradientOf(this)
        : throw new InvalidOperationException("A constant has no gradient: create inputs with tape.Variable(x).");

    /// <summary>A constant (recorded on no tape).</summary>
    /// <param name="c">The constant.</param>
    public static implicit operator Var(double c) => new(c);

    /// <summary>Adds (∂/∂a = ∂/∂b = 1).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a + b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator +(Var a, Var b) => Tape.Binary(a, b, a.Value + b.Value, 1.0, 1.0);

    /// <summary>Adds a constant.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    /// <returns>a + b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator +(Var a, double b) => Tape.Unary(a, a.Value + b, 1.0);

    /// <summary>Adds to a constant.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a + b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator +(double a, Var b) => Tape.Unary(b, a + b.Value, 1.0);

    /// <summary>Subtracts (∂/∂a = 1, ∂/∂b = −1).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a − b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator -(Var a, Var b) => Tape.Binary(a, b, a.Value - b.Value, 1.0, -1.0);

    /// <summary>Subtracts a constant.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    /// <returns>a − b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator -(Var a, double b) => Tape.Unary(a, a.Value - b, 1.0);

    /// <summary>Subtracts from a constant.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a − b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator -(double a, Var b) => Tape.Unary(b, a - b.Value, -1.0);

    /// <summary>Multiplies (∂/∂a = b, ∂/∂b = a).</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a·b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator *(Var a, Var b) => Tape.Binary(a, b, a.Value * b.Value, b.Value, a.Value);

    /// <summary>Multiplies by a constant.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The constant.</param>
    /// <returns>a·b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator *(Var a, double b) => Tape.Unary(a, a.Value * b, b);

    /// <summary>Multiplies a constant.</summary>
    /// <param name="a">The constant.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>a·b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator *(double a, Var b) => Tape.Unary(b, a * b.Value, a);

    /// <summary>Divides (∂/∂a = 1/b, ∂/∂b = −a/b²).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>a/b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator /(Var a, Var b)
    {
        var quotient = a.Value / b.Value;
        return Tape.Binary(a, b, quotient, 1.0 / b.Value, -quotient / b.Value);
    }

    /// <summary>Divides by a constant.</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The constant divisor.</param>
    /// <returns>a/b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator /(Var a, double b) => Tape.Unary(a, a.Value / b, 1.0 / b);

    /// <summary>Divides a constant.</summary>
    /// <param name="a">The constant dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>a/b, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator /(double a, Var b)
    {
        var quotient = a / b.Value;
        return Tape.Unary(b, quotient, -quotient / b.Value);
    }

    /// <summary>Remainder a − b·trunc(a/b); partials 1 and −trunc(a/b) (away from the jumps).</summary>
    /// <param name="a">The dividend.</param>
    /// <param name="b">The divisor.</param>
    /// <returns>a % b, recorded.</returns>
    public static Var operator %(Var a, Var b) =>
        Tape.Binary(a, b, a.Value % b.Value, 1.0, -Math.Truncate(a.Value / b.Value));

    /// <summary>Negation.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>−a, recorded.</returns>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Var operator -(Var a) => Tape.Unary(a, -a.Value, -1.0);

    /// <summary>Unary plus (identity, nothing recorded).</summary>
    /// <param name="a">The operand.</param>
    /// <returns>a.</returns>
    public static Var operator +(Var a) => a;

    /// <summary>Adds one.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>a + 1, recorded.</returns>
    public static Var operator ++(Var a) => a + 1.0;

    /// <summary>Subtracts one.</summary>
    /// <param name="a">The operand.</param>
    /// <returns>a − 1, recorded.</returns>
    public static Var operator --(Var a) => a - 1.0;

    /// <summary>Compares values.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value == b.Value.</returns>
    public static bool operator ==(Var a, Var b) => a.Value == b.Value;

    /// <summary>Compares values.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value != b.Value.</returns>
    public static bool operator !=(Var a, Var b) => a.Value != b.Value;

    /// <summary>Compares values.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &lt; b.Value.</returns>
    public static bool operator <(Var a, Var b) => a.Value < b.Value;

    /// <summary>Compares values.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &gt; b.Value.</returns>
    public static bool operator >(Var a, Var b) => a.Value > b.Value;

    /// <summary>Compares values.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &lt;= b.Value.</returns>
    public static bool operator <=(Var a, Var b) => a.Value <= b.Value;

    /// <summary>Compares values.</summary>
    /// <param name="a">The left operand.</param>
    /// <param name="b">The right operand.</param>
    /// <returns>Whether a.Value &gt;= b.Value.</returns>
    public static bool operator >=(Var a, Var b) => a.Value >= b.Value;

    /// <summary>Whether the values are equal (like <c>==</c>, but NaN equals NaN).</summary>
    /// <param name="other">The other value.</param>
    /// <returns>Whether the values are equal.</returns>
    public bool Equals(Var other) => Value.Equals(other.Value);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is Var other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => Value.GetHashCode();

    /// <summary>Compares values.</summary>
    /// <param name="other">The other value.</param>
    /// <returns>The order of the values, as <see cref="double.CompareTo(double)"/>.</returns>
    public int CompareTo(Var other) => Value.CompareTo(other.Value);

    /// <summary>Compares values.</summary>
    /// <param name="obj">A <see cref="Var"/> or null.</param>
    /// <returns>The order of the values; null sorts first.</returns>
    /// <exception cref="ArgumentException"><paramref name="obj"/> is not a <see cref="Var"/>.</exception>
    public int CompareTo(object? obj) => obj switch
    {
        null => 1,
        Var other => CompareTo(other),
        _ => throw new ArgumentException($"Expected a {nameof(Var)}, got {obj.GetType()}.", nameof(obj)),
    };

    /// <summary>Formats the value in the invariant culture.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => ToString(null, CultureInfo.InvariantCulture);

    /// <summary>Formats the value.</summary>
    /// <param name="format">A <see cref="double"/> format string, or null.</param>
    /// <param name="formatProvider">The culture; null means the invariant culture.</param>
    /// <returns>The text.</returns>
    public string ToString(string? format, IFormatProvider? formatProvider) =>
        Value.ToString(format, formatProvider ?? CultureInfo.InvariantCulture);
}
