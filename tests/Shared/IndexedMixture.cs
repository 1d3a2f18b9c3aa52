using Leibniz;

namespace Leibniz.Testing;

/// <summary>
/// The Gaussian-mixture log-likelihood of <see cref="GaussianMixture"/> (the same objective and parameter layout) written
/// the way ADBench's C++ writes it: per point and component, the centred point and Q·(x − μ) in two buffers, the
/// strictly lower triangle of Q walked column by column with a running index <c>idx++</c>
/// (<see cref="RunningIndex"/>), or with the index computed from the loop variables (<see cref="ComputedIndex"/>);
/// the pair measures what the running index's integer state costs the gradient. Linked into the generator's tests
/// and the benchmarks.
/// </summary>
public static partial class IndexedMixture
{
    [Differentiable]
    public static double RunningIndex(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, [NoDerivative] ReadOnlySpan<double> points, int d)
    {
        int components = alphas.Length;
        int n = points.Length / d;
        int m = d + d * (d - 1) / 2;
        Span<double> centred = stackalloc double[d];
        Span<double> scaled = stackalloc double[d];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double largest = double.NegativeInfinity;
            double sum = 0;
            for (int k = 0; k < components; k++)
            {
                double logDeterminant = 0;
                for (int j = 0; j < d; j++)
                {
                    centred[j] = points[i * d + j] - means[k * d + j];
                    logDeterminant += icf[k * m + j];
                    scaled[j] = Math.Exp(icf[k * m + j]) * centred[j];
                }

                int idx = k * m + d;
                for (int c = 0; c < d; c++)
                {
                    for (int r = c + 1; r < d; r++)
                    {
                        scaled[r] += icf[idx] * centred[c];
                        idx++;
                    }
                }

                double quadratic = 0;
                for (int j = 0; j < d; j++)
                {
                    quadratic += scaled[j] * scaled[j];
                }

                double v = alphas[k] + logDeterminant - 0.5 * quadratic;
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

        double alphaLargest = double.NegativeInfinity;
        for (int k = 0; k < components; k++)
        {
            alphaLargest = Math.Max(alphaLargest, alphas[k]);
        }

        double alphaSum = 0;
        for (int k = 0; k < components; k++)
        {
            alphaSum += Math.Exp(alphas[k] - alphaLargest);
        }

        return total - n * (alphaLargest + Math.Log(alphaSum));
    }

    [Differentiable]
    public static double ComputedIndex(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, [NoDerivative] ReadOnlySpan<double> points, int d)
    {
        int components = alphas.Length;
        int n = points.Length / d;
        int m = d + d * (d - 1) / 2;
        Span<double> centred = stackalloc double[d];
        Span<double> scaled = stackalloc double[d];
        double total = 0;
        for (int i = 0; i < n; i++)
        {
            double largest = double.NegativeInfinity;
            double sum = 0;
            for (int k = 0; k < components; k++)
            {
                double logDeterminant = 0;
                for (int j = 0; j < d; j++)
                {
                    centred[j] = points[i * d + j] - means[k * d + j];
                    logDeterminant += icf[k * m + j];
                    scaled[j] = Math.Exp(icf[k * m + j]) * centred[j];
                }

                for (int c = 0; c < d; c++)
                {
                    for (int r = c + 1; r < d; r++)
                    {
                        scaled[r] += icf[k * m + d + c * (2 * d - c - 1) / 2 + r - c - 1] * centred[c];
                    }
                }

                double quadratic = 0;
                for (int j = 0; j < d; j++)
                {
                    quadratic += scaled[j] * scaled[j];
                }

                double v = alphas[k] + logDeterminant - 0.5 * quadratic;
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

        double alphaLargest = double.NegativeInfinity;
        for (int k = 0; k < components; k++)
        {
            alphaLargest = Math.Max(alphaLargest, alphas[k]);
        }

        double alphaSum = 0;
        for (int k = 0; k < components; k++)
        {
            alphaSum += Math.Exp(alphas[k] - alphaLargest);
        }

        return total - n * (alphaLargest + Math.Log(alphaSum));
    }
}
