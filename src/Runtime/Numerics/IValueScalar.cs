using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Leibniz;

/// <summary>
/// A differentiable scalar that carries a <see cref="double"/> value (<see cref="Dual"/>, <see cref="Var"/>). The
/// generic-math members that only restate the value's classification, constants, parsing or conversion are written
/// once here, as default implementations; each type keeps only what depends on its derivative.
/// </summary>
/// <typeparam name="TSelf">The implementing type.</typeparam>
internal interface IValueScalar<TSelf> :
    INumber<TSelf>,
    ISignedNumber<TSelf>,
    ITrigonometricFunctions<TSelf>,
    IExponentialFunctions<TSelf>,
    ILogarithmicFunctions<TSelf>,
    IPowerFunctions<TSelf>,
    IRootFunctions<TSelf>,
    IHyperbolicFunctions<TSelf>
    where TSelf : struct, IValueScalar<TSelf>
{
    /// <summary>The value (the primal).</summary>
    double Value { get; }

    /// <summary>A constant: the value with no derivative.</summary>
    static abstract TSelf FromValue(double value);

    static TSelf INumberBase<TSelf>.One => TSelf.FromValue(1.0);

    static TSelf INumberBase<TSelf>.Zero => TSelf.FromValue(0.0);

    static int INumberBase<TSelf>.Radix => 2;

    static TSelf IAdditiveIdentity<TSelf, TSelf>.AdditiveIdentity => TSelf.FromValue(0.0);

    static TSelf IMultiplicativeIdentity<TSelf, TSelf>.MultiplicativeIdentity => TSelf.FromValue(1.0);

    static TSelf ISignedNumber<TSelf>.NegativeOne => TSelf.FromValue(-1.0);

    static TSelf IFloatingPointConstants<TSelf>.E => TSelf.FromValue(Math.E);

    static TSelf IFloatingPointConstants<TSelf>.Pi => TSelf.FromValue(Math.PI);

    static TSelf IFloatingPointConstants<TSelf>.Tau => TSelf.FromValue(Math.Tau);

    static bool INumberBase<TSelf>.IsCanonical(TSelf value) => true;

    static bool INumberBase<TSelf>.IsComplexNumber(TSelf value) => false;

    static bool INumberBase<TSelf>.IsEvenInteger(TSelf value) => double.IsEvenInteger(value.Value);

    static bool INumberBase<TSelf>.IsFinite(TSelf value) => double.IsFinite(value.Value);

    static bool INumberBase<TSelf>.IsImaginaryNumber(TSelf value) => false;

    static bool INumberBase<TSelf>.IsInfinity(TSelf value) => double.IsInfinity(value.Value);

    static bool INumberBase<TSelf>.IsInteger(TSelf value) => double.IsInteger(value.Value);

    static bool INumberBase<TSelf>.IsNaN(TSelf value) => double.IsNaN(value.Value);

    static bool INumberBase<TSelf>.IsNegative(TSelf value) => double.IsNegative(value.Value);

    static bool INumberBase<TSelf>.IsNegativeInfinity(TSelf value) => double.IsNegativeInfinity(value.Value);

    static bool INumberBase<TSelf>.IsNormal(TSelf value) => double.IsNormal(value.Value);

    static bool INumberBase<TSelf>.IsOddInteger(TSelf value) => double.IsOddInteger(value.Value);

    static bool INumberBase<TSelf>.IsPositive(TSelf value) => double.IsPositive(value.Value);

    static bool INumberBase<TSelf>.IsPositiveInfinity(TSelf value) => double.IsPositiveInfinity(value.Value);

    static bool INumberBase<TSelf>.IsRealNumber(TSelf value) => double.IsRealNumber(value.Value);

    static bool INumberBase<TSelf>.IsSubnormal(TSelf value) => double.IsSubnormal(value.Value);

    static bool INumberBase<TSelf>.IsZero(TSelf value) => value.Value == 0;

    static TSelf INumberBase<TSelf>.MaxMagnitude(TSelf x, TSelf y) =>
        double.MaxMagnitude(x.Value, y.Value).Equals(x.Value) ? x : y;

    static TSelf INumberBase<TSelf>.MaxMagnitudeNumber(TSelf x, TSelf y) =>
        double.MaxMagnitudeNumber(x.Value, y.Value).Equals(x.Value) ? x : y;

    static TSelf INumberBase<TSelf>.MinMagnitude(TSelf x, TSelf y) =>
        double.MinMagnitude(x.Value, y.Value).Equals(x.Value) ? x : y;

    static TSelf INumberBase<TSelf>.MinMagnitudeNumber(TSelf x, TSelf y) =>
        double.MinMagnitudeNumber(x.Value, y.Value).Equals(x.Value) ? x : y;

    static int INumber<TSelf>.Sign(TSelf value) => Math.Sign(value.Value);

    static TSelf INumber<TSelf>.MaxNumber(TSelf x, TSelf y) => double.IsNaN(x.Value) ? y : double.IsNaN(y.Value) ? x : TSelf.Max(x, y);

    static TSelf INumber<TSelf>.MinNumber(TSelf x, TSelf y) => double.IsNaN(x.Value) ? y : double.IsNaN(y.Value) ? x : TSelf.Min(x, y);

    static (TSelf Sin, TSelf Cos) ITrigonometricFunctions<TSelf>.SinCos(TSelf x) => (TSelf.Sin(x), TSelf.Cos(x));

    static TSelf INumberBase<TSelf>.Parse(string s, NumberStyles style, IFormatProvider? provider) =>
        TSelf.FromValue(double.Parse(s, style, provider));

    static TSelf INumberBase<TSelf>.Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) =>
        TSelf.FromValue(double.Parse(s, style, provider));

    static TSelf IParsable<TSelf>.Parse(string s, IFormatProvider? provider) => TSelf.FromValue(double.Parse(s, provider));

    static TSelf ISpanParsable<TSelf>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => TSelf.FromValue(double.Parse(s, provider));

    static bool INumberBase<TSelf>.TryParse(
        [NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out TSelf result) =>
        FromParsed(double.TryParse(s, style, provider, out var value), value, out result);

    static bool INumberBase<TSelf>.TryParse(
        ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out TSelf result) =>
        FromParsed(double.TryParse(s, style, provider, out var value), value, out result);

    static bool IParsable<TSelf>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out TSelf result) =>
        FromParsed(double.TryParse(s, provider, out var value), value, out result);

    static bool ISpanParsable<TSelf>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out TSelf result) =>
        FromParsed(double.TryParse(s, provider, out var value), value, out result);

    static bool INumberBase<TSelf>.TryConvertFromChecked<TOther>(TOther value, out TSelf result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<TSelf>.TryConvertFromSaturating<TOther>(TOther value, out TSelf result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<TSelf>.TryConvertFromTruncating<TOther>(TOther value, out TSelf result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<TSelf>.TryConvertToChecked<TOther>(TSelf value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    static bool INumberBase<TSelf>.TryConvertToSaturating<TOther>(TSelf value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    static bool INumberBase<TSelf>.TryConvertToTruncating<TOther>(TSelf value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    private static bool FromParsed(bool parsed, double value, out TSelf result)
    {
        result = parsed ? TSelf.FromValue(value) : default;
        return parsed;
    }

    private static bool FromConverted(bool converted, double value, out TSelf result)
    {
        result = converted ? TSelf.FromValue(value) : default;
        return converted;
    }
}
