using Leibniz.Samples.Tour;

namespace Leibniz.Samples.Tests;

public sealed class TourSampleTests
{
    [Fact]
    public void The_tour_runs_and_its_numbers_hold()
    {
        var (result, output, context) = SampleRun.Quick(TourSample.Run);

        // Rastrigin at (1.2, −0.7): ∂/∂x = 2x + 20π·sin(2πx), by hand.
        Assert.Equal(2 * 1.2 + 20 * Math.PI * Math.Sin(2 * Math.PI * 1.2), result.RastriginGradient.Dx, 1e-12);
        Assert.Equal(2 * -0.7 + 20 * Math.PI * Math.Sin(2 * Math.PI * -0.7), result.RastriginGradient.Dy, 1e-12);

        // The derivative table: the automatic methods are exact to rounding, finite differences are not.
        Assert.All(new[] { "generated", "Dual", "Tape" }, m => Assert.True(result.WorstTableErrors[m] < 1e-14, m));
        Assert.InRange(result.WorstTableErrors["central difference"], 1e-13, 1e-8);

        // Finite differences show their orders 1, 2, 4.
        Assert.All(result.Stencils, s => Assert.Equal(s.Stencil.Order, s.MeasuredOrder, 0.3));
        Assert.Equal([1, 2, 4], result.Stencils.Select(s => s.Stencil.Order).Distinct().Order());

        // The graph: every node's tape adjoint equals the hand-written chain rule.
        Assert.All(result.Graph, n => Assert.Equal(n.ByHand, n.Gradient, 1e-12));
        var generated = ComputationalGraph.ZGradient(1.5, 0.5);
        Assert.Equal(result.Graph[0].Gradient, generated.dx, 1e-12);
        Assert.Equal(result.Graph[1].Gradient, generated.dy, 1e-12);

        Assert.Contains("∂/∂x = 2·x + 20·π·sin(2·π·x)", output, StringComparison.Ordinal);
        Assert.Equal(["stencils-first-derivative.png", "stencils-second-derivative.png"],
            context.WrittenFiles.Select(Path.GetFileName));
    }
}
