using Leibniz.Samples.LinearRegression;

namespace Leibniz.Samples.Tests;

public sealed class LinearRegressionSampleTests
{
    [Fact]
    public void The_tape_loop_and_the_nn_loop_both_recover_w_3_and_b_2()
    {
        var (result, output, context) = SampleRun.Quick(LinearRegressionSample.Run);

        Assert.Equal(3, result.TapeW, 0.02);
        Assert.Equal(2, result.TapeB, 0.1);
        Assert.InRange(result.TapeLoss, 0.1, 0.5); // the noise is N(0, 0.5²): the best possible MSE is ≈ 0.25
        Assert.Equal(result.TapeW, result.NnW, 1e-4); // same data, same start, same rule: float32 vs float64 only
        Assert.Equal(result.TapeB, result.NnB, 1e-3);
        Assert.Equal(result.TapeLoss, result.NnLoss, 1e-3);
        Assert.Contains("tape, by hand", output, StringComparison.Ordinal);
        Assert.Equal(["linear-regression-loss.png", "linear-regression-fit.png"], context.WrittenFiles.Select(Path.GetFileName));
    }

    [Fact]
    public void The_data_is_the_lectures_and_reproducible_from_the_seed()
    {
        var first = LectureData.Create(seed: 3);
        var again = LectureData.Create(seed: 3);

        Assert.Equal(first.X, again.X);
        Assert.Equal(100, first.X.Length);
        Assert.InRange(first.X.Select(x => x * x).Average(), 50, 150); // x ~ N(0, 10²)
        var residuals = first.X.Zip(first.Y, (x, y) => y - (3 * x + 2)).ToArray();
        Assert.InRange(Math.Sqrt(residuals.Average(r => r * r)), 0.35, 0.65); // noise N(0, 0.5²)
    }
}
