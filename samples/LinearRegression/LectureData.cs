namespace Leibniz.Samples.LinearRegression;

/// <summary>
/// The lecture's data: <c>X = torch.randn(100, 1) * 10</c>, <c>y = 3 * X + 2 + torch.randn(100, 1) * 0.5</c>,
/// and the starting parameters <c>w, b = torch.randn(1)</c>.
/// </summary>
/// <param name="X">The inputs.</param>
/// <param name="Y">The noisy targets.</param>
/// <param name="InitialW">The random starting slope.</param>
/// <param name="InitialB">The random starting intercept.</param>
public sealed record LectureData(double[] X, double[] Y, double InitialW, double InitialB)
{
    /// <summary>Draws the data from a seeded normal generator.</summary>
    public static LectureData Create(int seed, int count = 100)
    {
        var gaussian = new Gaussian(seed);
        var x = gaussian.Next(count).Select(v => v * 10).ToArray();
        var y = x.Select(v => 3 * v + 2 + gaussian.Next() * 0.5).ToArray();
        return new LectureData(x, y, gaussian.Next(), gaussian.Next());
    }

    /// <summary>
    /// Gradient descent on this mean squared error is stable only when lr·2·mean(x²) &lt; 2: the curvature of the
    /// loss in w is 2·mean(x²) ≈ 200 here, so the lecture's lr = 0.01 sits right at the edge.
    /// </summary>
    public double LargestStableLearningRate => 1 / X.Average(v => v * v);
}
