using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Numerics;

namespace Leibniz;

// The .NET generic-math interfaces, so that a method written once against INumberBase<T>,
// ITrigonometricFunctions<T>, … runs on double, Dual and Var alike. Members that only restate the value's
// classification, parsing or conversion are explicit implementations: they behave as for the value.
public readonly partial struct Var :
    INumber<Var>,
    ISignedNumber<Var>,
    ITrigonometricFunctions<Var>,
    IExponentialFunctions<Var>,
    ILogarithmicFunctions<Var>,
    IPowerFunctions<Var>,
    IRootFunctions<Var>,
    IHyperbolicFunctions<Var>
{
    static Var INumberBase<Var>.One => 1.0;

    static Var INumberBase<Var>.Zero => 0.0;

    static int INumberBase<Var>.Radix => 2;

    static Var IAdditiveIdentity<Var, Var>.AdditiveIdentity => 0.0;

    static Var IMultiplicativeIdentity<Var, Var>.MultiplicativeIdentity => 1.0;

    static Var ISignedNumber<Var>.NegativeOne => -1.0;

    static Var IFloatingPointConstants<Var>.E => Math.E;

    static Var IFloatingPointConstants<Var>.Pi => Math.PI;

    static Var IFloatingPointConstants<Var>.Tau => Math.Tau;

    static bool INumberBase<Var>.IsCanonical(Var value) => true;

    static bool INumberBase<Var>.IsComplexNumber(Var value) => false;

    static bool INumberBase<Var>.IsEvenInteger(Var value) => double.IsEvenInteger(value.Value);

    static bool INumberBase<Var>.IsFinite(Var value) => double.IsFinite(value.Value);

    static bool INumberBase<Var>.IsImaginaryNumber(Var value) => false;

    static bool INumberBase<Var>.IsInfinity(Var value) => double.IsInfinity(value.Value);

    static bool INumberBase<Var>.IsInteger(Var value) => double.IsInteger(value.Value);

    static bool INumberBase<Var>.IsNaN(Var value) => double.IsNaN(value.Value);

    static bool INumberBase<Var>.IsNegative(Var value) => double.IsNegative(value.Value);

    static bool INumberBase<Var>.IsNegativeInfinity(Var value) => double.IsNegativeInfinity(value.Value);

    static bool INumberBase<Var>.IsNormal(Var value) => double.IsNormal(value.Value);

    static bool INumberBase<Var>.IsOddInteger(Var value) => double.IsOddInteger(value.Value);

    static bool INumberBase<Var>.IsPositive(Var value) => double.IsPositive(value.Value);

    static bool INumberBase<Var>.IsPositiveInfinity(Var value) => double.IsPositiveInfinity(value.Value);

    static bool INumberBase<Var>.IsRealNumber(Var value) => double.IsRealNumber(value.Value);

    static bool INumberBase<Var>.IsSubnormal(Var value) => double.IsSubnormal(value.Value);

    static bool INumberBase<Var>.IsZero(Var value) => value.Value == 0;

    static Var INumberBase<Var>.MaxMagnitude(Var x, Var y) =>
        double.MaxMagnitude(x.Value, y.Value).Equals(x.Value) ? x : y;

    static Var INumberBase<Var>.MaxMagnitudeNumber(Var x, Var y) =>
        double.MaxMagnitudeNumber(x.Value, y.Value).Equals(x.Value) ? x : y;

    static Var INumberBase<Var>.MinMagnitude(Var x, Var y) =>
        double.MinMagnitude(x.Value, y.Value).Equals(x.Value) ? x : y;

    static Var INumberBase<Var>.MinMagnitudeNumber(Var x, Var y) =>
        double.MinMagnitudeNumber(x.Value, y.Value).Equals(x.Value) ? x : y;

    static int INumber<Var>.Sign(Var value) => Math.Sign(value.Value);

    static Var INumber<Var>.MaxNumber(Var x, Var y) => double.IsNaN(x.Value) ? y : double.IsNaN(y.Value) ? x : Max(x, y);

    static Var INumber<Var>.MinNumber(Var x, Var y) => double.IsNaN(x.Value) ? y : double.IsNaN(y.Value) ? x : Min(x, y);

    static Var ITrigonometricFunctions<Var>.AcosPi(Var x) => Acos(x) / Math.PI;

    static Var ITrigonometricFunctions<Var>.AsinPi(Var x) => Asin(x) / Math.PI;

    static Var ITrigonometricFunctions<Var>.AtanPi(Var x) => Atan(x) / Math.PI;

    static Var ITrigonometricFunctions<Var>.CosPi(Var x) => Cos(x * Math.PI);

    static Var ITrigonometricFunctions<Var>.SinPi(Var x) => Sin(x * Math.PI);

    static Var ITrigonometricFunctions<Var>.TanPi(Var x) => Tan(x * Math.PI);

    static (Var Sin, Var Cos) ITrigonometricFunctions<Var>.SinCos(Var x) => (Sin(x), Cos(x));

    static (Var SinPi, Var CosPi) ITrigonometricFunctions<Var>.SinCosPi(Var x) => (Sin(x * Math.PI), Cos(x * Math.PI));

    static Var IRootFunctions<Var>.RootN(Var x, int n) => RootN(x, n);

    static Var INumberBase<Var>.Parse(string s, NumberStyles style, IFormatProvider? provider) =>
        double.Parse(s, style, provider);

    static Var INumberBase<Var>.Parse(ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider) =>
        double.Parse(s, style, provider);

    static Var IParsable<Var>.Parse(string s, IFormatProvider? provider) => double.Parse(s, provider);

    static Var ISpanParsable<Var>.Parse(ReadOnlySpan<char> s, IFormatProvider? provider) => double.Parse(s, provider);

    static bool INumberBase<Var>.TryParse(
        [NotNullWhen(true)] string? s, NumberStyles style, IFormatProvider? provider, out Var result) =>
        FromParsed(double.TryParse(s, style, provider, out var value), value, out result);

    static bool INumberBase<Var>.TryParse(
        ReadOnlySpan<char> s, NumberStyles style, IFormatProvider? provider, out Var result) =>
        FromParsed(double.TryParse(s, style, provider, out var value), value, out result);

    static bool IParsable<Var>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, out Var result) =>
        FromParsed(double.TryParse(s, provider, out var value), value, out result);

    static bool ISpanParsable<Var>.TryParse(ReadOnlySpan<char> s, IFormatProvider? provider, out Var result) =>
        FromParsed(double.TryParse(s, provider, out var value), value, out result);

    static bool INumberBase<Var>.TryConvertFromChecked<TOther>(TOther value, out Var result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<Var>.TryConvertFromSaturating<TOther>(TOther value, out Var result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<Var>.TryConvertFromTruncating<TOther>(TOther value, out Var result) =>
        FromConverted(NumberConversion.TryToDouble(value, out var d), d, out result);

    static bool INumberBase<Var>.TryConvertToChecked<TOther>(Var value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    static bool INumberBase<Var>.TryConvertToSaturating<TOther>(Var value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    static bool INumberBase<Var>.TryConvertToTruncating<TOther>(Var value, [MaybeNullWhen(false)] out TOther result) =>
        NumberConversion.TryFromDouble(value.Value, out result);

    bool ISpanFormattable.TryFormat(
        Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        charsWritten = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }

    private static bool FromParsed(bool parsed, double value, out Var result)
    {
        result = parsed ? value : default;
        return parsed;
    }

    private static bool FromConverted(bool converted, double value, out Var result)
    {
        result = converted ? value : default;
        return converted;
    }
}
