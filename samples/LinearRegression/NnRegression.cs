using Leibniz.Nn;

namespace Leibniz.Samples.LinearRegression;

/// <summary>The same fit with Leibniz.Nn: a Linear(1, 1) layer, MSELoss and the SGD optimizer, PyTorch style.</summary>
public static class NnRegression
{
    /// <summary>Trains from the lecture's starting w and b; returns the final w, b and the loss of every epoch.</summary>
    public static (double W, double B, double[] Losses) Train(LectureData data, double learningRate, int epochs,
        ITrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(progress);
        var x = Tensor.FromArray(data.X, data.X.Length, 1);
        var y = Tensor.FromArray(data.Y, data.Y.Length, 1);
        var model = new Linear(1, 1);
        var bias = model.Bias ?? throw new InvalidOperationException("Linear(1, 1) has a bias by default.");
        using (Tensor.NoGrad())
        {
            model.Weight.Fill(data.InitialW);
            bias.Fill(data.InitialB);
        }

        var lossFunction = new MSELoss();
        var optimizer = new SGD(model.Parameters(), learningRate);
        var losses = new double[epochs];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            optimizer.ZeroGrad();
            var loss = lossFunction.Forward(model.Forward(x), y);
            losses[epoch] = loss.Item();
            loss.Backward();
            optimizer.Step();
            progress.Report(epoch + 1, losses[epoch]);
        }

        return (model.Weight.Item(), bias.Item(), losses);
    }
}
