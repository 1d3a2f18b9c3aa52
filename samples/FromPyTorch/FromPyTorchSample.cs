namespace Leibniz.Samples.FromPyTorch;

/// <summary>What the sample measured.</summary>
/// <param name="W">w after loop 1.</param>
/// <param name="B">b after loop 1.</param>
/// <param name="ManualLosses">Loop 2's printed (step, loss) pairs.</param>
/// <param name="RmsPropLosses">Loop 3's printed (step, loss) pairs.</param>
/// <param name="MeanPredictorLoss">The sum-of-squares loss of always predicting the mean of y, for scale.</param>
public sealed record FromPyTorchResult(
    double W,
    double B,
    IReadOnlyList<(int Step, double Loss)> ManualLosses,
    IReadOnlyList<(int Step, double Loss)> RmsPropLosses,
    double MeanPredictorLoss);

/// <summary>The lecture's PyTorch training loops in C#, run one after the other.</summary>
public static class FromPyTorchSample
{
    /// <summary>How many points xx has (the lecture does not show its xx and y; see <see cref="Data"/>).</summary>
    public const int Points = 1000;

    /// <summary>Runs the sample.</summary>
    public static FromPyTorchResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var epochs = context.Quick ? 300 : 1000;
        var steps = context.Quick ? 500 : 2000;

        context.Heading("Loop 1: gradient descent on w and b (torch.no_grad update, grad.zero_())");
        var (w, b, loss) = context.Train("loop 1", epochs,
            progress => LectureLoops.GradientDescent(new Random(context.Seed), epochs, progress));
        context.Line($"w = {ResultTable.Num(w)}, b = {ResultTable.Num(b)} (truth 3 and 2), final loss {ResultTable.Num(loss)}");

        var (xx, y, meanLoss) = Data(context.Seed);
        context.Heading("Loops 2 and 3: TorchMLP = Sequential(Linear(2,3), ReLU, Linear(3,1), ReLU), MSELoss(sum)");
        context.Line($"The lecture does not show its xx and y; here xx is {Points} points of [-5.12, 5.12]² and y = Rastrigin(xx),");
        context.Line($"the function of its first exercise. Predicting the mean of y everywhere would give a loss of {ResultTable.Num(meanLoss)}.");
        var manual = context.Train("loop 2 (manual update, lr 1e-6)", steps,
            progress => LectureLoops.ManualUpdate(LectureLoops.TorchMlp(new Random(context.Seed)), xx, y, steps, progress));
        var rmsProp = context.Train("loop 3 (RMSprop, lr 1e-3)", steps,
            progress => LectureLoops.WithRmsProp(LectureLoops.TorchMlp(new Random(context.Seed)), xx, y, steps, progress));

        context.Line("print(t, loss.item()) every 100 steps, both loops from the same initial weights:");
        var table = new ResultTable("t", "loop 2: manual SGD", "loop 3: RMSprop");
        for (var i = 0; i < manual.Count; i++)
        {
            table.Add(manual[i].Step, manual[i].Loss, rmsProp[i].Loss);
        }

        context.Show(table);
        context.Line("Both start far off (loss ≈ 1.6e6: the untrained output is near 0). The manual update's steps are");
        context.Line("lr times the summed gradient, which is huge at first, so it drops fast and then learns the bowl;");
        context.Line("RMSprop moves each weight by about lr = 1e-3 per step whatever the gradient's size, so 2000 steps");
        context.Line("only bring it to the mean predictor's level. A 2-3-1 network is far too small for Rastrigin's");
        context.Line("100 bumps in any case (samples/Rastrigin fits them); the point here is the translation.");
        new Chart("The lecture's loops 2 and 3 (sum of squared errors)", "step t", "loss").LogY()
            .Line("manual update, lr 1e-6", manual.Select(p => (double)p.Step).ToArray(), manual.Select(p => p.Loss).ToArray(), markers: true)
            .Line("RMSprop, lr 1e-3", rmsProp.Select(p => (double)p.Step).ToArray(), rmsProp.Select(p => p.Loss).ToArray(), markers: true)
            .Save(context, "pytorch-loops.png");
        return new FromPyTorchResult(w, b, manual, rmsProp, meanLoss);
    }

    /// <summary>xx: uniform points of the Rastrigin square; y: Rastrigin at them; and the mean predictor's loss.</summary>
    public static (Tensor Xx, Tensor Y, double MeanPredictorLoss) Data(int seed)
    {
        var random = new Random(seed);
        var points = new double[Points * 2];
        var values = new double[Points];
        for (var i = 0; i < Points; i++)
        {
            var x = points[2 * i] = -5.12 + 10.24 * random.NextDouble();
            var y = points[2 * i + 1] = -5.12 + 10.24 * random.NextDouble();
            values[i] = 20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));
        }

        var mean = values.Average();
        return (Tensor.FromArray(points, Points, 2), Tensor.FromArray(values, Points, 1),
            values.Sum(v => (v - mean) * (v - mean)));
    }
}
