using Leibniz;

namespace Leibniz.Testing;

/// <summary>
/// The Gaussian-mixture log-likelihood of the ADBench suite (without its constant and prior), as ordinary loops:
/// n points, K components, d dimensions. Component k has weight logit alphas[k], mean means[k·d..] and an
/// inverse Cholesky factor Q_k stored in icf[k·m..] (m = d + d(d−1)/2): d log-diagonal entries, then the
/// strictly lower triangle column by column. The log-sum-exp over components is computed in one stable pass.
/// Shared by the generator's tests and the benchmarks (linked into both projects).
/// </summary>
public static partial class GaussianMixture
{
    [Differentiable]
    public static double LogLikelihood(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, [NoDerivative] ReadOnlySpan<double> points, int d)
    {
        var components = alphas.Length;
        var n = points.Length / d;
        var m = d + d * (d - 1) / 2;
        var total = 0.0;
        for (int i = 0; i < n; i++)
        {
            var largest = double.NegativeInfinity;
            var sum = 0.0;
            for (int k = 0; k < components; k++)
            {
                var logDeterminant = 0.0;
                var quadratic = 0.0;
                for (int r = 0; r < d; r++)
                {
                    logDeterminant += icf[k * m + r];
                    var row = Math.Exp(icf[k * m + r]) * (points[i * d + r] - means[k * d + r]);
                    for (int c = 0; c < r; c++)
                    {
                        row += icf[k * m + d + c * (2 * d - c - 1) / 2 + r - c - 1] * (points[i * d + c] - means[k * d + c]);
                    }

                    quadratic += row * row;
                }

                var v = alphas[k] + logDeterminant - 0.5 * quadratic;
                if (v > largest)
                {
                    sum = sum * Math.Exp(largest - v) + 1;
                    largest = v;
                }
                else
                {
                    sum += Math.Exp(v - largest);
                }
            }

            total += largest + Math.Log(sum);
        }

        var alphaLargest = double.NegativeInfinity;
        for (int k = 0; k < components; k++)
        {
            alphaLargest = Math.Max(alphaLargest, alphas[k]);
        }

        var alphaSum = 0.0;
        for (int k = 0; k < components; k++)
        {
            alphaSum += Math.Exp(alphas[k] - alphaLargest);
        }

        return total - n * (alphaLargest + Math.Log(alphaSum));
    }
}
