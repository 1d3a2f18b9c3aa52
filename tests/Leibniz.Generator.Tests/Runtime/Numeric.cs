namespace Leibniz.Generator.Tests.Runtime;

/// <summary>The independent reference the runtime tests compare with: central differences, and a relative tolerance.</summary>
internal static class Numeric
{
    /// <summary>Fourth-order central differences of <paramref name="f"/> at <paramref name="x"/>, with steps 10⁻³·(1 + |xᵢ|)·<paramref name="scale"/>.</summary>
    public static double[] CentralGradient(Func<double[], double> f, double[] x, double scale = 1)
    {
        var gradient = new double[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            var h = 1e-3 * scale * (1 + Math.Abs(x[i]));
            double At(double offset)
            {
                var shifted = (double[])x.Clone();
                shifted[i] += offset;
                return f(shifted);
            }

            gradient[i] = (At(-2 * h) - 8 * At(-h) + 8 * At(h) - At(2 * h)) / (12 * h);
        }

        return gradient;
    }

    /// <summary>Asserts |expected − actual| ≤ tolerance·(1 + |expected|) (or both equal, for infinities).</summary>
    public static void Close(double expected, double actual, double tolerance) =>
        Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}
