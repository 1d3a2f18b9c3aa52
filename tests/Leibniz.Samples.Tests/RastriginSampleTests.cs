using Leibniz.Samples.Rastrigin;

namespace Leibniz.Samples.Tests;

public sealed class RastriginSampleTests
{
    [Fact]
    public void Sine_fits_best_inside_and_no_network_extrapolates()
    {
        var (result, output, context) = SampleRun.Quick(RastriginSample.Run);

        Assert.Equal(["tanh", "ReLU", "sine"], result.Networks.Select(n => n.Contender.Name));
        // f's standard deviation on the square is ≈ 14.4 (the RMSE of predicting the mean). Even the quick run
        // teaches every network the bowl x² + y², half of the variance; only sine gets far beyond it.
        Assert.All(result.Networks, n => Assert.True(n.Regions[0].Metrics.RSquared > 0.4, $"{n.Contender.Name} inside R² {n.Regions[0].Metrics.RSquared}"));
        Assert.Same(Contender.Sine, result.Best.Contender);
        Assert.True(result.Best.Regions[0].Metrics.RSquared > 0.8, $"sine inside R² {result.Best.Regions[0].Metrics.RSquared}");

        // Outside the training square every network's error is many times its error inside, worse than the mean far out.
        Assert.All(result.Networks, n =>
        {
            Assert.True(n.Regions[1].Metrics.Rmse > 2 * n.Regions[0].Metrics.Rmse, n.Contender.Name);
            Assert.True(n.Regions[2].Metrics.RSquared < 0, n.Contender.Name);
        });
        Assert.Contains("How does it work outside the training interval?", output, StringComparison.Ordinal);
        Assert.Equal(5, context.WrittenFiles.Count);
    }

    [Fact]
    public void One_activation_can_be_chosen()
    {
        var (result, _, context) = SampleRun.Quick(RastriginSample.Run, new Dictionary<string, string> { ["activation"] = "relu", ["epochs"] = "1" });

        Assert.Same(Contender.Relu, Assert.Single(result.Networks).Contender);
        Assert.Equal(1, result.Epochs);
        Assert.Equal(3, context.WrittenFiles.Count);
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
