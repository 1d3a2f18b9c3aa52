using CsCheck;
using Leibniz.Nn.Tests.Tensors;

namespace Leibniz.Nn.Tests.Layers;

public sealed class LayerTests
{
    [Fact]
    public void LinearHasPyTorchShapesAndKaimingUniformBounds()
    {
        var layer = new Linear(50, 20, random: new Random(1));
        Assert.Equal([20, 50], layer.Weight.Shape);
        Assert.Equal([20], layer.Bias!.Value.Shape);
        var bound = 1 / Math.Sqrt(50);
        Assert.All(layer.Weight.ToArray(), w => Assert.InRange(w, -bound, bound));
        Assert.All(layer.Bias!.Value.ToArray(), b => Assert.InRange(b, -bound, bound));

        // Uniform on [−bound, bound] has variance bound²/3; 1000 draws estimate it within a few percent.
        var weights = layer.Weight.ToArray();
        var variance = weights.Select(w => w * w).Average();
        Assert.InRange(variance, 0.9 * bound * bound / 3, 1.1 * bound * bound / 3);
        Assert.Equal(["weight", "bias"], layer.NamedParameters().Select(p => p.Name));
    }

    [Fact]
    public void LinearIsReproducibleFromASeed()
    {
        var first = new Linear(3, 4, random: new Random(42));
        var second = new Linear(3, 4, random: new Random(42));
        Assert.Equal(first.Weight.ToArray(), second.Weight.ToArray());
        Assert.Equal(first.Bias!.Value.ToArray(), second.Bias!.Value.ToArray());
    }

    [Fact]
    public void LinearWithoutBiasHasOneParameter()
    {
        var layer = new Linear(3, 2, bias: false, random: new Random(1));
        Assert.Null(layer.Bias);
        Assert.Single(layer.Parameters());
    }

    [Fact]
    public void SequentialNamesParametersLikePyTorch()
    {
        var model = new Sequential(new Linear(2, 3, random: new Random(1)), new ReLU(), new Linear(3, 1, random: new Random(2)));
        Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], model.NamedParameters().Select(p => p.Name));
        Assert.Equal((2 * 3) + 3 + 3 + 1, model.ParameterCount());
        Assert.True(model.Training);
        model.Eval();
        Assert.False(model[0].Training);
        model.Train();
        Assert.True(model[2].Training);
    }

    public static TheoryData<string> Activations => ["relu", "sigmoid", "tanh", "leaky", "softplus", "elu", "silu", "gelu"];

    private static Module Activation(string name) => name switch
    {
        "relu" => new ReLU(),
        "sigmoid" => new Sigmoid(),
        "tanh" => new Tanh(),
        "leaky" => new LeakyReLU(0.2),
        "softplus" => new Softplus(),
        "elu" => new ELU(),
        "silu" => new SiLU(),
        _ => Gelu(),
    };

    /// <summary>GELU (tanh approximation) written by hand as value-and-derivative, the shape a generated XGradient has.</summary>
    private static Activation Gelu() => new(x =>
    {
        const double c = 0.7978845608028654; // √(2/π)
        var u = c * (x + (0.044715 * x * x * x));
        var tanh = Math.Tanh(u);
        var value = 0.5 * x * (1 + tanh);
        var derivative = (0.5 * (1 + tanh)) + (0.5 * x * (1 - (tanh * tanh)) * c * (1 + (3 * 0.044715 * x * x)));
        return (value, derivative);
    }, "gelu");

    [Theory]
    [MemberData(nameof(Activations))]
    public void MlpWithActivationPassesGradientCheck(string activation) =>
        Gen.Int.Sample(seed =>
        {
            var random = new Random(seed);
            var model = new Sequential(
                new Linear(3, 5, random: random, dtype: DType.Float64),
                Activation(activation),
                new Linear(5, 2, random: random, dtype: DType.Float64));
            var x = GradCheck.Random(random, [4, 3], avoidBelow: 0.1);
            var parameters = model.Parameters().ToArray();
            GradCheck.Assert(_ => GradCheck.WeightedSum(model.Forward(x), new Random(seed)), parameters);
            GradCheck.Assert(t => GradCheck.WeightedSum(model.Forward(t[0]), new Random(seed)), x);
        }, iter: 5);

    [Fact]
    public void HandWrittenGeluMatchesItsDefinition()
    {
        var x = Tensor.FromArray([-2.0, -0.5, 0.0, 0.5, 2.0], DType.Float64);
        using (Tensor.NoGrad())
        {
            var y = Gelu().Forward(x).ToArray();
            Assert.Equal(0.0, y[2]);
            Assert.Equal(1.9545976, y[4], 1e-6);
            Assert.Equal(-0.0454023, y[0], 1e-6);
        }
    }

    [Fact]
    public void StepActivationsFollowTheLectureDefinitions()
    {
        var z = Tensor.FromArray([-1.0, 0.0, 3.0]);
        Assert.Equal([0.0, 1.0, 1.0], new Heaviside().Forward(z).ToArray());
        Assert.Equal([-1.0, 0.0, 1.0], new Sign().Forward(z).ToArray());
    }

    [Fact]
    public void Float32GradientsAgreeWithFloat64Gradients()
    {
        // Sizes large enough that every product (forward, input and weight gradients) takes the packed kernel.
        var single = new Sequential(new Linear(20, 40, random: new Random(4)), new Tanh(), new Linear(40, 9, random: new Random(5)));
        var dual = new Sequential(new Linear(20, 40, random: new Random(4), dtype: DType.Float64), new Tanh(), new Linear(40, 9, random: new Random(5), dtype: DType.Float64));
        var x = Tensor.Randn(300, 20, new Random(6));
        var y = Tensor.Randn(300, 9, new Random(7));
        new MSELoss().Forward(single.Forward(x), y).Backward();
        new MSELoss().Forward(dual.Forward(x.To(DType.Float64)), y.To(DType.Float64)).Backward();
        foreach (var (a, b) in single.Parameters().Zip(dual.Parameters()))
        {
            var expected = b.Grad.ToArray();
            var actual = a.Grad.ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.Equal(expected[i], actual[i], 1e-4);
            }
        }
    }

    /// <summary>The shape the generator emits for a one-argument [Differentiable] method.</summary>
    private static (double Value, double dx) SwishGradient(double x)
    {
        var s = 1 / (1 + Math.Exp(-x));
        return (x * s, s + (x * s * (1 - s)));
    }

    [Fact]
    public void GeneratedGradientMethodPlugsInAsAnActivation()
    {
        var swish = new Activation(SwishGradient, "swish");
        var random = new Random(8);
        var model = new Sequential(new Linear(2, 6, random: random, dtype: DType.Float64), swish, new Linear(6, 1, random: random, dtype: DType.Float64));
        var x = Tensors.GradCheck.Random(random, [5, 2]);
        Tensors.GradCheck.Assert(t => model.Forward(t[0]).Sum(), x);
        using (Tensor.NoGrad())
        {
            Assert.Equal(new SiLU().Forward(x).ToArray(), swish.Forward(x).ToArray(), new ToleranceComparer(1e-15));
        }
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
