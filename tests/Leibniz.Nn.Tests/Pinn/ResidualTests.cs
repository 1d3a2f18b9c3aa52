using Leibniz.Nn.Pinn;

namespace Leibniz.Nn.Tests.Pinn;

/// <summary>The fused residual node against the same expression built from ordinary tensor operations.</summary>
public sealed class ResidualTests
{
    [Fact]
    public void BurgersResidualEqualsTensorExpressionAndItsParameterGradientToo()
    {
        var model = JetTests.Network("tanh", inputs: 2, seed: 21, width: 5);
        var points = Tensor.Uniform(7, 2, -1, 1, new Random(2), DType.Float64);
        var taylor = new TaylorForward(model, new InputDerivatives([1, 0], [(0, 0)]));
        var residual = Residual.Of(Equations.BurgersGradient);

        model.ZeroGrad();
        var jet = taylor.Forward(points);
        var fused = residual.Evaluate(jet, JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0));
        var fusedValues = fused.ToArray();
        fused.Square().Mean().Backward();
        var fusedGradients = model.Parameters().Select(p => p.Grad.ToArray()).ToArray();

        model.ZeroGrad();
        jet = taylor.Forward(points);
        var u = jet.Value;
        var plain = jet.D(1) + (u * jet.D(0)) - (jet.D2(0) * (0.01 / Math.PI));
        var plainValues = plain.ToArray();
        plain.Square().Mean().Backward();
        var plainGradients = model.Parameters().Select(p => p.Grad.ToArray()).ToArray();

        Assert.Equal(7, fusedValues.Length);
        for (var i = 0; i < fusedValues.Length; i++)
        {
            Assert.Equal(plainValues[i], fusedValues[i], 1e-13);
        }

        for (var p = 0; p < plainGradients.Length; p++)
        {
            for (var i = 0; i < plainGradients[p].Length; i++)
            {
                Assert.Equal(plainGradients[p][i], fusedGradients[p][i], 1e-12);
            }
        }
    }

    [Fact]
    public void TwoResidualsOnOneJetAddTheirGradients()
    {
        var model = JetTests.Network("tanh", inputs: 2, seed: 5);
        var points = Tensor.Uniform(6, 2, -1, 1, new Random(8), DType.Float64);
        var taylor = new TaylorForward(model, new InputDerivatives([1, 0], [(0, 0)]));
        var residual = Residual.Of(Equations.BurgersGradient);
        double[][] Gradients(bool twice)
        {
            model.ZeroGrad();
            var jet = taylor.Forward(points);
            var loss = residual.Evaluate(jet, JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0)).Sum();
            if (twice)
            {
                loss = loss + residual.Evaluate(jet, JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0)).Sum();
            }

            loss.Backward();
            return model.Parameters().Select(p => p.Grad.ToArray()).ToArray();
        }

        var once = Gradients(twice: false);
        var twice = Gradients(twice: true);
        for (var p = 0; p < once.Length; p++)
        {
            for (var i = 0; i < once[p].Length; i++)
            {
                Assert.Equal(2 * once[p][i], twice[p][i], 1e-12);
            }
        }
    }

    [Fact]
    public void InputColumnsEnterAsConstants()
    {
        var model = JetTests.Network("tanh", inputs: 1, seed: 4);
        var points = Tensor.FromArray(new[] { -0.5, 0.0, 0.25 }, 3, 1, DType.Float64);
        var jet = new TaylorForward(model, new InputDerivatives([0], [(0, 0)])).Forward(points);
        var r = Residual.Of(Equations.PoissonGradient).Evaluate(jet, JetTerm.D2(0), JetTerm.Input(0));
        for (var i = 0; i < 3; i++)
        {
            var x = points[i, 0];
            Assert.Equal(jet.D2(0)[i, 0] + (Math.PI * Math.PI * Math.Sin(Math.PI * x)), r[i, 0], 1e-12);
        }
    }

    [Fact]
    public void WrongTermsAreRejected()
    {
        var model = JetTests.Network("tanh", inputs: 2, seed: 4);
        var jet = new TaylorForward(model, new InputDerivatives([0])).Forward(Tensor.Zeros(2, 2, DType.Float64));
        var residual = Residual.Of(Equations.PoissonGradient);
        Assert.Contains("takes 2 arguments", Assert.Throws<ArgumentException>(() => residual.Evaluate(jet, JetTerm.U)).Message);
        Assert.Contains("(0, 0)", Assert.Throws<ArgumentException>(() => residual.Evaluate(jet, JetTerm.D2(0), JetTerm.Input(0))).Message);
        Assert.Contains("column 5", Assert.Throws<ArgumentException>(() => residual.Evaluate(jet, JetTerm.D(0), JetTerm.Input(5))).Message);
    }
}
