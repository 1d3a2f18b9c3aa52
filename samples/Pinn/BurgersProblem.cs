using Leibniz.Nn;
using Leibniz.Nn.Pinn;

namespace Leibniz.Samples.Pinn;

/// <summary>
/// Viscous Burgers u_t + u·u_x = (0.01/π)·u_xx on [−1, 1] × [0, 1], u(x, 0) = −sin πx, u(±1, t) = 0 (Raissi et
/// al. 2019): network 2-20-20-20-20-1 tanh, 2,540 Latin-hypercube collocation points, 80 initial and 80 boundary
/// points, plus residual-based adaptive refinement at the shock. Reference by Cole–Hopf.
/// </summary>
public static class BurgersProblem
{
    /// <summary>Trains and evaluates.</summary>
    public static PinnOutcome Run(SampleContext context)
    {
        context.Heading("Burgers: u_t + u·u_x = (0.01/π)·u_xx, u(x, 0) = −sin πx, u(±1, t) = 0");
        var dtype = DType.Float32;
        var random = new Random(context.Seed);
        var model = new Sequential(
            new Linear(2, 20, random: random, dtype: dtype), new Tanh(),
            new Linear(20, 20, random: random, dtype: dtype), new Tanh(),
            new Linear(20, 20, random: random, dtype: dtype), new Tanh(),
            new Linear(20, 20, random: random, dtype: dtype), new Tanh(),
            new Linear(20, 1, random: random, dtype: dtype));
        var points = Collocation.LatinHypercube(2540, [-1, 0], [1, 1], random, dtype);
        var (initial, initialValues) = Initial(80, random, dtype);
        var boundary = Boundary(80, random, dtype);
        var request = new InputDerivatives([0, 1], [(0, 0)]);
        var taylor = new TaylorForward(model, request);
        var residual = Residual.Of(Equations.BurgersGradient);
        Tensor ResidualAt(Tensor at) => residual.Evaluate(taylor.Forward(at), JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0));
        Tensor Loss() =>
            ResidualAt(points).Square().Mean() + (model.Forward(initial) - initialValues).Square().Mean() + model.Forward(boundary).Square().Mean();

        var adamSteps = PinnSample.Steps(context, "adam", context.Quick ? 30 : 10000);
        var lbfgsIterations = PinnSample.Steps(context, "lbfgs", context.Quick ? 10 : 4000);
        var refinements = context.Quick ? 1 : 10;
        var refineEvery = Math.Max(1, adamSteps / (refinements + 1));
        const int Added = 100;
        context.Line($"MLP 2-20-20-20-20-1 tanh ({model.ParameterCount()} parameters, float32); 2,540 collocation, 80 initial, 80 boundary points.");
        context.Line($"Residual-based refinement: every {refineEvery} Adam steps, the {Added} of 10,000 random points with the largest |residual|");
        context.Line($"join the collocation points ({refinements} times). Adam {adamSteps} steps, then L-BFGS {lbfgsIterations} iterations.");

        var history = new LossHistory();
        var seconds = PinnTraining.Train(context, "Burgers", model, Loss, adamSteps, 3e-3, lbfgsIterations, history, step =>
        {
            if (step % refineEvery == 0 && step / refineEvery <= refinements)
            {
                var candidates = Collocation.Uniform(10000, [-1, 0], [1, 1], random, dtype);
                Tensor r;
                using (Tensor.NoGrad())
                {
                    r = ResidualAt(candidates);
                }

                points = AdaptiveRefinement.Append(points, AdaptiveRefinement.Largest(candidates, r, Added));
            }
        });

        context.Line("Reference: Cole–Hopf with 100-node Gauss–Hermite quadrature on a 256 × 100 grid (x × t).");
        var reference = new BurgersReference(Equations.Viscosity);
        const int Nx = 256, Nt = 100;
        var grid = new double[2 * Nx * Nt];
        var exact = new double[Nx * Nt];
        for (var row = 0; row < Nx; row++)
        {
            var x = 1 - (2.0 * row / (Nx - 1));
            for (var col = 0; col < Nt; col++)
            {
                var t = col / 100.0;
                var i = (row * Nt) + col;
                (grid[2 * i], grid[(2 * i) + 1]) = (x, t);
                exact[i] = reference.Value(x, t);
            }
        }

        var u = PinnTraining.Predict(model, grid, 2, dtype);
        var error = PinnTraining.RelativeL2(u, exact);
        context.Line($"relative L2 error: {ResultTable.Num(error)} (training {seconds:0.0} s, {points.Rows} collocation points at the end)");

        var range = new ScottPlot.Range(-1, 1);
        FieldChart.Save(context, "burgers-u.png", "Burgers: PINN u(t, x)", u, Nt, Nx, 0, 0.99, -1, 1, "t", "x", "u", range);
        FieldChart.Save(context, "burgers-reference.png", "Burgers: Cole–Hopf reference", exact, Nt, Nx, 0, 0.99, -1, 1, "t", "x", "u", range);
        FieldChart.Save(context, "burgers-error.png", "Burgers: |PINN − reference|", u.Zip(exact, (a, b) => Math.Abs(a - b)).ToArray(),
            Nt, Nx, 0, 0.99, -1, 1, "t", "x", "absolute error");
        Slices(context, model, reference, dtype);
        FieldChart.SaveLoss(context, "burgers-loss.png", "Burgers: training loss", history);
        return new PinnOutcome("Burgers", error, history.Final, seconds, adamSteps, points.Rows);
    }

    private static void Slices(SampleContext context, Module model, BurgersReference reference, DType dtype)
    {
        var xs = Enumerable.Range(0, 401).Select(i => -1 + (i * 0.005)).ToArray();
        var chart = new Chart("Burgers: u(x, t) at t = 0.25, 0.50, 0.75", "x", "u");
        foreach (var t in new[] { 0.25, 0.5, 0.75 })
        {
            var u = PinnTraining.Predict(model, xs.SelectMany(x => new[] { x, t }).ToArray(), 2, dtype);
            chart.Line($"reference t = {t:0.00}", xs, xs.Select(x => reference.Value(x, t)).ToArray());
            chart.Line($"PINN t = {t:0.00}", xs, u, dashed: true);
        }

        chart.LegendOutside().Save(context, "burgers-slices.png", 1000, 450);
    }

    private static (Tensor Points, Tensor Values) Initial(int count, Random random, DType dtype)
    {
        var points = new double[2 * count];
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            var x = -1 + (2 * (i + random.NextDouble()) / count);
            (points[2 * i], points[(2 * i) + 1]) = (x, 0);
            values[i] = -Math.Sin(Math.PI * x);
        }

        return (Tensor.FromArray(points, count, 2, dtype), Tensor.FromArray(values, count, 1, dtype));
    }

    private static Tensor Boundary(int count, Random random, DType dtype)
    {
        var points = new double[2 * count];
        for (var i = 0; i < count; i++)
        {
            (points[2 * i], points[(2 * i) + 1]) = (i % 2 == 0 ? -1 : 1, random.NextDouble());
        }

        return Tensor.FromArray(points, count, 2, dtype);
    }
}
