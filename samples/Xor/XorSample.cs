using Leibniz.Nn;

namespace Leibniz.Samples.Xor;

/// <summary>How one architecture did over several seeds.</summary>
/// <param name="Architecture">The network shape.</param>
/// <param name="Parameters">Its number of weights and biases.</param>
/// <param name="Seeds">How many seeds were tried.</param>
/// <param name="Solved">How many reached 100% accuracy.</param>
/// <param name="BestAccuracy">The best accuracy of any seed.</param>
/// <param name="MedianLoss">The median final loss (binary cross-entropy).</param>
public sealed record ArchitectureOutcome(
    Architecture Architecture, int Parameters, int Seeds, int Solved, double BestAccuracy, double MedianLoss);

/// <summary>What the sample measured.</summary>
/// <param name="Outcomes">One entry per architecture.</param>
/// <param name="TruthTable">The chosen network's probability for (0,0), (0,1), (1,0), (1,1).</param>
/// <param name="TruthTableAccuracy">Its accuracy.</param>
public sealed record XorResult(IReadOnlyList<ArchitectureOutcome> Outcomes, IReadOnlyList<double> TruthTable, double TruthTableAccuracy);

/// <summary>The lecture's exercise 2: fit XOR — how many layers did you need?</summary>
public static class XorSample
{
    private static readonly Tensor Inputs = Tensor.FromArray([0.0, 0, 0, 1, 1, 0, 1, 1], 4, 2);
    private static readonly Tensor Targets = Tensor.FromArray([0.0, 1, 1, 0], 4, 1);

    /// <summary>Runs the sample.</summary>
    public static XorResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var seeds = context.Quick ? 5 : 20;
        var steps = context.Quick ? 400 : 1000;
        context.Heading("XOR: how many layers are needed?");
        context.Line($"Each shape is trained from {seeds} seeds (tanh hidden units, binary cross-entropy on logits, Adam lr 0.05,");
        context.Line($"{steps} full-batch steps); 'solved' means all four points classified right (output > 0.5).");
        var outcomes = context.Train("architectures", Architectures.All.Count * seeds, progress =>
        {
            var list = new List<ArchitectureOutcome>();
            var done = 0;
            foreach (var architecture in Architectures.All)
            {
                var runs = new List<(double Accuracy, double Loss)>();
                for (var s = 0; s < seeds; s++)
                {
                    var model = architecture.Build(new Random(context.Seed + s));
                    var loss = Train(model, steps);
                    runs.Add((Accuracy(model), loss));
                    progress.Report(++done, loss, architecture.Name);
                }

                var losses = runs.Select(r => r.Loss).Order().ToArray();
                list.Add(new ArchitectureOutcome(architecture, architecture.Build(new Random(0)).ParameterCount(), seeds,
                    runs.Count(r => r.Accuracy == 1), runs.Max(r => r.Accuracy), losses[losses.Length / 2]));
            }

            return list;
        });

        var table = new ResultTable("network", "hidden layers", "parameters", "solved", "best accuracy", "median loss");
        foreach (var o in outcomes)
        {
            table.Add(o.Architecture.Name, o.Architecture.HiddenLayers, o.Parameters, $"{o.Solved}/{o.Seeds}",
                $"{o.BestAccuracy * 100:0}%", o.MedianLoss);
        }

        context.Show(table);
        context.Line("Without a hidden layer the network draws one straight line, which gets 3 of 4 points at best; trained");
        context.Line("with cross-entropy it settles on the symmetric compromise p = 0.5 everywhere (loss ln 2 = 0.693147).");
        context.Line("A single hidden unit is still one line through a squashing function: no better.");
        context.Line("One hidden layer with 2 units is enough (two lines, combined by the output unit); with only 2 units");
        context.Line("some seeds stall in a poor local minimum, and wider layers make it reliable. Answer: one hidden layer.");

        var chosen = Architectures.All.Single(a => a.Name == "1 hidden layer, 2 units");
        var network = FirstSolved(chosen, context.Seed, seeds, steps);
        var probabilities = Probabilities(network);
        var truth = new ResultTable("x₁", "x₂", "XOR", "network output", "class");
        for (var i = 0; i < 4; i++)
        {
            truth.Add(Inputs[i, 0], Inputs[i, 1], Targets[i, 0], probabilities[i], probabilities[i] > 0.5 ? 1 : 0);
        }

        context.Line();
        context.Line("Truth table of a 2-unit network that solved it (output = sigmoid of the logit):");
        context.Show(truth);
        PlotRegions(context, network);
        return new XorResult(outcomes, probabilities, Accuracy(network));
    }

    private static double Train(Module model, int steps)
    {
        var optimizer = new Adam(model.Parameters(), learningRate: 0.05);
        var lossFunction = new BCEWithLogitsLoss();
        var last = double.NaN;
        for (var step = 0; step < steps; step++)
        {
            optimizer.ZeroGrad();
            var loss = lossFunction.Forward(model.Forward(Inputs), Targets);
            last = loss.Item();
            loss.Backward();
            optimizer.Step();
        }

        return last;
    }

    private static Module FirstSolved(Architecture architecture, int seed, int seeds, int steps)
    {
        for (var s = 0; s < seeds; s++)
        {
            var model = architecture.Build(new Random(seed + s));
            Train(model, steps);
            if (Accuracy(model) == 1)
            {
                return model;
            }
        }

        throw new InvalidOperationException($"No seed from {seed} to {seed + seeds - 1} solved XOR with {architecture.Name}.");
    }

    private static double[] Probabilities(Module model)
    {
        using (Tensor.NoGrad())
        {
            return model.Forward(Inputs).Sigmoid().ToArray();
        }
    }

    private static double Accuracy(Module model)
    {
        var p = Probabilities(model);
        return Enumerable.Range(0, 4).Count(i => (p[i] > 0.5 ? 1 : 0) == Targets[i, 0]) / 4.0;
    }

    private static void PlotRegions(SampleContext context, Module network)
    {
        const int n = 120;
        const double min = -0.5, max = 1.5;
        var grid = new double[n * n * 2];
        var cell = (max - min) / n;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                grid[2 * (row * n + col)] = min + (col + 0.5) * cell;
                grid[2 * (row * n + col) + 1] = max - (row + 0.5) * cell;
            }
        }

        double[] p;
        using (Tensor.NoGrad())
        {
            p = network.Forward(Tensor.FromArray(grid, n * n, 2)).Sigmoid().ToArray();
        }

        var values = new double[n, n];
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                values[row, col] = p[row * n + col];
            }
        }

        HeatmapChart.Save(context, "xor-regions.png", "XOR with one hidden layer of 2 units: P(class 1)", values, min, max,
            "network output", new ScottPlot.Range(0, 1), decorate: plot =>
            {
                plot.Add.Markers(new[] { 0.0, 1.0 }, new[] { 1.0, 0.0 }, ScottPlot.MarkerShape.FilledCircle, 14, ScottPlot.Colors.White);
                plot.Add.Markers(new[] { 0.0, 1.0 }, new[] { 0.0, 1.0 }, ScottPlot.MarkerShape.FilledSquare, 14, ScottPlot.Colors.Black);
            });
    }
}
