using System.Diagnostics.CodeAnalysis;
using System.Numerics;

namespace Leibniz;

/// <summary>
/// Conversions between <see cref="double"/> and the primitive number types, for the generic-math
/// <c>TryConvertFrom…</c>/<c>TryConvertTo…</c> members of <see cref="Dual"/> and <see cref="Var"/>: generic code
/// writes <c>T.CreateChecked(2)</c> and expects a constant.
/// </summary>
internal static class NumberConversion
{
    internal static bool TryToDouble<TOther>(TOther value, out double result)
        where TOther : INumberBase<TOther>
    {
        switch (value)
        {
            case double d: result = d; return true;
            case float f: result = f; return true;
            case int i: result = i; return true;
            case long l: result = l; return true;
            case short s: result = s; return true;
            case sbyte sb: result = sb; return true;
            case byte b: result = b; return true;
            case ushort us: result = us; return true;
            case uint ui: result = ui; return true;
            case ulong ul: result = ul; return true;
            case decimal m: result = (double)m; return true;
            case Half h: result = (double)h; return true;
            case Dual dual: result = dual.Value; return true;
            case Var v: result = v.Value; return true;
            default: result = 0; return false;
        }
    }

    internal static bool TryFromDouble<TOther>(double value, [MaybeNullWhen(false)] out TOther result)
    {
        object? boxed = typeof(TOther) == typeof(double) ? value
            : typeof(TOther) == typeof(float) ? (float)value
            : typeof(TOther) == typeof(decimal) ? (decimal)value
            : typeof(TOther) == typeof(Half) ? (Half)value
            : typeof(TOther) == typeof(Dual) ? (Dual)value
            : typeof(TOther) == typeof(Var) ? (Var)value
            : null;
        if (boxed is null)
        {
            result = default;
            return false;
        }

        result = (TOther)boxed;
        return true;
    }
}
