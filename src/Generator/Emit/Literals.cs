using System.Globalization;

namespace Leibniz.Generator.Emit;

/// <summary>Round-trip, culture-invariant C# literals.</summary>
internal static class Literals
{
    public static string Format(double value, bool isFloat)
    {
        var type = isFloat ? "float" : "double";
        if (double.IsNaN(value))
        {
            return type + ".NaN";
        }

        if (double.IsPositiveInfinity(value))
        {
            return type + ".PositiveInfinity";
        }

        if (double.IsNegativeInfinity(value))
        {
            return type + ".NegativeInfinity";
        }

        if (isFloat)
        {
            return ((float)value).ToString("R", CultureInfo.InvariantCulture) + "f";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.IndexOf('.') >= 0 || text.IndexOf('E') >= 0 ? text : text + ".0";
    }
}
