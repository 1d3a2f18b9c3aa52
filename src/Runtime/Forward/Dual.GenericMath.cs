using System.Numerics;

namespace Leibniz;

// The .NET generic-math interfaces, so that a method written once against INumberBase<T>,
// ITrigonometricFunctions<T>, … runs on double, Dual and Var alike. Members that only restate the value's
// classification, constants, parsing or conversion are inherited from IValueScalar: they behave as for the value.
public readonly partial struct Dual :
    IValueScalar<Dual>
{
    static Dual IValueScalar<Dual>.FromValue(double value) => value;

    static Dual ITrigonometricFunctions<Dual>.AcosPi(Dual x) => Acos(x) / Math.PI;

    static Dual ITrigonometricFunctions<Dual>.AsinPi(Dual x) => Asin(x) / Math.PI;

    static Dual ITrigonometricFunctions<Dual>.AtanPi(Dual x) => Atan(x) / Math.PI;

    static Dual ITrigonometricFunctions<Dual>.CosPi(Dual x) => Cos(x * Math.PI);

    static Dual ITrigonometricFunctions<Dual>.SinPi(Dual x) => Sin(x * Math.PI);

    static Dual ITrigonometricFunctions<Dual>.TanPi(Dual x) => Tan(x * Math.PI);

    static (Dual SinPi, Dual CosPi) ITrigonometricFunctions<Dual>.SinCosPi(Dual x) => (Sin(x * Math.PI), Cos(x * Math.PI));

    static Dual IRootFunctions<Dual>.RootN(Dual x, int n) => RootN(x, n);

    bool ISpanFormattable.TryFormat(
        Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        charsWritten = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }
}
