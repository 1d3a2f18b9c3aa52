namespace Leibniz.Nn.Tests.Optimizers;

/// <summary>
/// Several optimizer steps on a parameter fed a chosen gradient sequence, compared with the update rules of
/// PyTorch's documentation written out independently in scalar double arithmetic.
/// </summary>
public sealed class OptimizerTests
{
    private static readonly double[] Start = [0.5, -1.25, 2.0];

    private static readonly double[][] Gradients =
    [
        [0.1, -0.2, 0.3],
        [-0.4, 0.5, 0.05],
        [0.2, 0.2, -0.6],
        [0.0, -0.1, 0.4],
        [0.3, 0.0, -0.2],
    ];

    /// <summary>Runs the optimizer for every gradient in <see cref="Gradients"/>; the gradient is injected through Σ p⊙g.</summary>
    private static double[] Run(Func<IEnumerable<Tensor>, Optimizer> create, DType dtype = DType.Float64)
    {
        var p = Tensor.FromArray(Start, dtype).RequireGrad();
        var optimizer = create([p]);
        foreach (var g in Gradients)
        {
            optimizer.ZeroGrad();
            (p * Tensor.FromArray(g, dtype)).Sum().Backward();
            optimizer.Step();
        }

        Assert.Equal(Gradients.Length, optimizer.StepCount);
        return p.ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual, double tolerance = 1e-12)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"element {i}: expected {expected[i]:R}, actual {actual[i]:R}");
        }
    }

    private static double[] SgdReference(double lr, double momentum, double dampening, double weightDecay, bool nesterov)
    {
        var p = (double[])Start.Clone();
        var buffer = new double[p.Length];
        for (var t = 0; t < Gradients.Length; t++)
        {
            for (var i = 0; i < p.Length; i++)
            {
                var g = Gradients[t][i] + (weightDecay * p[i]);
                if (momentum != 0)
                {
                    buffer[i] = t == 0 ? g : (momentum * buffer[i]) + ((1 - dampening) * g);
                    g = nesterov ? g + (momentum * buffer[i]) : buffer[i];
                }

                p[i] -= lr * g;
            }
        }

        return p;
    }

    [Theory]
    [InlineData(0.1, 0.0, 0.0, 0.0, false)]
    [InlineData(0.1, 0.9, 0.0, 0.0, false)]
    [InlineData(0.05, 0.9, 0.3, 0.01, false)]
    [InlineData(0.05, 0.8, 0.0, 0.1, true)]
    public void SgdFollowsPyTorchRule(double lr, double momentum, double dampening, double weightDecay, bool nesterov) =>
        AssertClose(
            SgdReference(lr, momentum, dampening, weightDecay, nesterov),
            Run(ps => new SGD(ps, lr, momentum, dampening, weightDecay, nesterov)));

    private static double[] RmsPropReference(double lr, double alpha, double eps, double weightDecay, double momentum, bool centered)
    {
        var p = (double[])Start.Clone();
        var v = new double[p.Length];
        var average = new double[p.Length];
        var buffer = new double[p.Length];
        foreach (var gradient in Gradients)
        {
            for (var i = 0; i < p.Length; i++)
            {
                var g = gradient[i] + (weightDecay * p[i]);
                v[i] = (alpha * v[i]) + ((1 - alpha) * g * g);
                var variance = v[i];
                if (centered)
                {
                    average[i] = (alpha * average[i]) + ((1 - alpha) * g);
                    variance -= average[i] * average[i];
                }

                var step = g / (Math.Sqrt(variance) + eps);
                if (momentum > 0)
                {
                    buffer[i] = (momentum * buffer[i]) + step;
                    p[i] -= lr * buffer[i];
                }
                else
                {
                    p[i] -= lr * step;
                }
            }
        }

        return p;
    }

    [Theory]
    [InlineData(0.01, 0.99, 1e-8, 0.0, 0.0, false)]
    [InlineData(0.01, 0.9, 1e-6, 0.05, 0.0, true)]
    [InlineData(0.02, 0.95, 1e-8, 0.0, 0.7, false)]
    [InlineData(0.02, 0.95, 1e-8, 0.01, 0.5, true)]
    public void RmsPropFollowsPyTorchRule(double lr, double alpha, double eps, double weightDecay, double momentum, bool centered) =>
        AssertClose(
            RmsPropReference(lr, alpha, eps, weightDecay, momentum, centered),
            Run(ps => new RMSprop(ps, lr, alpha, eps, weightDecay, momentum, centered)));

    private static double[] AdamReference(double lr, double beta1, double beta2, double eps, double weightDecay, bool amsGrad)
    {
        var p = (double[])Start.Clone();
        var m = new double[p.Length];
        var v = new double[p.Length];
        var vMax = new double[p.Length];
        for (var t = 1; t <= Gradients.Length; t++)
        {
            for (var i = 0; i < p.Length; i++)
            {
                var g = Gradients[t - 1][i] + (weightDecay * p[i]);
                m[i] = (beta1 * m[i]) + ((1 - beta1) * g);
                v[i] = (beta2 * v[i]) + ((1 - beta2) * g * g);
                vMax[i] = Math.Max(vMax[i], v[i]);
                var mHat = m[i] / (1 - Math.Pow(beta1, t));
                var vHat = (amsGrad ? vMax[i] : v[i]) / (1 - Math.Pow(beta2, t));
                p[i] -= lr * mHat / (Math.Sqrt(vHat) + eps);
            }
        }

        return p;
    }

    [Theory]
    [InlineData(0.001, 0.9, 0.999, 1e-8, 0.0, false)]
    [InlineData(0.1, 0.8, 0.99, 1e-6, 0.0, false)]
    [InlineData(0.05, 0.9, 0.999, 1e-8, 0.1, false)]
    [InlineData(0.05, 0.9, 0.9, 1e-8, 0.0, true)]
    public void AdamFollowsPyTorchRule(double lr, double beta1, double beta2, double eps, double weightDecay, bool amsGrad) =>
        AssertClose(
            AdamReference(lr, beta1, beta2, eps, weightDecay, amsGrad),
            Run(ps => new Adam(ps, lr, beta1, beta2, eps, weightDecay, amsGrad)));

    [Fact]
    public void Float32AdamMatchesTheDoubleReferenceToSinglePrecision() =>
        AssertClose(AdamReference(0.1, 0.9, 0.999, 1e-8, 0, false), Run(ps => new Adam(ps, 0.1), DType.Float32), 1e-6);

    [Fact]
    public void DefaultsArePyTorchDefaults()
    {
        Tensor[] p = [Tensor.Zeros(1).RequireGrad()];
        var adam = new Adam(p);
        Assert.Equal((0.001, 0.9, 0.999, 1e-8, 0.0, false), (adam.LearningRate, adam.Beta1, adam.Beta2, adam.Eps, adam.WeightDecay, adam.AmsGrad));
        var rms = new RMSprop(p);
        Assert.Equal((0.01, 0.99, 1e-8, 0.0, 0.0, false), (rms.LearningRate, rms.Alpha, rms.Eps, rms.WeightDecay, rms.Momentum, rms.Centered));
        var sgd = new SGD(p);
        Assert.Equal((0.001, 0.0, 0.0, 0.0, false), (sgd.LearningRate, sgd.Momentum, sgd.Dampening, sgd.WeightDecay, sgd.Nesterov));
    }

    [Fact]
    public void ParametersWithoutGradientAreSkipped()
    {
        var used = Tensor.FromArray([1.0]).RequireGrad();
        var unused = Tensor.FromArray([1.0]).RequireGrad();
        var optimizer = new Adam([used, unused], 0.1);
        (used * 2).Sum().Backward();
        optimizer.Step();
        Assert.NotEqual(1.0, used[0]);
        Assert.Equal(1.0, unused[0]);
    }

    [Fact]
    public void FrozenParametersNeverMove()
    {
        var frozen = Tensor.FromArray([1.0]);
        var trained = Tensor.FromArray([1.0]).RequireGrad();
        var optimizer = new SGD([frozen, trained], 0.5);
        ((frozen * trained) * 3).Sum().Backward();
        optimizer.Step();
        Assert.Equal(1.0, frozen[0]);
        Assert.Equal(-0.5, trained[0]);
    }

    [Fact]
    public void BadArgumentsNameTheParameter()
    {
        Tensor[] p = [Tensor.Zeros(1).RequireGrad()];
        Assert.Equal("learningRate", Assert.Throws<ArgumentOutOfRangeException>(() => new SGD(p, -1)).ParamName);
        Assert.Equal("beta1", Assert.Throws<ArgumentOutOfRangeException>(() => new Adam(p, beta1: 1)).ParamName);
        Assert.Equal("nesterov", Assert.Throws<ArgumentException>(() => new SGD(p, momentum: 0, nesterov: true)).ParamName);
        var parameter = Tensor.Zeros(1).RequireGrad();
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Adam([parameter * 2])).ParamName);
        Assert.Equal("parameters", Assert.Throws<ArgumentException>(() => new Adam([])).ParamName);
    }
}
