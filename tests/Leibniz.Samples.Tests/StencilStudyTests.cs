using Leibniz.Samples.Tour;

namespace Leibniz.Samples.Tests;

public sealed class StencilStudyTests
{
    [Fact]
    public void Every_stencil_shows_its_theoretical_order_and_a_round_off_floor()
    {
        var steps = StencilStudy.Steps(quick: false);

        foreach (var stencil in Stencils.All)
        {
            var measured = StencilStudy.Measure(stencil, steps);

            Assert.True(Math.Abs(measured.MeasuredOrder - stencil.Order) < 0.3,
                $"{stencil.Name}: measured order {measured.MeasuredOrder}, theory {stencil.Order}");
            Assert.True(measured.BestStep > 1e-12, $"{stencil.Name}: round-off should stop the error from falling at the smallest steps");
            Assert.True(measured.Errors[^1] > measured.BestError * 100, $"{stencil.Name}: the error should rise again at h = 1e-12");
        }
    }

    [Fact]
    public void The_lectures_divisor_typo_makes_the_error_grow_like_one_over_h()
    {
        var measured = StencilStudy.Measure(Stencils.LectureForwardSecondDerivativeTypo, StencilStudy.Steps(quick: true));

        Assert.Equal(-1, measured.MeasuredOrder, 0.3);
    }
}
