using CsCheck;
using Leibniz.Testing;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>
/// ADBench's Gaussian mixture written with a running index (idx++ through the packed triangle) and with computed
/// indices: the same objective as <see cref="GaussianMixture"/>, so values and gradients must agree with its.
/// </summary>
public sealed class IndexedMixtureTests
{
    private delegate double MixtureGradient(ReadOnlySpan<double> alphas, ReadOnlySpan<double> means, ReadOnlySpan<double> icf, ReadOnlySpan<double> points, int d,
        Span<double> dAlphas, Span<double> dMeans, Span<double> dIcf);

    [Fact]
    public void RunningAndComputedIndicesGiveTheRowWiseMixturesGradient() =>
        Gen.Select(Gen.Int[1, 4], Gen.Int[1, 4], Gen.Int[1, 6], Gen.Double[-1, 1].Array[200]).Sample((components, d, n, pool) =>
        {
            var m = d + d * (d - 1) / 2;
            var alphas = pool.AsSpan(0, components).ToArray();
            var means = pool.AsSpan(10, components * d).ToArray();
            var icf = pool.AsSpan(30, components * m).ToArray();
            var points = pool.AsSpan(100, n * d).ToArray();
            var expected = (new double[components], new double[means.Length], new double[icf.Length]);
            var value = GaussianMixture.LogLikelihoodGradient(alphas, means, icf, points, d, expected.Item1, expected.Item2, expected.Item3);
            foreach (var gradient in new MixtureGradient[] { IndexedMixture.RunningIndexGradient, IndexedMixture.ComputedIndexGradient })
            {
                var actual = (new double[components], new double[means.Length], new double[icf.Length]);
                Assert.Equal(value, gradient(alphas, means, icf, points, d, actual.Item1, actual.Item2, actual.Item3), 11);
                foreach (var (e, a) in expected.Item1.Concat(expected.Item2).Concat(expected.Item3).Zip(actual.Item1.Concat(actual.Item2).Concat(actual.Item3)))
                {
                    Assert.True(Math.Abs(e - a) <= 1e-10 * (1 + Math.Abs(e)), $"expected {e:R}, got {a:R}");
                }
            }

            Assert.Equal(value, IndexedMixture.RunningIndex(alphas, means, icf, points, d), 11);
            var direction = icf.Select((_, i) => Math.Sin(i)).ToArray();
            var (_, tangent) = IndexedMixture.RunningIndexJvp(alphas, means, icf, points, d, new double[components], new double[means.Length], direction);
            Assert.Equal(expected.Item3.Zip(direction, (g, v) => g * v).Sum(), tangent, 9);
        }, iter: 60);

    [Fact]
    public void BothGradientsAllocateNothingAfterWarmUp()
    {
        const int components = 25, d = 10, n = 100;
        var m = d + d * (d - 1) / 2;
        var (alphas, means, icf, points) = (new double[components], new double[components * d], new double[components * m], new double[n * d]);
        for (var i = 0; i < points.Length; i++)
        {
            points[i] = Math.Sin(i);
        }

        var (dAlphas, dMeans, dIcf) = (new double[components], new double[means.Length], new double[icf.Length]);
        Runtime.Allocations.AssertNoneAfterWarmUp(
            () => IndexedMixture.RunningIndexGradient(alphas, means, icf, points, d, dAlphas, dMeans, dIcf)
                + IndexedMixture.ComputedIndexGradient(alphas, means, icf, points, d, dAlphas, dMeans, dIcf),
            repetitions: 3);
    }
}
