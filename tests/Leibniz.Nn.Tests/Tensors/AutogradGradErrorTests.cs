using Leibniz.Nn.Pinn;

namespace Leibniz.Nn.Tests.Tensors;

/// <summary>Autograd.Grad's argument checks, PyTorch's retainGraph and allowUnused semantics, and the errors naming an operation that cannot be differentiated twice.</summary>
public sealed class AutogradGradErrorTests
{
    private static Tensor Input() => Tensor.FromArray(new[] { 0.5, -1.0, 2.0 }, DType.Float64).RequireGrad();

    [Fact]
    public void BadArgumentsNameTheArgumentAndTheProblem()
    {
        var x = Input();
        var y = (x * x).Sum();
        var vector = x.Sin();
        var constant = Tensor.Ones(3, DType.Float64);
        Assert.Contains("at least one output", Assert.Throws<ArgumentException>("outputs", () => Autograd.Grad([], [x])).Message);
        Assert.Contains("at least one input", Assert.Throws<ArgumentException>("inputs", () => Autograd.Grad([y], [])).Message);
        Assert.Contains("2 tensors for 1 outputs", Assert.Throws<ArgumentException>("gradOutputs", () => Autograd.Grad([y], [x], [y, y])).Message);
        Assert.Contains("implicit only for one-element outputs", Assert.Throws<ArgumentException>("gradOutputs", () => Autograd.Grad(vector, x)).Message);
        Assert.Contains("must match", Assert.Throws<ArgumentException>("gradOutputs", () => Autograd.Grad(vector, x, Tensor.Ones(2, DType.Float64))).Message);
        Assert.Contains("must match", Assert.Throws<ArgumentException>("gradOutputs", () => Autograd.Grad(vector, x, Tensor.Ones(3, DType.Float32))).Message);
        Assert.Contains("outputs[0] does not require grad", Assert.Throws<ArgumentException>("outputs", () => Autograd.Grad(constant.Sum(), x)).Message);
        Assert.Contains("inputs[1] does not require grad", Assert.Throws<ArgumentException>("inputs", () => Autograd.Grad([y], [x, constant])).Message);
        Assert.Contains("inputs[0] is a default", Assert.Throws<ArgumentException>("inputs", () => Autograd.Grad(y, default)).Message);
        Assert.Contains("would recycle", Assert.Throws<ArgumentException>("retainGraph", () => Autograd.Grad(y, x, createGraph: true, retainGraph: false)).Message);
    }

    [Fact]
    public void UnusedInputThrowsUnlessAllowedThenItsGradientIsInvalid()
    {
        var x = Input();
        var unused = Input();
        var y = x.Exp().Sum();
        var error = Assert.Throws<InvalidOperationException>(() => Autograd.Grad([y], [x, unused], retainGraph: true));
        Assert.Contains("inputs[1]", error.Message);
        Assert.Contains("allowUnused", error.Message);
        var gradients = Autograd.Grad([y], [x, unused], allowUnused: true);
        Assert.Equal(x.ToArray().Select(Math.Exp), gradients[0].ToArray(), (a, b) => Math.Abs(a - b) < 1e-14);
        Assert.False(gradients[1].IsValid);
    }

    [Fact]
    public void GradLeavesTheGradientsOfLeavesUntouchedAndAddsSeveralOutputs()
    {
        var x = Input();
        var w = Input();
        var gradients = Autograd.Grad([(x * w).Sum(), (x * x).Sum()], [x], [Tensor.Scalar(2, DType.Float64), Tensor.Scalar(3, DType.Float64)]);
        Assert.Equal(x.ToArray().Select((value, i) => (2 * w.ToArray()[i]) + (6 * value)), gradients[0].ToArray());
        Assert.False(x.HasGrad);
        Assert.False(w.HasGrad);
    }

    [Fact]
    public void WithoutRetainGraphASecondBackwardThroughTheSameGraphThrows()
    {
        var x = Input();
        var y = (x.Tanh() * 3).Sum();
        Autograd.Grad(y, x);
        Assert.Contains("retainGraph", Assert.Throws<InvalidOperationException>(() => Autograd.Grad(y, x)).Message);

        var z = (x.Tanh() * 3).Sum();
        var first = Autograd.Grad(z, x, retainGraph: true).ToArray();
        Assert.Equal(first, Autograd.Grad(z, x).ToArray());
    }

    [Fact]
    public void AnOperationWithoutADifferentiableBackwardIsNamed()
    {
        var x = Input();
        var swish = new ElementwiseFunction(v => v / (1 + Math.Exp(-v)), v => 1 / (1 + Math.Exp(-v)) * (1 + (v * (1 - (1 / (1 + Math.Exp(-v)))))), "swish");
        var firstDerivative = Autograd.Grad(x.Apply(swish).Sum(), x, createGraph: true);
        Assert.Contains("'swish'", Assert.Throws<NotSupportedException>(() => Autograd.Grad(firstDerivative.Sum(), x)).Message);

        var model = new Sequential(new Linear(1, 4, random: new Random(1), dtype: DType.Float64), new Tanh(), new Linear(4, 1, random: new Random(2), dtype: DType.Float64));
        var jet = new TaylorForward(model, new InputDerivatives([0], [(0, 0)])).Forward(Tensor.FromArray(new[] { 0.1, 0.2 }, 2, 1, DType.Float64));
        var message = Assert.Throws<NotSupportedException>(() => Autograd.Grad(jet.D2(0).Sum(), model.Parameters()[0])).Message;
        Assert.Contains("'Jet", message);
        Assert.Contains("'PointwiseResidual'", Assert.Throws<NotSupportedException>(() => Autograd.Grad(Residual.Of(Leibniz.Nn.Tests.Pinn.Equations.PoissonGradient).Evaluate(jet, JetTerm.D2(0), JetTerm.Input(0)).Sum(), model.Parameters()[0])).Message);
        Assert.Contains("TaylorForward", message);
    }

    [Fact]
    public void LossesAreDifferentiableTwice()
    {
        var x = Input();
        var target = Tensor.FromArray(new[] { 0.1, 0.2, 0.3 }, DType.Float64);
        var gradient = Autograd.Grad(new MSELoss().Forward(x.Sin(), target), x, createGraph: true);
        var expected = x.ToArray().Select((v, i) => 2.0 / 3 * (Math.Sin(v) - target[i]) * Math.Cos(v)).ToArray();
        Assert.Equal(expected, gradient.ToArray(), (a, b) => Math.Abs(a - b) < 1e-14);
        var second = Autograd.Grad(gradient.Sum(), x).ToArray();
        var expectedSecond = x.ToArray().Select((v, i) => 2.0 / 3 * ((Math.Cos(v) * Math.Cos(v)) - ((Math.Sin(v) - target[i]) * Math.Sin(v)))).ToArray();
        Assert.Equal(expectedSecond, second, (a, b) => Math.Abs(a - b) < 1e-14);
    }

    [Fact]
    public void EveryLossMatchesBackwardAndFiniteDifferencesOfItsGradient()
    {
        var random = new Random(4);
        var logits = GradCheck.Random(random, [4, 3]);
        var probabilities = Tensor.FromArray(new double[,] { { 0.2, 0.5, 0.3 }, { 1, 0, 0 }, { 0.1, 0.1, 0.8 }, { 0.3, 0.3, 0.4 } }, DType.Float64);
        var classes = Tensor.FromArray(new double[] { 2, 0, 1, 1 }, DType.Float64);
        var values = GradCheck.Random(random, [4, 3]);
        var labels = Tensor.FromArray(new double[,] { { 1, 0, 1 }, { 0, 0, 1 }, { 1, 1, 0 }, { 0, 1, 0 } }, DType.Float64);
        var losses = new (string Name, Func<Tensor, Tensor> Loss)[]
        {
            ("mse", p => new MSELoss(Reduction.Sum).Forward(p.Sin(), values)),
            ("l1", p => new L1Loss().Forward(p.Sin(), values)),
            ("huber", p => new HuberLoss(delta: 0.5).Forward(p.Sin(), values)),
            ("bce", p => new BCEWithLogitsLoss().Forward(p.Sin() * 2, labels)),
            ("cross-entropy indices", p => new CrossEntropyLoss().Forward(p.Sin() * 2, classes)),
            ("cross-entropy probabilities", p => new CrossEntropyLoss(Reduction.Sum).Forward(p.Sin() * 2, probabilities)),
        };
        foreach (var (name, loss) in losses)
        {
            var x = logits.Clone().RequireGrad();
            loss(x).Backward();
            var expected = x.Grad.ToArray();
            var gradient = Autograd.Grad(loss(x), x, createGraph: true);
            Assert.Equal(expected, gradient.ToArray(), (a, b) => Math.Abs(a - b) < 1e-13);

            // Hessian-vector product against central differences of Backward's gradient.
            var v = GradCheck.Random(random, [4, 3]);
            var hv = Autograd.Grad((gradient * v).Sum(), x).ToArray();
            double[] GradientAt(double step)
            {
                var shifted = (logits + (v * step)).RequireGrad();
                loss(shifted).Backward();
                return shifted.Grad.ToArray();
            }

            var plus = GradientAt(1e-5);
            var minus = GradientAt(-1e-5);
            for (var i = 0; i < hv.Length; i++)
            {
                var numeric = (plus[i] - minus[i]) / 2e-5;
                Assert.True(Math.Abs(numeric - hv[i]) < 1e-5 * (1 + Math.Abs(numeric)), $"{name} element {i}: numeric {numeric:R}, Grad {hv[i]:R}");
            }
        }
    }

    [Fact]
    public void GradFromInsideAnotherGradsBackwardIsRefusedAndTheThreadRecovers()
    {
        var x = Input();
        var other = Input();
        var reentrant = new ElementwiseFunction(v => v * v, v => Autograd.Grad(other.Exp().Sum(), other).Sum().Item() * v, "reentrant");
        var message = Assert.Throws<InvalidOperationException>(() => Autograd.Grad(x.Apply(reentrant).Sum(), x)).Message;
        Assert.Contains("inside another Autograd.Grad", message);
        Assert.Equal(x.ToArray().Select(v => 2 * v), Autograd.Grad(x.Square().Sum(), x).ToArray());
    }
}
