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

    /// <summary><see cref="Close(double, double, double)"/>, with what is compared in the message.</summary>
    public static void Close(double expected, double actual, double tolerance, string what) =>
        Assert.True(expected.Equals(actual) || Math.Abs(expected - actual) <= tolerance * (1 + Math.Abs(expected)), $"{what}: expected {expected:R}, got {actual:R}");

    /// <summary>A vector of <paramref name="n"/> numbers uniform in [−1, 1), reproducible from <paramref name="seed"/>.</summary>
    public static double[] RandomVector(int n, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, n).Select(_ => random.NextDouble() * 2 - 1).ToArray();
    }

    /// <summary>The n×n row-major <paramref name="hessian"/> is symmetric and times <paramref name="v"/> gives <paramref name="product"/> (the Hvp), to 10⁻¹⁰.</summary>
    public static void AssertSymmetricWithProduct(string name, IReadOnlyList<double> hessian, double[] v, IReadOnlyList<double> product)
    {
        var n = v.Length;
        for (var i = 0; i < n; i++)
        {
            var row = 0.0;
            for (var j = 0; j < n; j++)
            {
                Close(hessian[i * n + j], hessian[j * n + i], 1e-10, $"{name} symmetry [{i},{j}]");
                row += hessian[i * n + j] * v[j];
            }

            Close(row, product[i], 1e-10, $"{name} (H·v)[{i}]");
        }
    }
}
