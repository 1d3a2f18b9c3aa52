using System.Numerics;

namespace Leibniz;

// The .NET generic-math interfaces, so that a method written once against INumberBase<T>,
// ITrigonometricFunctions<T>, … runs on double, Var and Var alike. Members that only restate the value's
// classification, constants, parsing or conversion are inherited from IValueScalar: they behave as for the value.
public readonly partial struct Var :
    IValueScalar<Var>
{
    static Var IValueScalar<Var>.FromValue(double value) => value;

    static Var ITrigonometricFunctions<Var>.AcosPi(Var x) => Acos(x) / Math.PI;

    static Var ITrigonometricFunctions<Var>.AsinPi(Var x) => Asin(x) / Math.PI;

    static Var ITrigonometricFunctions<Var>.AtanPi(Var x) => Atan(x) / Math.PI;

    static Var ITrigonometricFunctions<Var>.CosPi(Var x) => Cos(x * Math.PI);

    static Var ITrigonometricFunctions<Var>.SinPi(Var x) => Sin(x * Math.PI);

    static Var ITrigonometricFunctions<Var>.TanPi(Var x) => Tan(x * Math.PI);

    static (Var SinPi, Var CosPi) ITrigonometricFunctions<Var>.SinCosPi(Var x) => (Sin(x * Math.PI), Cos(x * Math.PI));

    static Var IRootFunctions<Var>.RootN(Var x, int n) => RootN(x, n);

    bool ISpanFormattable.TryFormat(
        Span<char> destination, out int charsWritten, ReadOnlySpan<char> format, IFormatProvider? provider)
    {
        var text = ToString(format.IsEmpty ? null : format.ToString(), provider);
        charsWritten = text.Length <= destination.Length ? text.Length : 0;
        return text.AsSpan().TryCopyTo(destination);
    }
}
