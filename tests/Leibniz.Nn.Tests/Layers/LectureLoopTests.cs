namespace Leibniz.Nn.Tests.Layers;

/// <summary>The lecture's PyTorch training loops, translated line by line.</summary>
public sealed class LectureLoopTests
{
    private sealed class TorchMlp : Module
    {
        private readonly Sequential _model;

        public TorchMlp(Random random) =>
            _model = RegisterModule("model", new Sequential(new Linear(2, 3, random: random), new ReLU(), new Linear(3, 1, random: random), new ReLU()));

        public override Tensor Forward(Tensor input) => _model.Forward(input);
    }

    private static (Tensor X, Tensor Y) Data()
    {
        var random = new Random(11);
        var xx = Tensor.Uniform(64, 2, 0, 1, random);
        var y = ((xx.SliceRows(0, 64) * Tensor.FromArray([1.0, 2.0])).Sum(1, keepDims: true) + 0.5).Detach();
        return (xx, y);
    }

    [Fact]
    public void ManualGradientDescentLoopWithSumReductionLowersTheLoss()
    {
        var (xx, y) = Data();
        var model = new TorchMlp(new Random(3));
        Assert.Equal(["model.0.weight", "model.0.bias", "model.2.weight", "model.2.bias"], model.NamedParameters().Select(p => p.Name));
        var lossFn = new MSELoss(Reduction.Sum);
        const double learningRate = 1e-3;
        double first = 0, last = 0;
        for (var t = 0; t < 2000; t++)
        {
            var yPred = model.Forward(xx);
            var loss = lossFn.Forward(yPred, y);
            if (t == 0)
            {
                first = loss.Item();
            }

            last = loss.Item();
            model.ZeroGrad();
            loss.Backward();
            using (Tensor.NoGrad())
            {
                foreach (var param in model.Parameters())
                {
                    param.SubtractInPlace(param.Grad, learningRate);
                }
            }
        }

        Assert.True(last < first / 10, $"loss went from {first} to {last}");
    }

    [Fact]
    public void RmsPropLoopLowersTheLoss()
    {
        var (xx, y) = Data();
        var model = new TorchMlp(new Random(3));
        var lossFn = new MSELoss(Reduction.Sum);
        var optimizer = new RMSprop(model.Parameters(), learningRate: 1e-3);
        double first = 0, last = 0;
        for (var t = 0; t < 2000; t++)
        {
            var loss = lossFn.Forward(model.Forward(xx), y);
            first = t == 0 ? loss.Item() : first;
            last = loss.Item();
            optimizer.ZeroGrad();
            loss.Backward();
            optimizer.Step();
        }

        Assert.True(last < first / 10, $"loss went from {first} to {last}");
    }
}
