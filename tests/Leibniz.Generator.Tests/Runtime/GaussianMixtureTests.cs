using CsCheck;
using Leibniz.Testing;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>The Gaussian-mixture log-likelihood's generated gradient against finite differences on random mixtures.</summary>
public sealed class GaussianMixtureTests
{
    [Fact]
    public void GradientMatchesFiniteDifferences() =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 3], Gen.Int[1, 6], Gen.Double[-1, 1].Array[200]).Sample((components, d, n, pool) =>
        {
            var m = d + d * (d - 1) / 2;
            var alphas = pool.AsSpan(0, components).ToArray();
            var means = pool.AsSpan(10, components * d).ToArray();
            var icf = pool.AsSpan(30, components * m).ToArray();
            var points = pool.AsSpan(100, n * d).ToArray();
            var dAlphas = new double[components];
            var dMeans = new double[means.Length];
            var dIcf = new double[icf.Length];

            var value = GaussianMixture.LogLikelihoodGradient(alphas, means, icf, points, d, dAlphas, dMeans, dIcf);

            Assert.Equal(GaussianMixture.LogLikelihood(alphas, means, icf, points, d), value, 12);
            var all = alphas.Concat(means).Concat(icf).ToArray();
            var expected = FiniteDifference.Gradient(
                v => GaussianMixture.LogLikelihood(v[..components], v[components..(components + means.Length)], v[(components + means.Length)..], points, d),
                all, accuracy: 4);
            var actual = dAlphas.Concat(dMeans).Concat(dIcf).ToArray();
            for (var i = 0; i < all.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-6 * (1 + Math.Abs(expected[i])), $"∂/∂θ[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
            }
        }, iter: 100);
}
