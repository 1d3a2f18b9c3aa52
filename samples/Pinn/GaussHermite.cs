namespace Leibniz.Samples.Pinn;

/// <summary>
/// Gauss–Hermite quadrature: ∫ g(z)·e^{−z²} dz ≈ Σ wₖ·g(zₖ), exact for polynomials of degree &lt; 2n. Nodes by
/// Newton's method on the orthonormal Hermite recurrence (Numerical Recipes' <c>gauher</c>), which does not overflow.
/// </summary>
public sealed class GaussHermite
{
    /// <summary>Computes the n-point rule.</summary>
    /// <param name="n">The number of nodes, 1 to 100 (beyond, Newton's initial guesses stop finding every root).</param>
    public GaussHermite(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(n, 100);
        Nodes = new double[n];
        Weights = new double[n];
        var quarterPi = Math.Pow(Math.PI, -0.25);
        double z = 0;
        for (var i = 0; i < (n + 1) / 2; i++)
        {
            z = i switch
            {
                0 => Math.Sqrt((2.0 * n) + 1) - (1.85575 * Math.Pow((2.0 * n) + 1, -0.16667)),
                1 => z - (1.14 * Math.Pow(n, 0.426) / z),
                2 => (1.86 * z) - (0.86 * Nodes[0]),
                3 => (1.91 * z) - (0.91 * Nodes[1]),
                _ => (2 * z) - Nodes[i - 2],
            };
            double derivative = 0;
            for (var iteration = 0; iteration < 100; iteration++)
            {
                double p1 = quarterPi, p2 = 0;
                for (var j = 0; j < n; j++)
                {
                    var p3 = p2;
                    p2 = p1;
                    p1 = (z * Math.Sqrt(2.0 / (j + 1)) * p2) - (Math.Sqrt(j / (j + 1.0)) * p3);
                }

                derivative = Math.Sqrt(2.0 * n) * p2;
                var previous = z;
                z = previous - (p1 / derivative);
                if (Math.Abs(z - previous) <= 1e-15 * Math.Max(1, Math.Abs(z)))
                {
                    break;
                }
            }

            Nodes[i] = z;
            Nodes[n - 1 - i] = -z;
            Weights[i] = 2 / (derivative * derivative);
            Weights[n - 1 - i] = Weights[i];
        }
    }

    /// <summary>The nodes zₖ, largest first.</summary>
    public double[] Nodes { get; }

    /// <summary>The weights wₖ.</summary>
    public double[] Weights { get; }
}
