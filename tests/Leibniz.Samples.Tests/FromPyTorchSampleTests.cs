using Leibniz.Samples.FromPyTorch;

namespace Leibniz.Samples.Tests;

public sealed class FromPyTorchSampleTests
{
    [Fact]
    public void The_three_lecture_loops_train()
    {
        var (result, output, context) = SampleRun.Quick(FromPyTorchSample.Run);

        Assert.Equal(3, result.W, 0.02);
        Assert.Equal(2, result.B, 0.15);

        // Loop 2 learns more than the mean; loop 3's loss falls at every print.
        Assert.True(result.ManualLosses[^1].Loss < result.MeanPredictorLoss,
            $"{result.ManualLosses[^1].Loss} should be below the mean predictor's {result.MeanPredictorLoss}");
        Assert.True(result.RmsPropLosses.Zip(result.RmsPropLosses.Skip(1)).All(p => p.Second.Loss < p.First.Loss));

        // The lecture prints at t % 100 == 99.
        Assert.Equal([99, 199, 299, 399, 499], result.ManualLosses.Select(p => p.Step));
        Assert.Contains("loop 3: RMSprop", output, StringComparison.Ordinal);
        Assert.Single(context.WrittenFiles);
    }
}
