using System.Numerics.Tensors;

namespace Leibniz.Symbolic;

/// <summary>
/// The least-squares scale and offset of a prediction: the a and b minimizing Σ (a·fᵢ + b − yᵢ)², in closed form.
/// Applied to every model (as Operon and Keijzer's linear scaling do), so the search looks for a formula's shape and
/// never spends nodes on its overall scale and offset.
/// </summary>
public static class LinearScaling
{
    /// <summary>The scale and offset that best map <paramref name="prediction"/> onto <paramref name="target"/>.</summary>
    /// <param name="prediction">The model's values.</param>
    /// <param name="target">The values to fit, as long as <paramref name="prediction"/>.</param>
    /// <returns>(a, b); a is 1 when the prediction is constant, and both are NaN when it is not finite.</returns>
    public static (double Scale, double Offset) Fit(ReadOnlySpan<double> prediction, ReadOnlySpan<double> target)
    {
        if (prediction.Length != target.Length || prediction.IsEmpty)
        {
            throw new ArgumentException($"{prediction.Length} predictions for {target.Length} targets.", nameof(prediction));
        }

        var n = prediction.Length;
        var meanF = Reductions.Sum(prediction) / n;
        var meanY = Reductions.Sum(target) / n;
        double covariance = 0, variance = 0;
        for (var i = 0; i < n; i++)
        {
            var df = prediction[i] - meanF;
            covariance += df * (target[i] - meanY);
            variance += df * df;
        }

        if (!double.IsFinite(variance))
        {
            return (double.NaN, double.NaN);
        }

        var scale = variance > 1e-300 ? covariance / variance : 1;
        return (scale, meanY - scale * meanF);
    }
}
