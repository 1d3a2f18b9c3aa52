namespace Leibniz.Samples.Rastrigin;

/// <summary>A test region: the points whose Chebyshev norm max(|x|, |y|) lies in (Inner, Outer].</summary>
/// <param name="Name">How the table names it.</param>
/// <param name="Inner">The inner bound (exclusive; 0 for the training square itself).</param>
/// <param name="Outer">The outer bound (inclusive).</param>
public sealed record Region(string Name, double Inner, double Outer)
{
    /// <summary>The training square and two rings around it, each as wide again as half the square.</summary>
    public static IReadOnlyList<Region> All { get; } =
    [
        new("inside [-5.12, 5.12]² (trained)", 0, RastriginFunction.Domain),
        new("ring to ±7.68 (1.5×)", RastriginFunction.Domain, 1.5 * RastriginFunction.Domain),
        new("ring to ±10.24 (2×)", 1.5 * RastriginFunction.Domain, 2 * RastriginFunction.Domain),
    ];

    /// <summary><paramref name="count"/> uniform points of the region (rejection sampling in its bounding square).</summary>
    public double[] Sample(int count, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var points = new double[2 * count];
        for (var i = 0; i < count;)
        {
            var x = Outer * (2 * random.NextDouble() - 1);
            var y = Outer * (2 * random.NextDouble() - 1);
            var norm = Math.Max(Math.Abs(x), Math.Abs(y));
            if (norm > Inner || Inner == 0)
            {
                points[2 * i] = x;
                points[2 * i + 1] = y;
                i++;
            }
        }

        return points;
    }
}
