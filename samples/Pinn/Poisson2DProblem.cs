using Leibniz.Nn;
using Leibniz.Nn.Pinn;

namespace Leibniz.Samples.Pinn;

/// <summary>
/// −Δu = 2π² sin πx sin πy on the unit square, u = 0 on its edges; exact u = sin πx sin πy. Network 2-32-32-32-1
/// tanh, 1,024 interior and 256 boundary points.
/// </summary>
public static class Poisson2DProblem
{
    /// <summary>Trains and evaluates.</summary>
    public static PinnOutcome Run(SampleContext context)
    {
        context.Heading("2-D Poisson: −Δu = 2π² sin πx sin πy on [0, 1]², u = 0 on the boundary");
        var dtype = DType.Float32;
        var random = new Random(context.Seed);
        var model = new Sequential(
            new Linear(2, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 1, random: random, dtype: dtype));
        var points = Collocation.Sobol(1024, [0, 0], [1, 1], dtype);
        var boundary = Boundary(256, random, dtype);
        var taylor = new TaylorForward(model, new InputDerivatives([0, 1], [(0, 0), (1, 1)]));
        var residual = Residual.Of(Equations.Poisson2DGradient);
        Tensor Loss()
        {
            var jet = taylor.Forward(points);
            var r = residual.Evaluate(jet, JetTerm.D2(0), JetTerm.D2(1), JetTerm.Input(0), JetTerm.Input(1));
            return r.Square().Mean() + model.Forward(boundary).Square().Mean();
        }

        context.Line($"MLP 2-32-32-32-1 tanh ({model.ParameterCount()} parameters, float32), 1,024 Sobol interior points,");
        context.Line("256 random boundary points; u_xx and u_yy from one Taylor pass (first derivatives in x and y, two pure seconds).");
        var adamSteps = PinnSample.Steps(context, "adam", context.Quick ? 50 : 3000);
        var lbfgsIterations = PinnSample.Steps(context, "lbfgs", context.Quick ? 10 : 4000);
        var history = new LossHistory();
        var seconds = PinnTraining.Train(context, "2-D Poisson", model, Loss, adamSteps, 1e-2, lbfgsIterations, history);

        var n = context.Quick ? 50 : 101;
        var grid = FieldChart.Grid(0, 1, 0, 1, n, n);
        var u = PinnTraining.Predict(model, grid, 2, dtype);
        var exact = new double[u.Length];
        for (var i = 0; i < exact.Length; i++)
        {
            exact[i] = Math.Sin(Math.PI * grid[2 * i]) * Math.Sin(Math.PI * grid[(2 * i) + 1]);
        }

        var error = PinnTraining.RelativeL2(u, exact);
        context.Line($"relative L2 error on a {n}×{n} grid: {ResultTable.Num(error)} (training {seconds:0.0} s)");
        FieldChart.Save(context, "poisson2d-u.png", "2-D Poisson: PINN u(x, y)", u, n, n, 0, 1, 0, 1, "x", "y", "u");
        FieldChart.Save(context, "poisson2d-error.png", "2-D Poisson: |u − sin πx sin πy|", u.Zip(exact, (a, b) => Math.Abs(a - b)).ToArray(),
            n, n, 0, 1, 0, 1, "x", "y", "absolute error");
        FieldChart.SaveLoss(context, "poisson2d-loss.png", "2-D Poisson: training loss", history);
        return new PinnOutcome("2-D Poisson", error, history.Final, seconds, adamSteps, points.Rows);
    }

    /// <summary>Points spread evenly at random over the four edges.</summary>
    private static Tensor Boundary(int count, Random random, DType dtype)
    {
        var data = new double[2 * count];
        for (var i = 0; i < count; i++)
        {
            var s = random.NextDouble();
            (data[2 * i], data[(2 * i) + 1]) = (i % 4) switch
            {
                0 => (s, 0.0),
                1 => (s, 1.0),
                2 => (0.0, s),
                _ => (1.0, s),
            };
        }

        return Tensor.FromArray(data, count, 2, dtype);
    }
}
