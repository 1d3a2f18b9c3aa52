using Leibniz.Nn;
using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

public sealed class DistillerTests
{
    private static double Gaussian(double theta) => Math.Exp(-theta * theta / 2) / Math.Sqrt(2 * Math.PI);

    private static RegressionData Raw()
    {
        var raw = RandomTrees.Data(1, 200, seed: 7, -3, 3);
        return new RegressionData(["theta"], [raw.Column(0)], [.. raw.Column(0).Select(Gaussian)]);
    }

    [Fact]
    public void Refitting_a_structure_distilled_from_a_network_on_raw_data_makes_it_exact()
    {
        // Feynman I.6.2a, f(θ) = exp(−θ²/2)/√(2π), seen through a "network" that is off by up to 1e-4: the right
        // structure k·exp(w·θ·θ) fitted to its predictions carries the error in its constants.
        var raw = Raw();
        var predictions = new RegressionData(["theta"], [raw.Column(0)], [.. raw.Column(0).Select(t => Gaussian(t) + 1e-4 * Math.Sin(3 * t))]);
        Node[] nodes = [Node.Input(0, 0.8), Node.Input(0, -0.8), Node.Function(Symbol.Mul), Node.Function(Symbol.Exp)];
        var fit = new ConstantFitter().Fit(nodes, predictions, 50);
        var distilled = SymbolicRegression.Finish(new Individual(nodes, fit.Error, fit.Scale, fit.Offset), predictions);
        Assert.True(distilled.TrainingError > 1e-9, distilled.ToMath());

        var refitted = distilled.Refit(raw);
        Assert.True(refitted.TrainingError < 1e-24, refitted.ToMath());
        Assert.Equal("1/√(2π)·exp((-1/2)·theta²)", refitted.ToMath());
        Assert.Equal(Gaussian(4.5), refitted.Evaluate(4.5), 1e-15);
    }

    [Fact]
    public void Distilling_a_function_samples_its_box_and_refits_on_raw_data()
    {
        Func<double[], double> network = p => Gaussian(p[0]) + 1e-4 * Math.Sin(3 * p[0]);
        var raw = Raw();
        var options = new DistillOptions
        {
            Samples = 300,
            RawData = raw,
            Search = new SearchOptions { PopulationSize = 100, MaxEvaluations = 30_000, MaxLength = 15, Seed = 1 },
        };
        var result = Distiller.Distill(network, ["theta"], [-3.0], [3.0], options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(300, result.Samples.Rows);
        Assert.All(result.Samples.Column(0), t => Assert.InRange(t, -3, 3));
        Assert.Equal(network([result.Samples.Column(0)[5]]), result.Samples.Target[5]);
        Assert.True(result.Model.RSquared(raw) >= result.Regression.Chosen.RSquared(raw) - 1e-12);
    }

    [Fact]
    public void A_module_becomes_a_function_and_its_input_gradient_leaves_the_parameters_alone()
    {
        var linear = new Linear(2, 1, random: new Random(1));
        var (w, b) = (linear.Parameters()[0].ToArray(), linear.Parameters()[1].ToArray());
        var f = linear.AsFunction(2);
        var gradient = linear.AsGradient(2);

        Assert.Equal(w[0] * 0.5 + w[1] * -2 + b[0], f([0.5, -2]), 1e-6);
        Assert.Equal(w, gradient([0.5, -2]), (x, y) => Math.Abs(x - y) < 1e-6);
        Assert.All(linear.Parameters(), p => Assert.True(p.RequiresGrad && !p.HasGrad));
        Assert.Throws<ArgumentException>("point", () => f([1.0]));
    }

    [Fact]
    public void Sobolev_fitting_scores_the_front_by_derivatives_too()
    {
        Func<double[], double> f = p => Math.Sin(p[0]) + 0.5 * p[1];
        var options = new DistillOptions
        {
            Samples = 100,
            DerivativeWeight = 1,
            Search = new SearchOptions { PopulationSize = 100, MaxEvaluations = 50_000, MaxLength = 12, Seed = 3 },
        };
        var result = Distiller.Distill(f, ["x", "y"], [-2.0, -2.0], [2.0, 2.0], options,
            gradient: p => [Math.Cos(p[0]), 0.5], cancellationToken: TestContext.Current.CancellationToken);

        Assert.Contains(result.Model, result.Regression.Front);
        Assert.True(result.Model.TrainingError < 1e-6, result.Model.ToMath());
        Assert.Throws<ArgumentException>("high", () => Distiller.Distill(f, ["x", "y"], [0.0, 0.0], [1.0, 0.0], cancellationToken: TestContext.Current.CancellationToken));
    }
}
