using Leibniz.Nn;
using Leibniz.Nn.Pinn;

namespace Leibniz.Samples.Pinn;

/// <summary>−u″ = π² sin πx on [−1, 1], u(±1) = 0; exact u = sin πx. Network 1-32-32-32-1 tanh, 128 points.</summary>
public static class Poisson1DProblem
{
    /// <summary>Trains and evaluates.</summary>
    public static PinnOutcome Run(SampleContext context)
    {
        context.Heading("1-D Poisson: −u″ = π² sin πx on [−1, 1], u(±1) = 0");
        var dtype = DType.Float64;
        var random = new Random(context.Seed);
        var model = new Sequential(
            new Linear(1, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 1, random: random, dtype: dtype));
        var points = Collocation.Sobol(128, [-1], [1], dtype);
        var boundary = Tensor.FromArray(new[] { -1.0, 1.0 }, 2, 1, dtype);
        var taylor = new TaylorForward(model, new InputDerivatives([0], [(0, 0)]));
        var residual = Residual.Of(Equations.Poisson1DGradient);
        Tensor Loss()
        {
            var jet = taylor.Forward(points);
            var r = residual.Evaluate(jet, JetTerm.D2(0), JetTerm.Input(0));
            return r.Square().Mean() + model.Forward(boundary).Square().Mean();
        }

        context.Line("u″ comes from a forward Taylor pass (value, u′, u″ per layer) kept on the reverse graph; the residual");
        context.Line("u″ + π² sin πx is a [Differentiable] C# method whose generated gradient is one fused node.");
        context.Line($"MLP 1-32-32-32-1 tanh ({model.ParameterCount()} parameters, float64), 128 Sobol points, loss = mean r² + mean u(±1)².");
        var adamSteps = PinnSample.Steps(context, "adam", context.Quick ? 300 : 3000);
        var lbfgsIterations = PinnSample.Steps(context, "lbfgs", context.Quick ? 100 : 2000);
        var history = new LossHistory();
        var seconds = PinnTraining.Train(context, "1-D Poisson", model, Loss, adamSteps, 1e-2, lbfgsIterations, history);

        var xs = Enumerable.Range(0, 1001).Select(i => -1 + (i * 0.002)).ToArray();
        var u = PinnTraining.Predict(model, xs, 1, dtype);
        var exact = xs.Select(x => Math.Sin(Math.PI * x)).ToArray();
        var error = PinnTraining.RelativeL2(u, exact);
        context.Line($"relative L2 error on 1,001 points: {ResultTable.Num(error)} (training {seconds:0.0} s)");

        new Chart("1-D Poisson: network against sin πx", "x", "u").Line("exact sin πx", xs, exact).Line("PINN", xs, u, dashed: true)
            .Save(context, "poisson1d-u.png", 800, 450);
        new Chart("1-D Poisson: |u − sin πx|", "x", "absolute error").LogY()
            .Line("error", xs, u.Zip(exact, (a, b) => Math.Max(Math.Abs(a - b), 1e-16)).ToArray())
            .Save(context, "poisson1d-error.png", 800, 450);
        FieldChart.SaveLoss(context, "poisson1d-loss.png", "1-D Poisson: training loss", history);
        return new PinnOutcome("1-D Poisson", error, history.Final, seconds, adamSteps, points.Rows);
    }
}
