namespace Leibniz.Benchmarks.Loops;

/// <summary>Agreement checks run in the loop suites' global setup, before anything is timed.</summary>
public static class LoopChecks
{
    /// <summary>Throws unless <paramref name="actual"/> equals <paramref name="expected"/> to a relative tolerance.</summary>
    public static void Close(string what, double expected, double actual, double tolerance = 1e-9)
    {
        if (!(Math.Abs(expected - actual) <= tolerance * Math.Max(1, Math.Abs(expected))))
        {
            throw new InvalidOperationException($"{what}: {actual:R}, expected {expected:R}.");
        }
    }

    /// <summary>Throws unless two vectors agree component by component.</summary>
    public static void Close(string what, ReadOnlySpan<double> expected, ReadOnlySpan<double> actual,
        double tolerance = 1e-9)
    {
        if (expected.Length != actual.Length)
        {
            throw new InvalidOperationException($"{what}: {actual.Length} components, expected {expected.Length}.");
        }

        for (var i = 0; i < expected.Length; i++)
        {
            Close($"{what}[{i}]", expected[i], actual[i], tolerance);
        }
    }

    /// <summary>
    /// Checks components <paramref name="indices"/> of <paramref name="gradient"/> against central differences of
    /// <paramref name="f"/> (step 1e-6·max(1, |xᵢ|)), computed here independently of every method under test.
    /// </summary>
    public static void AgainstDifferences(string what, Func<double[], double> f, double[] x,
        ReadOnlySpan<double> gradient, IEnumerable<int> indices)
    {
        foreach (var i in indices)
        {
            var original = x[i];
            var h = 1e-6 * Math.Max(1, Math.Abs(original));
            x[i] = original + h;
            var up = f(x);
            x[i] = original - h;
            var down = f(x);
            x[i] = original;
            Close($"{what} vs central differences [{i}]", (up - down) / (2 * h), gradient[i], 1e-5);
        }
    }

    /// <summary>Up to <paramref name="count"/> indices spread evenly over 0..n−1, both ends included.</summary>
    public static IEnumerable<int> Spread(int n, int count)
    {
        var m = Math.Min(n, count);
        return Enumerable.Range(0, m).Select(k => (int)((long)k * (n - 1) / Math.Max(1, m - 1))).Distinct();
    }

    /// <summary>A deterministic, non-trivial point: xᵢ = 0.6 + 0.5·sin(0.7·i + phase).</summary>
    public static double[] Point(int n, double phase)
    {
        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = 0.6 + 0.5 * Math.Sin(0.7 * i + phase);
        }

        return x;
    }

    /// <summary>The dot product of two vectors.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var sum = 0.0;
        for (var i = 0; i < a.Length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }
}
