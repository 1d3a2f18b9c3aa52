using Leibniz;

namespace Leibniz.Samples.LinearRegression;

/// <summary>
/// The lecture's training loop with w and b as tape variables: forward pass, MSE, backward, update by hand.
/// The tape is cleared each epoch, as PyTorch rebuilds its graph on every forward pass.
/// </summary>
public static class TapeRegression
{
    /// <summary>Trains and returns the final w, b and the loss of every epoch.</summary>
    public static (double W, double B, double[] Losses) Train(LectureData data, double learningRate, int epochs,
        ITrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(progress);
        var tape = new Tape();
        double w = data.InitialW, b = data.InitialB;
        var losses = new double[epochs];
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            tape.Clear();
            var wv = tape.Variable(w);
            var bv = tape.Variable(b);

            // Forward pass and loss: mean of (w·x + b − y)².
            Var sum = 0.0;
            for (var i = 0; i < data.X.Length; i++)
            {
                var residual = wv * data.X[i] + bv - data.Y[i];
                sum += residual * residual;
            }

            var loss = sum / data.X.Length;
            losses[epoch] = loss.Value;

            // Backward pass, then the update, outside the graph (the lecture's torch.no_grad()).
            tape.Backward(loss);
            w -= learningRate * wv.Gradient;
            b -= learningRate * bv.Gradient;
            progress.Report(epoch + 1, loss.Value);
        }

        return (w, b, losses);
    }
}
