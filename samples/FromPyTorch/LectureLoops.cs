using Leibniz.Nn;

namespace Leibniz.Samples.FromPyTorch;

/// <summary>
/// The lecture's three PyTorch training loops, translated line for line. Each comment quotes the Python it
/// translates, so the two can be read side by side.
/// </summary>
public static class LectureLoops
{
    /// <summary>Loop 1: gradient descent on w and b with a no-grad update and zeroed gradients.</summary>
    public static (double W, double B, double FinalLoss) GradientDescent(Random random, int epochs, ITrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var X = Tensor.Randn(100, 1, random) * 10;                  // X = torch.randn(100, 1) * 10
        var yTrue = 3 * X + 2 + Tensor.Randn(100, 1, random) * 0.5; // y_true = 3 * X + 2 + torch.randn(100, 1) * 0.5
        var w = Tensor.Randn(1, random).RequireGrad();              // w = torch.randn(1, requires_grad=True)
        var b = Tensor.Randn(1, random).RequireGrad();              // b = torch.randn(1, requires_grad=True)
        const double lr = 0.01;                                     // lr = 0.01
        var lossValue = double.NaN;
        for (var epoch = 0; epoch < epochs; epoch++)                // for epoch in range(epochs):
        {
            var yPred = w * X + b;                                  //     y_pred = w * X + b
            var loss = (yPred - yTrue).Pow(2).Mean();               //     loss = ((y_pred - y_true)**2).mean()
            lossValue = loss.Item();                                //     losses.append(loss.item())
            loss.Backward();                                        //     loss.backward()
            using (Tensor.NoGrad())                                 //     with torch.no_grad():
            {
                w -= lr * w.Grad;                                   //         w -= lr * w.grad
                b -= lr * b.Grad;                                   //         b -= lr * b.grad
            }

            w.ZeroGrad();                                           //     w.grad.zero_()
            b.ZeroGrad();                                           //     b.grad.zero_()
            progress.Report(epoch + 1, lossValue);
        }

        return (w.Item(), b.Item(), lossValue);
    }

    /// <summary>The lecture's TorchMLP: Linear(2, 3), ReLU, Linear(3, 1), ReLU.</summary>
    public static Sequential TorchMlp(Random random) => new(
        new Linear(2, 3, random: random),                           // nn.Linear(2,3),
        new ReLU(),                                                 // nn.ReLU(),
        new Linear(3, 1, random: random),                           // nn.Linear(3,1),
        new ReLU());                                                // nn.ReLU()

    /// <summary>Loop 2: MSELoss(reduction='sum'), lr 1e-6, parameters updated by hand under no_grad.</summary>
    public static IReadOnlyList<(int Step, double Loss)> ManualUpdate(Module model, Tensor xx, Tensor y, int steps,
        ITrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(progress);
        var printed = new List<(int, double)>();
        var lossFn = new MSELoss(Reduction.Sum);                    // loss_fn = torch.nn.MSELoss(reduction='sum')
        const double learningRate = 1e-6;                           // learning_rate = 1e-6
        for (var t = 0; t < steps; t++)                             // for t in range(2000):
        {
            var yPred = model.Forward(xx);                          //     y_pred = model(xx)
            var loss = lossFn.Forward(yPred, y);                    //     loss = loss_fn(y_pred, y)
            if (t % 100 == 99)                                      //     if t % 100 == 99:
            {
                printed.Add((t, loss.Item()));                      //         print(t, loss.item())
            }

            progress.Report(t + 1, loss.Item());
            model.ZeroGrad();                                       //     model.zero_grad()
            loss.Backward();                                        //     loss.backward()
            using (Tensor.NoGrad())                                 //     with torch.no_grad():
            {
                foreach (var parameter in model.Parameters())       //         for param in model.parameters():
                {
                    var param = parameter;                          //             (C# foreach variables are read-only)
                    param -= learningRate * param.Grad;             //             param -= learning_rate * param.grad
                }
            }
        }

        return printed;
    }

    /// <summary>Loop 3: the same model and loss with torch.optim.RMSprop (lr 1e-3).</summary>
    public static IReadOnlyList<(int Step, double Loss)> WithRmsProp(Module model, Tensor xx, Tensor y, int steps,
        ITrainingProgress progress)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(progress);
        var printed = new List<(int, double)>();
        var lossFn = new MSELoss(Reduction.Sum);                    // loss_fn = torch.nn.MSELoss(reduction='sum')
        const double learningRate = 1e-3;                           // learning_rate = 1e-3
        var optimizer = new RMSprop(model.Parameters(), learningRate); // optimizer = torch.optim.RMSprop(model.parameters(), lr=learning_rate)
        for (var t = 0; t < steps; t++)                             // for t in range(2000):
        {
            var yPred = model.Forward(xx);                          //     y_pred = model(xx)
            var loss = lossFn.Forward(yPred, y);                    //     loss = loss_fn(y_pred, y)
            if (t % 100 == 99)                                      //     if t % 100 == 99:
            {
                printed.Add((t, loss.Item()));                      //         print(t, loss.item())
            }

            progress.Report(t + 1, loss.Item());
            optimizer.ZeroGrad();                                   //     optimizer.zero_grad()
            loss.Backward();                                        //     loss.backward()
            optimizer.Step();                                       //     optimizer.step()
        }

        return printed;
    }
}
