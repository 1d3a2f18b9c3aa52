namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// Run in every suite's global setup: a benchmark of a wrong gradient is worthless, so each method's value and
/// gradient must match the hand-written one before anything is timed.
/// </summary>
public static class GradientAgreement
{
    /// <summary>Throws when <paramref name="actual"/> differs from <paramref name="expected"/> beyond tolerance.</summary>
    public static void Check(string what, ReadOnlySpan<double> expected, ReadOnlySpan<double> actual,
        double tolerance = 1e-9)
    {
        if (expected.Length != actual.Length)
        {
            throw new InvalidOperationException($"{what}: {actual.Length} components, expected {expected.Length}.");
        }

        for (var i = 0; i < expected.Length; i++)
        {
            var scale = Math.Max(1, Math.Abs(expected[i]));
            if (!(Math.Abs(expected[i] - actual[i]) <= tolerance * scale))
            {
                throw new InvalidOperationException(
                    $"{what}: component {i} is {actual[i]:R}, expected {expected[i]:R}.");
            }
        }
    }
}
