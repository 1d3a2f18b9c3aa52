namespace Leibniz.Nn.Tests.Layers;

/// <summary>End-to-end learning problems from the lecture, each from a fixed seed.</summary>
public sealed class LearningTests
{
    private static readonly Tensor XorInputs = Tensor.FromArray([0.0, 0, 0, 1, 1, 0, 1, 1], 4, 2);
    private static readonly Tensor XorTargets = Tensor.FromArray([0.0, 1, 1, 0], 4, 1);

    private static double XorAccuracy(Module model)
    {
        using (Tensor.NoGrad())
        {
            var logits = model.Forward(XorInputs).ToArray();
            var targets = XorTargets.ToArray();
            return logits.Select((z, i) => (z > 0 ? 1.0 : 0.0) == targets[i] ? 1.0 : 0.0).Average();
        }
    }

    private static void TrainXor(Module model)
    {
        var optimizer = new Adam(model.Parameters(), learningRate: 0.05);
        var loss = new BCEWithLogitsLoss();
        for (var step = 0; step < 500; step++)
        {
            optimizer.ZeroGrad();
            loss.Forward(model.Forward(XorInputs), XorTargets).Backward();
            optimizer.Step();
        }
    }

    [Fact]
    public void XorIsLearnedWithOneHiddenLayer()
    {
        var random = new Random(1);
        var model = new Sequential(new Linear(2, 4, random: random), new Tanh(), new Linear(4, 1, random: random));
        TrainXor(model);
        Assert.Equal(1.0, XorAccuracy(model));
    }

    [Fact]
    public void XorIsNotLearnedWithoutHiddenLayer()
    {
        // A single linear layer draws one straight line; no line separates XOR, so at most 3 of 4 points are right.
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var model = new Sequential(new Linear(2, 1, random: new Random(seed)));
            TrainXor(model);
            Assert.True(XorAccuracy(model) <= 0.75);
        }
    }

    [Fact]
    public void LectureLinearRegressionRecoversSlopeAndIntercept()
    {
        // The lecture's code: X = randn(100, 1)·10, y = 3X + 2 + 0.5·noise, w and b from randn, lr = 0.01, 1000 epochs.
        var random = new Random(2);
        var x = Tensor.Randn(100, 1, random) * 10;
        var y = (3 * x) + 2 + (Tensor.Randn(100, 1, random) * 0.5);
        var w = Tensor.Randn(1, random).RequireGrad();
        var b = Tensor.Randn(1, random).RequireGrad();
        const double lr = 0.01;

        // Gradient descent on this quadratic is stable only for lr < 1/mean(x²); the lecture's lr sits near that
        // edge (mean(x²) ≈ 100), so the data must satisfy it for the lecture's code to converge.
        Assert.True(lr * x.Square().Mean().Item() < 1);
        for (var epoch = 0; epoch < 1000; epoch++)
        {
            var loss = ((w * x) + b - y).Pow(2).Mean();
            loss.Backward();
            using (Tensor.NoGrad())
            {
                w -= lr * w.Grad;
                b -= lr * b.Grad;
            }

            w.ZeroGrad();
            b.ZeroGrad();
        }

        Assert.Equal(3.0, w.Item(), 0.02);
        Assert.Equal(2.0, b.Item(), 0.15);
    }

    [Fact]
    public void MlpFitsSinTimesCos()
    {
        // f(x, y) = sin x · cos y on [−3, 3]² has variance ≈ 0.25 (the MSE of predicting the mean); a test MSE below
        // 0.01 means the network explains over 96% of it, well beyond any linear or constant fit.
        var random = new Random(7);
        var (trainX, trainY) = SinCos(2000, random);
        var (testX, testY) = SinCos(500, random);
        var model = new Sequential(
            new Linear(2, 64, random: random), new Tanh(),
            new Linear(64, 64, random: random), new Tanh(),
            new Linear(64, 1, random: random));
        var optimizer = new Adam(model.Parameters(), learningRate: 3e-3);
        var loss = new MSELoss();
        const int batchSize = 32;
        var batchX = Tensor.Zeros(batchSize, 2);
        var batchY = Tensor.Zeros(batchSize, 1);
        var order = Enumerable.Range(0, 2000).ToArray();
        for (var epoch = 0; epoch < 60; epoch++)
        {
            random.Shuffle(order);
            for (var start = 0; start + batchSize <= order.Length; start += batchSize)
            {
                var indices = order.AsSpan(start, batchSize);
                trainX.CopyRowsTo(indices, batchX);
                trainY.CopyRowsTo(indices, batchY);
                optimizer.ZeroGrad();
                loss.Forward(model.Forward(batchX), batchY).Backward();
                optimizer.Step();
            }
        }

        double testMse;
        using (Tensor.NoGrad())
        {
            testMse = loss.Forward(model.Forward(testX), testY).Item();
        }

        Assert.True(testMse < 0.01, $"test MSE {testMse}");
    }

    private static (Tensor X, Tensor Y) SinCos(int count, Random random)
    {
        var x = Tensor.Uniform(count, 2, -3, 3, random);
        var y = Tensor.Zeros(count, 1);
        for (var i = 0; i < count; i++)
        {
            y[i, 0] = Math.Sin(x[i, 0]) * Math.Cos(x[i, 1]);
        }

        return (x, y);
    }

    [Fact]
    public void PerceptronLearnsAndButNotXor()
    {
        var and = new Perceptron(2, PerceptronActivation.Heaviside, learningRate: 0.1);
        var (epochs, converged) = and.Fit(XorInputs, Tensor.FromArray([0.0, 0, 0, 1]));
        Assert.True(converged);
        Assert.Equal([0.0, 0, 0, 1], and.Predict(XorInputs).ToArray());
        Assert.InRange(epochs, 2, 100);

        var xor = new Perceptron(2, PerceptronActivation.Heaviside, learningRate: 0.1);
        Assert.False(xor.Fit(XorInputs, XorTargets, maxEpochs: 200).Converged);
    }

    [Fact]
    public void PerceptronAppliesRosenblattsRuleWithSign()
    {
        var perceptron = new Perceptron(2, PerceptronActivation.Sign, learningRate: 0.5);
        Assert.Equal(0.0, perceptron.Predict([1.0, 2.0]));
        Assert.True(perceptron.Learn([1.0, 2.0], -1));
        Assert.Equal([-0.5, -1.0], perceptron.Weights);
        Assert.Equal(-0.5, perceptron.Bias);
        Assert.False(perceptron.Learn([1.0, 2.0], -1));
    }
}
