namespace Leibniz;

/// <summary>Argument checks shared by the public entry points, each throwing an exception that names the argument.</summary>
internal static class Arguments
{
    internal static void ThrowIfEmpty(ReadOnlySpan<double> values, string paramName)
    {
        if (values.IsEmpty)
        {
            throw new ArgumentException("Expected at least one coordinate, got an empty span.", paramName);
        }
    }

    internal static void ThrowIfLengthDiffers(int actual, int expected, string paramName)
    {
        if (actual != expected)
        {
            throw new ArgumentException(
                $"Expected length {expected} (one element per coordinate of x), got {actual}.", paramName);
        }
    }

    internal static void ThrowIfNotPositiveFinite(double value, string paramName)
    {
        if (!(value > 0 && double.IsFinite(value)))
        {
            throw new ArgumentOutOfRangeException(
                paramName, value, "Expected a finite, positive number (not NaN, 0, negative or infinite).");
        }
    }
}
