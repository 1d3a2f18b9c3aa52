namespace Leibniz.Samples.Perceptron;

/// <summary>A labelled set of points in the plane.</summary>
/// <param name="X">The points, one (x, y) per row.</param>
/// <param name="Labels">0 or 1 for each point.</param>
public sealed record PointSet(double[][] X, double[] Labels)
{
    /// <summary>The smallest distance of a point of <see cref="Separable"/> to the separating line.</summary>
    public const double Margin = 0.1;

    /// <summary>
    /// Points of [-3, 3]² labelled by the line y = 0.8x + 0.5, keeping only those at least <see cref="Margin"/> away, so
    /// that the set is linearly separable by construction, with a margin (which bounds the perceptron's mistakes).
    /// </summary>
    public static PointSet Separable(int count, int seed)
    {
        var random = new Random(seed);
        var points = new List<double[]>();
        var labels = new List<double>();
        while (points.Count < count)
        {
            var x = -3 + 6 * random.NextDouble();
            var y = -3 + 6 * random.NextDouble();
            var signedDistance = (y - (0.8 * x + 0.5)) / Math.Sqrt(1 + 0.8 * 0.8);
            if (Math.Abs(signedDistance) < Margin)
            {
                continue;
            }

            points.Add([x, y]);
            labels.Add(signedDistance > 0 ? 1 : 0);
        }

        return new PointSet([.. points], [.. labels]);
    }

    /// <summary>XOR's truth table: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0.</summary>
    public static PointSet Xor { get; } = new([[0, 0], [0, 1], [1, 0], [1, 1]], [0, 1, 1, 0]);

    /// <summary>The tensor of points, [count, 2].</summary>
    public Tensor Features() => Tensor.FromArray(X.SelectMany(p => p).ToArray(), X.Length, 2);

    /// <summary>The same labels as −1/+1, for the sign activation.</summary>
    public double[] SignLabels() => Labels.Select(l => 2 * l - 1).ToArray();
}
