namespace Leibniz.Symbolic.Tests;

internal static class Close
{
    /// <summary>Equal to a relative and absolute tolerance; two NaNs or two equal infinities are equal.</summary>
    public static bool Enough(double expected, double actual, double tolerance = 1e-12) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected));

    public static void Assert(double expected, double actual, double tolerance, string what) =>
        Xunit.Assert.True(Enough(expected, actual, tolerance), $"{what}: expected {expected:R}, got {actual:R}");
}
