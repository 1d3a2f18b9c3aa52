using Leibniz.Samples.Pinn;

namespace Leibniz.Samples.Tests;

public sealed class PinnSampleTests
{
    [Fact]
    public void Quick_run_trains_all_three_problems_and_draws_them()
    {
        var (outcomes, output, context) = SampleRun.Quick(PinnSample.Run);

        Assert.Equal(["1-D Poisson", "Burgers", "2-D Poisson"], outcomes.Select(o => o.Name));
        Assert.True(outcomes[0].RelativeL2 < 1e-3, $"1-D Poisson relative L2 {outcomes[0].RelativeL2}");
        Assert.All(outcomes, o => Assert.True(double.IsFinite(o.RelativeL2) && o.RelativeL2 < 2, $"{o.Name}: {o.RelativeL2}"));
        Assert.True(outcomes[1].CollocationPoints > 2540, "refinement adds collocation points");
        Assert.Contains("relative L2 error", output, StringComparison.Ordinal);
        Assert.Equal(11, context.WrittenFiles.Count);
    }

    [Fact]
    public void Burgers_reference_has_the_published_steepest_slope_152_005_at_pi_t_1_6037()
    {
        var reference = new BurgersReference(Equations.Viscosity);

        // Golden-section search for the largest |∂u/∂x| at x = 0 over πt ∈ [1.4, 1.8].
        double low = 1.4 / Math.PI, high = 1.8 / Math.PI;
        var ratio = (Math.Sqrt(5) - 1) / 2;
        for (var i = 0; i < 80; i++)
        {
            var a = high - (ratio * (high - low));
            var b = low + (ratio * (high - low));
            if (Math.Abs(reference.Slope(0, a)) > Math.Abs(reference.Slope(0, b)))
            {
                high = b;
            }
            else
            {
                low = a;
            }
        }

        var t = (low + high) / 2;
        Assert.Equal(152.005, Math.Abs(reference.Slope(0, t)), 0.001);
        Assert.Equal(1.6037, Math.PI * t, 0.0001);
    }

    [Fact]
    public void Burgers_reference_starts_at_minus_sine_and_keeps_zero_boundaries()
    {
        var reference = new BurgersReference(Equations.Viscosity);
        foreach (var x in new[] { -0.9, -0.3, 0.2, 0.7 })
        {
            Assert.Equal(-Math.Sin(Math.PI * x), reference.Value(x, 1e-9), 1e-6);
        }

        Assert.Equal(0, reference.Value(1, 0.5), 1e-12);
        Assert.Equal(0, reference.Value(0, 0.8), 1e-12);

        // The slope is the derivative of the value (central difference).
        var h = 1e-6;
        Assert.Equal((reference.Value(0.3 + h, 0.4) - reference.Value(0.3 - h, 0.4)) / (2 * h), reference.Slope(0.3, 0.4), 1e-5);
    }

    [Fact]
    public void Gauss_Hermite_integrates_polynomials_times_the_gaussian_exactly()
    {
        var rule = new GaussHermite(100);
        Assert.Equal(Math.Sqrt(Math.PI), rule.Weights.Sum(), 1e-13);
        Assert.Equal(Math.Sqrt(Math.PI) / 2, rule.Nodes.Zip(rule.Weights, (z, w) => z * z * w).Sum(), 1e-13);
        Assert.Equal(3 * Math.Sqrt(Math.PI) / 4, rule.Nodes.Zip(rule.Weights, (z, w) => Math.Pow(z, 4) * w).Sum(), 1e-12);
    }
}
