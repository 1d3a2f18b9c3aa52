using System.Globalization;

namespace Leibniz.Tests;

/// <summary>Floating-point comparisons with a relative tolerance and a readable failure message.</summary>
internal static class Close
{
    public static double RelativeError(double expected, double actual)
    {
        if (expected.Equals(actual))
        {
            return 0;
        }

        return Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), double.Epsilon);
    }

    public static void Relative(double expected, double actual, double tolerance, string what = "")
    {
        var error = RelativeError(expected, actual);
        Assert.True(
            error <= tolerance,
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: expected {expected:R}, got {actual:R}, relative error {error:G3} > {tolerance:G3}"));
    }

    /// <summary>|actual − expected| ≤ absolute + relative·|expected|.</summary>
    public static void Within(double expected, double actual, double relative, double absolute, string what = "")
    {
        var error = Math.Abs(actual - expected);
        Assert.True(
            error <= absolute + relative * Math.Abs(expected),
            string.Create(
                CultureInfo.InvariantCulture,
                $"{what}: expected {expected:R}, got {actual:R}, error {error:G3} > {absolute:G3} + {relative:G3}·|expected|"));
    }
}
