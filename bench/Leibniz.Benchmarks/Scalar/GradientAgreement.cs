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

    /// <summary>
    /// Checks a gradient against central differences computed here, independently of every method under test
    /// (step 1e-6·max(1, |xᵢ|), so agreement to about 1e-6 relative is all one can ask).
    /// </summary>
    public static void CheckAgainstDifferences(string what, Func<double[], double> f, double[] x,
        ReadOnlySpan<double> gradient)
    {
        var point = (double[])x.Clone();
        var estimate = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-6 * Math.Max(1, Math.Abs(x[i]));
            point[i] = x[i] + h;
            var up = f(point);
            point[i] = x[i] - h;
            var down = f(point);
            point[i] = x[i];
            estimate[i] = (up - down) / (2 * h);
        }

        Check(what + " vs central differences", estimate, gradient, 1e-5);
    }

    /// <summary>The components of a (value, ∂₁, ∂₂, …) tuple of any length, in order.</summary>
    public static double[] Components(System.Runtime.CompilerServices.ITuple tuple)
    {
        var components = new double[tuple.Length];
        for (var i = 0; i < components.Length; i++)
        {
            components[i] = (double)tuple[i]!;
        }

        return components;
    }
}
