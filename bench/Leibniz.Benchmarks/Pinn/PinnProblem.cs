using Leibniz.Nn;
using Leibniz.Nn.Pinn;

namespace Leibniz.Benchmarks.Pinn;

/// <summary>
/// One PINN training problem with the networks and point counts of bench/pytorch/pinn_steps.py (float32): a
/// <see cref="Step"/> is zero_grad, loss with input derivatives, backward, Adam step.
/// </summary>
public sealed partial class PinnProblem
{
    private readonly Sequential _model;
    private readonly Adam _adam;
    private readonly Func<Tensor> _loss;

    private PinnProblem(Sequential model, Func<Tensor> loss)
    {
        _model = model;
        _loss = loss;
        _adam = new Adam(model.Parameters(), 1e-3);
    }

    /// <summary>The problem names.</summary>
    public static readonly string[] Names = ["poisson1d", "burgers", "poisson2d", "poisson1d-grad", "burgers-grad"];

    /// <summary>Builds a problem by name.</summary>
    public static PinnProblem Create(string name) => name switch
    {
        "poisson1d" => Poisson1D(),
        "burgers" => Burgers(),
        "poisson2d" => Poisson2D(),
        "poisson1d-grad" => Poisson1DByGrad(),
        "burgers-grad" => BurgersByGrad(),
        _ => throw new ArgumentException($"Unknown PINN problem '{name}'.", nameof(name)),
    };

    /// <summary>One training step; returns the loss.</summary>
    public double Step()
    {
        _adam.ZeroGrad();
        var loss = _loss();
        loss.Backward();
        _adam.Step();
        return loss.Item();
    }

    private static Sequential Mlp(Random random, params int[] widths)
    {
        var model = new Sequential();
        for (var i = 0; i + 1 < widths.Length; i++)
        {
            model.Add(new Linear(widths[i], widths[i + 1], random: random));
            if (i + 2 < widths.Length)
            {
                model.Add(new Tanh());
            }
        }

        return model;
    }

    private static PinnProblem Poisson1D()
    {
        var model = Mlp(new Random(0), 1, 32, 32, 32, 1);
        var points = Collocation.Uniform(128, [-1], [1], new Random(1));
        var boundary = Tensor.FromArray(new[] { -1.0, 1.0 }, 2, 1);
        var taylor = new TaylorForward(model, new InputDerivatives([0], [(0, 0)]));
        var residual = Residual.Of(PinnEquations.Poisson1DGradient);
        return new PinnProblem(model, () =>
            residual.Evaluate(taylor.Forward(points), JetTerm.D2(0), JetTerm.Input(0)).Square().Mean() + model.Forward(boundary).Square().Mean());
    }

    private static PinnProblem Burgers()
    {
        var random = new Random(1);
        var model = Mlp(new Random(0), 2, 20, 20, 20, 20, 1);
        var points = Collocation.Uniform(2540, [-1, 0], [1, 1], random);
        var initial = new double[160];
        var initialValues = new double[80];
        var boundary = new double[160];
        for (var i = 0; i < 80; i++)
        {
            initial[2 * i] = -1 + (2 * random.NextDouble());
            initialValues[i] = -Math.Sin(Math.PI * initial[2 * i]);
            boundary[2 * i] = i % 2 == 0 ? -1 : 1;
            boundary[(2 * i) + 1] = random.NextDouble();
        }

        var x0 = Tensor.FromArray(initial, 80, 2);
        var u0 = Tensor.FromArray(initialValues, 80, 1);
        var xb = Tensor.FromArray(boundary, 80, 2);
        var taylor = new TaylorForward(model, new InputDerivatives([0, 1], [(0, 0)]));
        var residual = Residual.Of(PinnEquations.BurgersGradient);
        return new PinnProblem(model, () =>
            residual.Evaluate(taylor.Forward(points), JetTerm.U, JetTerm.D(1), JetTerm.D(0), JetTerm.D2(0)).Square().Mean()
            + (model.Forward(x0) - u0).Square().Mean() + model.Forward(xb).Square().Mean());
    }

    private static PinnProblem Poisson2D()
    {
        var random = new Random(1);
        var model = Mlp(new Random(0), 2, 32, 32, 32, 1);
        var points = Collocation.Uniform(1024, [0, 0], [1, 1], random);
        var boundary = new double[512];
        for (var i = 0; i < 256; i++)
        {
            var s = random.NextDouble();
            (boundary[2 * i], boundary[(2 * i) + 1]) = (i % 4) switch { 0 => (s, 0.0), 1 => (s, 1.0), 2 => (0.0, s), _ => (1.0, s) };
        }

        var xb = Tensor.FromArray(boundary, 256, 2);
        var taylor = new TaylorForward(model, new InputDerivatives([0, 1], [(0, 0), (1, 1)]));
        var residual = Residual.Of(PinnEquations.Poisson2DGradient);
        return new PinnProblem(model, () =>
            residual.Evaluate(taylor.Forward(points), JetTerm.D2(0), JetTerm.D2(1), JetTerm.Input(0), JetTerm.Input(1)).Square().Mean()
            + model.Forward(xb).Square().Mean());
    }
}
