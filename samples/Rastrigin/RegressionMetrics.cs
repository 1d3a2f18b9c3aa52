namespace Leibniz.Samples.Rastrigin;

/// <summary>Errors of predictions against the truth.</summary>
/// <param name="Rmse">Root mean squared error.</param>
/// <param name="Mae">Mean absolute error.</param>
/// <param name="RSquared">1 − SSE/SST: the share of the truth's variance explained (1 is perfect, 0 is the mean).</param>
/// <param name="TruthMean">The mean of the true values, for scale.</param>
public sealed record RegressionMetrics(double Rmse, double Mae, double RSquared, double TruthMean)
{
    /// <summary>Computes the metrics.</summary>
    public static RegressionMetrics Of(IReadOnlyList<double> predicted, IReadOnlyList<double> truth)
    {
        ArgumentNullException.ThrowIfNull(predicted);
        ArgumentNullException.ThrowIfNull(truth);
        var n = truth.Count;
        var mean = truth.Average();
        double sse = 0, sae = 0, sst = 0;
        for (var i = 0; i < n; i++)
        {
            var error = predicted[i] - truth[i];
            sse += error * error;
            sae += Math.Abs(error);
            sst += (truth[i] - mean) * (truth[i] - mean);
        }

        return new RegressionMetrics(Math.Sqrt(sse / n), sae / n, 1 - sse / sst, mean);
    }
}
