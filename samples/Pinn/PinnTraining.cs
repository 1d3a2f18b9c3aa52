using System.Diagnostics;
using Leibniz.Nn;

namespace Leibniz.Samples.Pinn;

/// <summary>The loss after each Adam step and each L-BFGS iteration (the curve the sample draws).</summary>
public sealed class LossHistory
{
    /// <summary>Loss per Adam step.</summary>
    public List<double> Adam { get; } = [];

    /// <summary>Loss per L-BFGS iteration (the closure value at the start of each iteration).</summary>
    public List<double> Lbfgs { get; } = [];

    /// <summary>The last loss recorded.</summary>
    public double Final => Lbfgs.Count > 0 ? Lbfgs[^1] : Adam.Count > 0 ? Adam[^1] : double.NaN;
}

/// <summary>The standard two-phase PINN training: Adam to find the basin, then L-BFGS to converge.</summary>
public static class PinnTraining
{
    /// <summary>Trains <paramref name="model"/> on <paramref name="loss"/>, with progress bars; returns the seconds spent.</summary>
    /// <param name="context">The running sample.</param>
    /// <param name="name">The problem's name for the progress bars.</param>
    /// <param name="model">The network.</param>
    /// <param name="loss">Computes the loss on the graph (no backward).</param>
    /// <param name="adamSteps">Adam steps.</param>
    /// <param name="learningRate">Adam's learning rate at the start; it decays tenfold over the run.</param>
    /// <param name="lbfgsIterations">L-BFGS iterations (strong-Wolfe line search).</param>
    /// <param name="history">Receives the losses.</param>
    /// <param name="everyAdamStep">Called after each Adam step with its number (e.g. to add collocation points).</param>
    public static double Train(SampleContext context, string name, Module model, Func<Tensor> loss, int adamSteps,
        double learningRate, int lbfgsIterations, LossHistory history, Action<int>? everyAdamStep = null)
    {
        var watch = Stopwatch.StartNew();
        if (adamSteps > 0)
        {
            var adam = new Adam(model.Parameters(), learningRate);
            context.Train($"{name}: Adam", adamSteps, progress =>
            {
                for (var step = 1; step <= adamSteps; step++)
                {
                    adam.LearningRate = learningRate * Math.Pow(0.1, (double)step / adamSteps);
                    adam.ZeroGrad();
                    var value = loss();
                    value.Backward();
                    adam.Step();
                    var item = value.Item();
                    history.Adam.Add(item);
                    progress.Report(step, item);
                    everyAdamStep?.Invoke(step);
                }

                return 0;
            });
        }

        if (lbfgsIterations > 0)
        {
            const int Chunk = 25;
            var lbfgs = new Lbfgs(model.Parameters(), maxIterations: Chunk, maxEvaluations: Chunk * 5 / 4, historySize: 50,
                toleranceGrad: 0, toleranceChange: 0, lineSearch: LbfgsLineSearch.StrongWolfe);
            double Closure()
            {
                model.ZeroGrad();
                var value = loss();
                value.Backward();
                return value.Item();
            }

            context.Train($"{name}: L-BFGS", lbfgsIterations, progress =>
            {
                while (lbfgs.Iterations < lbfgsIterations)
                {
                    var before = lbfgs.Iterations;
                    var value = lbfgs.Step(Closure);
                    history.Lbfgs.Add(value);
                    if (lbfgs.Iterations == before || !double.IsFinite(value))
                    {
                        break;
                    }

                    progress.Report(Math.Min(lbfgs.Iterations, lbfgsIterations), value);
                }

                return 0;
            });
        }

        return watch.Elapsed.TotalSeconds;
    }

    /// <summary>‖prediction − exact‖₂ / ‖exact‖₂.</summary>
    /// <param name="prediction">The network's values.</param>
    /// <param name="exact">The exact values, same length.</param>
    public static double RelativeL2(double[] prediction, double[] exact)
    {
        double error = 0, norm = 0;
        for (var i = 0; i < exact.Length; i++)
        {
            error += (prediction[i] - exact[i]) * (prediction[i] - exact[i]);
            norm += exact[i] * exact[i];
        }

        return Math.Sqrt(error / norm);
    }

    /// <summary>The network's output at the given rows of coordinates, outside any graph.</summary>
    /// <param name="model">The network.</param>
    /// <param name="points">Row-major coordinates.</param>
    /// <param name="dimensions">Coordinates per point.</param>
    /// <param name="dtype">The network's element type.</param>
    public static double[] Predict(Module model, double[] points, int dimensions, DType dtype)
    {
        using (Tensor.NoGrad())
        {
            return model.Forward(Tensor.FromArray(points, points.Length / dimensions, dimensions, dtype)).ToArray();
        }
    }
}
