using Leibniz.Samples.Rastrigin;

namespace Leibniz.Samples.Tests;

public sealed class RastriginSampleTests
{
    [Fact]
    public void The_fit_is_good_inside_the_domain_and_bad_outside()
    {
        var (result, output, context) = SampleRun.Quick(RastriginSample.Run);

        // f's standard deviation on the square is ≈ 14.4 (the RMSE of predicting the mean). Even the quick run
        // learns the bowl x² + y², which explains half of the variance.
        var inside = result.Regions[0].Metrics;
        Assert.True(inside.Rmse < 11, $"inside RMSE {inside.Rmse}");
        Assert.True(inside.RSquared > 0.4, $"inside R² {inside.RSquared}");

        // Outside the training square the error grows ring after ring, beyond what predicting the mean would do.
        Assert.True(result.Regions[1].Metrics.Rmse > 2 * inside.Rmse);
        Assert.True(result.Regions[2].Metrics.Rmse > result.Regions[1].Metrics.Rmse);
        Assert.True(result.Regions[2].Metrics.RSquared < 0);
        Assert.Contains("How does it work outside the training interval?", output, StringComparison.Ordinal);
        Assert.Equal(4, context.WrittenFiles.Count);
    }

    [Fact]
    public void Test_regions_sample_only_their_ring()
    {
        var random = new Random(1);
        foreach (var region in Region.All)
        {
            var points = region.Sample(500, random);
            for (var i = 0; i < 500; i++)
            {
                var norm = Math.Max(Math.Abs(points[2 * i]), Math.Abs(points[2 * i + 1]));
                Assert.InRange(norm, region.Inner, region.Outer);
                Assert.True(region.Inner == 0 || norm > region.Inner);
            }
        }
    }

    [Fact]
    public void The_generated_gradient_of_the_samples_rastrigin_is_the_analytic_one()
    {
        var (_, dx, dy) = RastriginFunction.ValueGradient(0.3, -4.1);

        Assert.Equal(2 * 0.3 + 20 * Math.PI * Math.Sin(2 * Math.PI * 0.3), dx, 1e-12);
        Assert.Equal(2 * -4.1 + 20 * Math.PI * Math.Sin(2 * Math.PI * -4.1), dy, 1e-12);
    }
}
