using Leibniz.Samples.Xor;

namespace Leibniz.Samples.Tests;

public sealed class XorSampleTests
{
    [Fact]
    public void No_hidden_layer_fails_and_one_hidden_layer_solves_xor()
    {
        var (result, _, context) = SampleRun.Quick(XorSample.Run);

        var byName = result.Outcomes.ToDictionary(o => o.Architecture.Name);
        Assert.Equal(0, byName["no hidden layer: Linear(2,1)"].Solved);
        Assert.True(byName["no hidden layer: Linear(2,1)"].BestAccuracy <= 0.75);
        Assert.True(byName["1 hidden layer, 2 units"].Solved >= 1);
        Assert.Equal(byName["1 hidden layer, 4 units"].Seeds, byName["1 hidden layer, 4 units"].Solved);
        Assert.Equal(1.0, result.TruthTableAccuracy);
        Assert.True(result.TruthTable[0] < 0.5 && result.TruthTable[1] > 0.5 && result.TruthTable[2] > 0.5 && result.TruthTable[3] < 0.5);
        Assert.Single(context.WrittenFiles);
    }
}
