using System.Text.Json;
using Leibniz.Nn.Pinn;
using Leibniz.Nn.Tests.Data;

namespace Leibniz.Nn.Tests.Pinn;

/// <summary>
/// PINN derivatives the PyTorch way — nested Autograd.Grad(createGraph: true) on columns of the points — against the
/// Taylor jets of the same network (float64), and a PINN loss built that way against the jet-based one.
/// </summary>
public sealed class NestedGradTests
{
    public static TheoryData<string> Activations => ["tanh", "sigmoid", "silu", "softplus", "softplus-threshold", "siren"];

    /// <summary>u, uₓ, u_t, uₓₓ, uₓₜ, u_tt at (x, t) columns, each by (nested) Grad, as PyTorch PINN code computes them.</summary>
    internal static (Tensor U, Tensor Ux, Tensor Ut, Tensor Uxx, Tensor Uxt, Tensor Utt) Derivatives(Sequential model, Tensor points)
    {
        Tensor x, t;
        using (Tensor.NoGrad())
        {
            x = points.SliceColumns(0, 1).RequireGrad();
            t = points.SliceColumns(1, 1).RequireGrad();
        }

        var u = model.Forward(Tensor.ConcatColumns(x, t));
        var ones = Tensor.OnesLike(u);
        var first = Autograd.Grad([u], [x, t], [ones], createGraph: true);
        var (ux, ut) = (first[0], first[1]);
        var uxx = Autograd.Grad(ux, x, ones, createGraph: true);
        var uxt = Autograd.Grad(ux, t, ones, createGraph: true);
        var utt = Autograd.Grad(ut, t, ones, createGraph: true);
        return (u, ux, ut, uxx, uxt, utt);
    }

    private static void AssertClose(Tensor expected, Tensor actual, string what)
    {
        var e = expected.ToArray();
        var a = actual.ToArray();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++)
        {
            Assert.True(Math.Abs(e[i] - a[i]) <= 1e-12 * (1 + Math.Abs(e[i])), $"{what}[{i}]: jet {e[i]:R}, nested Grad {a[i]:R}");
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void NestedGradEqualsTheTaylorJets(string activation)
    {
        var model = JetTests.Network(activation, inputs: 2, seed: 21, width: 12);
        var points = Tensor.Uniform(17, 2, -1.5, 1.5, new Random(4), DType.Float64);
        var jet = new TaylorForward(model, new InputDerivatives([0, 1], [(0, 0), (0, 1), (1, 1)])).Forward(points);
        var (u, ux, ut, uxx, uxt, utt) = Derivatives(model, points);
        AssertClose(jet.Value, u, "u");
        AssertClose(jet.D(0), ux, "u_x");
        AssertClose(jet.D(1), ut, "u_t");
        AssertClose(jet.D2(0), uxx, "u_xx");
        AssertClose(jet.D2(0, 1), uxt, "u_xt");
        AssertClose(jet.D2(1), utt, "u_tt");
    }

    [Fact]
    public void Float32NestedGradAgreesWithFloat64()
    {
        var model64 = JetTests.Network("tanh", inputs: 2, seed: 3, width: 20);
        var model32 = new Sequential(
            new Linear(2, 20, random: new Random(3)), new Tanh(),
            new Linear(20, 20, random: new Random(4)), new Tanh(),
            new Linear(20, 1, random: new Random(5)));
        var points = Tensor.Uniform(9, 2, -1, 1, new Random(1), DType.Float64);
        var expected = Derivatives(model64, points);
        var actual = Derivatives(model32, points.To(DType.Float32));
        foreach (var (e, a) in new[] { (expected.Ux, actual.Ux), (expected.Uxx, actual.Uxx), (expected.Uxt, actual.Uxt), (expected.Utt, actual.Utt) })
        {
            var e64 = e.ToArray();
            var a32 = a.ToArray();
            Assert.Equal(DType.Float32, a.DType);
            for (var i = 0; i < e64.Length; i++)
            {
                Assert.True(Math.Abs(e64[i] - a32[i]) <= 1e-4 * (1 + Math.Abs(e64[i])), $"element {i}: float64 {e64[i]:R}, float32 {a32[i]:R}");
            }
        }
    }

    [Fact]
    public void BurgersLossAndItsParameterGradientEqualTheJetBasedOnes()
    {
        var model = JetTests.Network("tanh", inputs: 2, seed: 5, width: 16);
        var points = Tensor.Uniform(40, 2, -1, 1, new Random(8), DType.Float64);
        var initial = Tensor.Uniform(10, 2, -1, 1, new Random(9), DType.Float64);
        var taylor = new TaylorForward(model, new InputDerivatives([0, 1], [(0, 0)]));
        var burgers = Residual.Of(Equations.BurgersGradient);

        model.ZeroGrad();
        var jet = taylor.Forward(points);
        var jetLoss = burgers.Evaluate(jet, JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0)).Square().Mean() + model.Forward(initial).Square().Mean();
        jetLoss.Backward();
        var jetValue = jetLoss.Item();
        var jetGradients = model.Parameters().Select(p => p.Grad.ToArray()).ToArray();

        model.ZeroGrad();
        var (u, ux, ut, uxx, _, _) = Derivatives(model, points);
        var residual = ut + (u * ux) - (0.01 / Math.PI * uxx);
        var nestedLoss = residual.Square().Mean() + model.Forward(initial).Square().Mean();
        nestedLoss.Backward();

        Assert.Equal(jetValue, nestedLoss.Item(), 1e-13);
        var parameters = model.Parameters();
        for (var k = 0; k < parameters.Count; k++)
        {
            var nested = parameters[k].Grad.ToArray();
            for (var i = 0; i < nested.Length; i++)
            {
                Assert.True(Math.Abs(jetGradients[k][i] - nested[i]) <= 1e-11 * (1 + Math.Abs(nested[i])), $"parameter {k} element {i}: jet {jetGradients[k][i]:R}, nested {nested[i]:R}");
            }
        }
    }

    [Fact]
    public void PoissonTrainedThroughNestedGradLowersItsLossAndMatchesTheJetLoss()
    {
        var random = new Random(0);
        var model = new Sequential(
            new Linear(1, 16, random: random, dtype: DType.Float64), new Tanh(),
            new Linear(16, 16, random: random, dtype: DType.Float64), new Tanh(),
            new Linear(16, 1, random: random, dtype: DType.Float64));
        var points = Collocation.Sobol(64, [-1], [1], DType.Float64);
        var boundary = Tensor.FromArray(new[] { -1.0, 1.0 }, 2, 1, DType.Float64);
        var source = points.ToArray().Select(x => Math.PI * Math.PI * Math.Sin(Math.PI * x)).ToArray();
        var forcing = Tensor.FromArray(source, 64, 1, DType.Float64);
        var taylor = new TaylorForward(model, new InputDerivatives([0], [(0, 0)]));
        var poisson = Residual.Of(Equations.PoissonGradient);

        Tensor NestedLoss()
        {
            Tensor x;
            using (Tensor.NoGrad())
            {
                x = points.Clone().RequireGrad();
            }

            var u = model.Forward(x);
            var ux = Autograd.Grad(u, x, Tensor.OnesLike(u), createGraph: true);
            var uxx = Autograd.Grad(ux, x, Tensor.OnesLike(ux), createGraph: true);
            return (uxx + forcing).Square().Mean() + model.Forward(boundary).Square().Mean();
        }

        double JetLoss()
        {
            var jet = taylor.Forward(points);
            var loss = poisson.Evaluate(jet, JetTerm.D2(0), JetTerm.Input(0)).Square().Mean() + model.Forward(boundary).Square().Mean();
            return loss.Item();
        }

        var adam = new Adam(model.Parameters(), learningRate: 1e-2);
        var losses = new List<double>();
        for (var step = 0; step < 300; step++)
        {
            adam.ZeroGrad();
            var loss = NestedLoss();
            losses.Add(loss.Item());
            loss.Backward();
            adam.Step();
            if (step % 100 == 0)
            {
                Assert.Equal(JetLoss(), NestedLoss().Item(), 1e-10);
            }
        }

        Assert.True(losses[^1] < losses[0] / 100, $"loss {losses[0]:E3} → {losses[^1]:E3}");
    }

    [Fact]
    public void NestedGradMatchesPyTorchOnTheSameWeights()
    {
        // bench/pytorch/pinn_grad_fixture.py: torch.autograd.grad(create_graph=True) on a 2-8-8-1 tanh Burgers PINN.
        using var fixture = JsonDocument.Parse(File.ReadAllText(TestFiles.Fixture("pinn_grad_torch.json")));
        var root = fixture.RootElement;
        double[] Numbers(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();
        var model = new Sequential(
            new Linear(2, 8, dtype: DType.Float64), new Tanh(),
            new Linear(8, 8, dtype: DType.Float64), new Tanh(),
            new Linear(8, 1, dtype: DType.Float64));
        var parameters = model.Parameters();
        var values = root.GetProperty("parameters").EnumerateArray().Select(Numbers).ToArray();
        Assert.Equal(parameters.Count, values.Length);
        using (Tensor.NoGrad())
        {
            for (var k = 0; k < parameters.Count; k++)
            {
                values[k].CopyTo(parameters[k].AsSpan<double>());
            }
        }

        var points = Tensor.FromArray(Numbers(root.GetProperty("points")), 7, 2, DType.Float64);
        var (u, ux, ut, uxx, uxt, _) = Derivatives(model, points);
        void Same(string name, Tensor actual)
        {
            var expected = Numbers(root.GetProperty(name));
            var got = actual.ToArray();
            for (var i = 0; i < expected.Length; i++)
            {
                Assert.True(Math.Abs(expected[i] - got[i]) <= 1e-13 * (1 + Math.Abs(expected[i])), $"{name}[{i}]: PyTorch {expected[i]:R}, Leibniz {got[i]:R}");
            }
        }

        Same("u", u);
        Same("u_x", ux);
        Same("u_t", ut);
        Same("u_xx", uxx);
        Same("u_xt", uxt);
        model.ZeroGrad();
        var loss = (ut + (u * ux) - (0.01 / Math.PI * uxx)).Square().Mean();
        loss.Backward();
        Assert.Equal(root.GetProperty("loss").GetDouble(), loss.Item(), 1e-15);
        var gradients = root.GetProperty("gradients").EnumerateArray().Select(Numbers).ToArray();
        for (var k = 0; k < parameters.Count; k++)
        {
            var got = parameters[k].Grad.ToArray();
            for (var i = 0; i < got.Length; i++)
            {
                Assert.True(Math.Abs(gradients[k][i] - got[i]) <= 1e-12 * (1 + Math.Abs(gradients[k][i])), $"parameter {k} element {i}: PyTorch {gradients[k][i]:R}, Leibniz {got[i]:R}");
            }
        }
    }
}
