namespace Leibniz.Samples.LinearRegression;

/// <summary>What the sample measured.</summary>
/// <param name="TapeW">w after gradient descent on the tape.</param>
/// <param name="TapeB">b after gradient descent on the tape.</param>
/// <param name="TapeLoss">The final mean squared error of the tape run.</param>
/// <param name="NnW">w after training Linear(1, 1) with SGD.</param>
/// <param name="NnB">b after training Linear(1, 1) with SGD.</param>
/// <param name="NnLoss">The final mean squared error of the Leibniz.Nn run (float32).</param>
public sealed record LinearRegressionResult(double TapeW, double TapeB, double TapeLoss, double NnW, double NnB, double NnLoss);

/// <summary>
/// The lecture's line fit: 100 points around y = 3x + 2, w and b learned by gradient descent (lr 0.01, 1000 epochs).
/// </summary>
public static class LinearRegressionSample
{
    /// <summary>The lecture's learning rate.</summary>
    public const double LearningRate = 0.01;

    /// <summary>Runs the sample.</summary>
    public static LinearRegressionResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var epochs = context.Quick ? 300 : 1000;
        var data = LectureData.Create(context.Seed);
        context.Heading("The data");
        context.Line($"{data.X.Length} points, x ~ N(0, 1)·10, y = 3x + 2 + N(0, 1)·0.5 (seed {context.Seed}).");
        context.Line($"Start: w = {ResultTable.Num(data.InitialW)}, b = {ResultTable.Num(data.InitialB)}, lr = {LearningRate}, {epochs} epochs.");
        context.Line($"Gradient descent on this loss is stable only for lr < 1/mean(x²) = {ResultTable.Num(data.LargestStableLearningRate)}:");
        context.Line("the loss curves 2·mean(x²) times more steeply in w than in b (≈ 200 for x ~ N(0, 100)), so the");
        context.Line("lecture's lr = 0.01 is close to the edge: a sample with mean(x²) > 100 makes its loop diverge.");

        context.Heading("1. w and b as tape variables, updated by hand (the lecture's loop)");
        context.Line("    for each epoch: tape.Clear(); w, b = tape.Variable(...); loss = mean((w·x + b − y)²);");
        context.Line("                    tape.Backward(loss); w -= lr·∂loss/∂w; b -= lr·∂loss/∂b");
        var tape = context.Train("tape", epochs, progress => TapeRegression.Train(data, LearningRate, epochs, progress));

        context.Heading("2. The same with Leibniz.Nn: Linear(1, 1), MSELoss, SGD(lr = 0.01)");
        context.Line("    optimizer.ZeroGrad(); var loss = mse.Forward(model.Forward(x), y); loss.Backward(); optimizer.Step();");
        var nn = context.Train("Leibniz.Nn", epochs, progress => NnRegression.Train(data, LearningRate, epochs, progress));

        var table = new ResultTable("method", "w", "b", "final loss (MSE)");
        table.Add("truth", 3.0, 2.0, "");
        table.Add("tape, by hand (float64)", tape.W, tape.B, tape.Losses[^1]);
        table.Add("Leibniz.Nn + SGD (float32)", nn.W, nn.B, nn.Losses[^1]);
        context.Show(table);
        context.Line("Both reach the least-squares line; the loss that remains is the noise (σ = 0.5, so MSE ≈ 0.25).");

        var epochAxis = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
        new Chart("Training loss (mean squared error)", "epoch", "loss").LogY()
            .Line("tape, by hand", epochAxis, tape.Losses)
            .Line("Leibniz.Nn + SGD", epochAxis, nn.Losses, dashed: true)
            .Save(context, "linear-regression-loss.png");
        var line = new Chart("Data and fitted line", "x", "y").Points("data", data.X, data.Y);
        var ends = new[] { data.X.Min(), data.X.Max() };
        line.Line($"y = {tape.W:F3}x + {tape.B:F3}", ends, ends.Select(x => tape.W * x + tape.B).ToArray());
        line.Save(context, "linear-regression-fit.png");
        return new LinearRegressionResult(tape.W, tape.B, tape.Losses[^1], nn.W, nn.B, nn.Losses[^1]);
    }
}
