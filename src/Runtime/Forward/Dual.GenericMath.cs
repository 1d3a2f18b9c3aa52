using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Leibniz;

// The .NET generic-math interfaces, so that a method written once against INumberBase<T>,
// ITrigonometricFunctions<T>, … runs on double, Dual and Var alike. Members that only restate the value's
// classification, parsing or conversion are explicit implementations: they behave as for the value.
public readonly partial struct Dual :
    INumber<Dual>,
    ISignedNumber<Dual>,
    ITrigonometricFunctions<Dual>,
    IExponentialFunctions<Dual>,
    ILogarithmicFunctions<Dual>,
    IPowerFunctions<Dual>,
    IRootFunctions<Dual>,
    IHyperbolicFunctions<Dual>
{
    static Dual INumberBase<Dual>.One => 1.0;

    static Dual INumberBase<Dual>.Zero => 0.0;

    static int INumberBase<Dual>.Radix => 2;

    static Dual IAdditiveIdentity<Dual, Dual>.AdditiveIdentity => 0.0;

    static Dual IMultiplicativeIdentity<Dual, Dual>.MultiplicativeIdentity => 1.0;

    static Dual ISignedNumber<Dual>.NegativeOne => -1.0;

    static Dual IFloatingPointConstants<Dual>.E => Math.E;

    static Dual IFloatingPointConstants<Dual>.Pi => Math.PI;

    static Dual IFloatingPointConstants<Dual>.Tau => Math.Tau;

    static bool INumberBase<Dual>.IsCanonical(Dual value) => true;

    static bool INumberBase<Dual>.IsComplexNumber(Dual value) => false;

    static bool INumberBase<Dual>.IsEvenInteger(Dual value) => double.IsEvenInteger(value.Value);

    static bool INumberBase<Dual>.IsFinite(Dual value) => double.IsFinite(value.Value);

    static bool INumberBase<Dual>.IsImaginaryNumber(Dual value) => false;

    static bool INumberBase<Dual>.IsInfinity(Dual value) => double.IsInfinity(value.Value);

    static bool INumberBase<Dual>.IsInteger(Dual value) => double.IsInteger(value.Value);

    static bool INumberBase<Dual>.IsNaN(Dual value) => double.IsNaN(value.Value);

    static bool INumberBase<Dual>.IsNegative(Dual value) => double.IsNegative(value.Value);

    static bool INumberBase<Dual>.IsNegativeInfinity(Dual value) => double.IsNegativeInfinity(value.Value);

    static bool INumberBase<Dual>.IsNormal(Dual value) => double.IsNormal(value.Value);

    static bool INumberBase<Dual>.IsOddInteger(Dual value) => double.IsOddInteger(value.Value);

    static bool INumberBase<Dual>.IsPositive(Dual value) => double.IsPositive(value.Value);

    static bool INumberBase<Dual>.IsPositiveInfinity(Dual value) => double.IsPositiveInfinity(value.Value);

    static bool INumberBase<Dual>.IsRealNumber(Dual value) => double.IsRealNumber(value.Value);

    static bool INumberBase<Dual>.IsSubnormal(Dual value) => double.IsSubnormal(value.Value);

    static bool INumberBase<Dual>.IsZero(Dual value) => value.Value == 0;

    static Dual INumberBase<Dual>.MaxMagnitude(Dual x, Dual y) =>
        double.MaxMagnitude(x.Value, y.Value).Equals(x.Value) ? x : y;

    static Dual INumberBase<Dual>.MaxMagnitudeNumber(Dual x, Dual y) =>
        double.MaxMagnitudeNumber(x.Value, y.Value).Equals(x.Value) ? x : y;

    static Dual INumberBase<Dual>.MinMagnitude(Dual x, Dual y) =>
        double.MinMagnitude(x.Value, y.Value).Equals(x.Value) ? x : y;

    static Dual INumberBase<Dual>.MinMagnitudeNumber(Dual x, Dual y) =>
        double.MinMagnitudeNumber(x.Value, y.Value).Equals(x.Value) ? x : y;

    static int INumber<Dual>.Sign(Dual value) => Math.Sign(value.Value);

    static Dual INumber<Dual>.MaxNumber(Dual x, Dual y) => double.IsNaN(x.Value) ? y : double.IsNaN(y.Value) ? x : Max(x, y);

    static Dual INumber<Dual>.MinNumber(Dual x, Dual y) => double.IsNaN(x.Value) ? y : double.IsNaN(y.Value) ? x : Min(x, y);

    static Dual ITrigonometricFunctions<Dual>.AcosPi(Dual x) => Acos(x) / Math.PI;

    static Dual ITrigonometricFunctions<Dual>.AsinPi(Dual x) => Asin(x) / Math.PI;

    static Dual ITrigonometricFunctions<Dual>.AtanPi(Dual x) => Atan(x) / Math.PI;

    static Dual ITrigonometricFunctions<Dual>.CosPi(Dual x) => Cos(x * Math.PI);

    static Dual ITrigonometricFunctions<Dual>.SinPi(Dual x) => Sin(x * Math.PI);

    static Dual ITrigonometricFunctions<Dual>.TanPi(Dual x) => Tan(x * Math.PI);

    static (Dual Sin, Dual Cos) ITrigonometricFunctions<Dual>.SinCos(Dual x) => (Sin(x), Cos(x));

    static (Dual SinPi, Dual CosPi) ITrigonometricFunctions<Dual>.SinCosPi(Dual x) => (Sin(x * Math.PI), Cos(x * Math.PI));

    static Dual IRootFunctions<Dual>.RootN(Dual x, int n) => RootN(x, n);

    static Dual INumberBase<Dual>.Parse(string s, NumberStyles style, IFormatProvider? provider) =>
        double.Parse(s, style, provider);

    static Dual INumberBase<Dual>.Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) =>
        double.Parse(s, style, provider);

    static Dual IParsable<Dual>.Parse(string s, IFormatProvider? provider) => double.Parse(s, provider);

    static Dual ISpanParsable<Dual>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => double.Parse(s, provider);

    static bool INumberBase<Dual>.TryParse(
        [NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out Dual result) =>
        FromParsed(double.TryParse(s, style, provider, out var value), value, out result);

    static bool INumberBase<Dual>.TryParse(
        ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Dual result) =>
        FromParsed(double.TryParse(s, style, provider, out var value), value, out result);

    static bool IParsable<Dual>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Dual result) =>
        FromParsed(double.TryParse(s, provider, out var value), value, out result);

    static bool ISpanParsable<Dual>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Dual result) =>
        FromParsed(double.TryParse(s, provider, out var value), value, out result);

    static bool INumberBase<Dual>.TryConvertFromChecked<TOther>(TOther value, out Dual result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<Dual>.TryConvertFromSaturating<TOther>(TOther value, out Dual result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<Dual>.TryConvertFromTruncating<TOther>(TOther value, out Dual result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<Dual>.TryConvertToChecked<TOther>(Dual value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    static bool INumberBase<Dual>.TryConvertToSaturating<TOther>(Dual value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    static bool INumberBase<Dual>.TryConvertToTruncating<TOther>(Dual value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    bool ISpanFormattable.TryFormat(
        Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        charsWritten = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }

    private static bool FromParsed(bool parsed, double value, out Dual result)
    {
        result = parsed ? value : default;
        return parsed;
    }

    private static bool FromConverted(bool converted, double value, out Dual result)
    {
        result = converted ? value : default;
        return converted;
    }
}
