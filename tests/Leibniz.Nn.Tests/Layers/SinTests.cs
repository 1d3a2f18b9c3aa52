using CsCheck;
using Leibniz.Nn.Tests.Tensors;

namespace Leibniz.Nn.Tests.Layers;

public sealed class SinTests
{
    [Fact]
    public void SinIsTheSineOfTheScaledInput()
    {
        var x = Tensor.FromArray([-1.0, 0.0, 0.01, 0.5, Math.PI], DType.Float64);
        AssertClose(x.ToArray().Select(Math.Sin), new Sin().Forward(x).ToArray());
        AssertClose(x.ToArray().Select(v => Math.Sin(30 * v)), new Sin(30).Forward(x).ToArray());
        AssertClose(x.ToArray().Select(v => Math.Sin(-2 * v)), new Sin(-2).Forward(x).ToArray());
    }

    // The tensor kernel's vectorized sine may differ from Math.Sin in the last bit.
    private static void AssertClose(IEnumerable<double> expected, double[] actual) =>
        Assert.All(expected.Zip(actual), pair => Assert.Equal(pair.First, pair.Second, 1e-14));

    [Fact]
    public void SinGradientMatchesFiniteDifferences() =>
        Gen.Select(Gen.Int, Gen.Double[-40, 40]).Sample((seed, frequency) =>
        {
            if (Math.Abs(frequency) < 1e-3)
            {
                return;
            }

            var random = new Random(seed);
            var x = GradCheck.Random(random, [3, 4]);
            GradCheck.Assert(t => GradCheck.WeightedSum(new Sin(frequency).Forward(t[0]), new Random(seed)), x);
        }, iter: 20);

    [Theory]
    [InlineData(0.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    public void SinRejectsADegenerateFrequency(double frequency)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new Sin(frequency));
        Assert.Equal("frequency", error.ParamName);
    }

    [Fact]
    public void SirenHasTheLayoutAndTheInitialisationOfThePaper()
    {
        var network = Siren.Create(2, 64, 3, 1, random: new Random(3));
        Assert.Equal(7, network.Count);
        Assert.Equal([30.0, 30.0, 30.0], network.OfType<Sin>().Select(s => s.Frequency));
        var layers = network.OfType<Linear>().ToArray();
        Assert.Equal([(2, 64), (64, 64), (64, 64), (64, 1)], layers.Select(l => (l.InFeatures, l.OutFeatures)));

        AssertUniform(layers[0].Weight.ToArray(), 1.0 / 2);
        AssertUniform(layers[1].Weight.ToArray(), Math.Sqrt(6.0 / 64) / 30);
        AssertUniform(layers[2].Weight.ToArray(), Math.Sqrt(6.0 / 64) / 30);
        Assert.All(layers[3].Weight.ToArray(), w => Assert.InRange(w, -Math.Sqrt(6.0 / 64) / 30, Math.Sqrt(6.0 / 64) / 30));
    }

    [Fact]
    public void SirenOptionsReachTheSineLayers()
    {
        var network = Siren.Create(3, 8, 2, 2, firstFrequency: 10, hiddenFrequency: 1, random: new Random(1), dtype: DType.Float64);
        Assert.Equal([10.0, 1.0], network.OfType<Sin>().Select(s => s.Frequency));
        Assert.All(network.Parameters(), p => Assert.Equal(DType.Float64, p.DType));
        var hidden = network.OfType<Linear>().ElementAt(1).Weight.ToArray();
        Assert.All(hidden, w => Assert.InRange(w, -Math.Sqrt(6.0 / 8), Math.Sqrt(6.0 / 8)));
        Assert.Throws<ArgumentOutOfRangeException>(() => Siren.Create(2, 8, 0, 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => Siren.InitializeHidden(new Linear(2, 2), 0, new Random(1)));
    }

    [Fact]
    public void SirenPassesTheGradientCheck() =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var model = Siren.Create(2, 6, 2, 1, random: random, dtype: DType.Float64);
            var x = GradCheck.Random(random, [5, 2]);
            GradCheck.Assert(_ => GradCheck.WeightedSum(model.Forward(x), new Random(seed)), model.Parameters().ToArray());
        }, iter: 3);

    [Fact]
    public void ASirenTrainingStepAllocatesNothingAfterWarmUp()
    {
        var random = new Random(1);
        var model = Siren.Create(2, 32, 3, 1, random: random);
        var optimizer = new Adam(model.Parameters(), learningRate: 1e-4);
        var loss = new MSELoss();
        var x = Tensor.Uniform(64, 2, -1, 1, random);
        var y = Tensor.Randn(64, 1, random);
        var lossSum = 0.0;

        void Step()
        {
            optimizer.ZeroGrad();
            var value = loss.Forward(model.Forward(x), y);
            value.Backward();
            optimizer.Step();
            lossSum += value.Item();
        }

        for (var step = 0; step < 20; step++)
        {
            Step();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var step = 0; step < 100; step++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(lossSum));
    }

    /// <summary>Every value within ±bound, and the variance of U(−bound, bound), bound²/3, within 20 %.</summary>
    private static void AssertUniform(double[] values, double bound)
    {
        Assert.All(values, w => Assert.InRange(w, -bound, bound));
        var variance = values.Select(w => w * w).Average();
        Assert.InRange(variance, 0.8 * bound * bound / 3, 1.2 * bound * bound / 3);
    }
}
