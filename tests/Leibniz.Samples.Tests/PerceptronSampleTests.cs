using Leibniz.Samples.Perceptron;

namespace Leibniz.Samples.Tests;

public sealed class PerceptronSampleTests
{
    [Fact]
    public void The_perceptron_learns_a_separable_set_and_never_learns_xor()
    {
        var (result, output, context) = SampleRun.Quick(PerceptronSample.Run);

        Assert.True(result.SeparableConverged);
        Assert.True(result.SignConverged);
        Assert.False(result.XorConverged);
        Assert.DoesNotContain(0, result.XorMistakesPerEpoch);
        Assert.True(result.XorBestAccuracy <= 0.75);
        Assert.Contains("Converged: no.", output, StringComparison.Ordinal);
        Assert.Equal(2, context.WrittenFiles.Count);
    }

    [Fact]
    public void The_separable_set_keeps_its_margin_on_both_sides()
    {
        var set = PointSet.Separable(200, seed: 5);

        Assert.Equal(200, set.X.Length);
        Assert.All(Enumerable.Range(0, 200), i =>
        {
            var distance = (set.X[i][1] - (0.8 * set.X[i][0] + 0.5)) / Math.Sqrt(1.64);
            Assert.True(Math.Abs(distance) >= PointSet.Margin);
            Assert.Equal(distance > 0 ? 1.0 : 0.0, set.Labels[i]);
        });
        Assert.Contains(1.0, set.Labels);
        Assert.Contains(0.0, set.Labels);
    }
}
