using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Leibniz.Benchmarks.Training;

/// <summary>
/// The training run bench/compare.py sets against PyTorch, with the protocol of bench/pytorch/train_mlp.py: train
/// from initialisation for a number of epochs, time every epoch, report the median steps/s over the epochs after
/// the first (warm-up), and the final mean squared error over the training set. Also reports bytes allocated per
/// step over the timed epochs.
/// </summary>
public static class TrainingComparison
{
    /// <summary>
    /// Runs <c>train [--net small|large|both] [--epochs N] [--seed S] [--warmup-seconds W] [--json]</c>; returns the
    /// exit code.
    /// </summary>
    public static int Run(string[] args)
    {
        var net = "both";
        var epochs = 0;
        var seed = 0;
        var warmup = 1.0;
        var json = false;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--net":
                    net = args[++i];
                    break;
                case "--epochs":
                    epochs = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--seed":
                    seed = int.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--warmup-seconds":
                    warmup = double.Parse(args[++i], CultureInfo.InvariantCulture);
                    break;
                case "--json":
                    json = true;
                    break;
                default:
                    Console.Error.WriteLine($"Unknown option '{args[i]}'. Usage: train [--net small|large|both] [--epochs N] [--seed S] [--warmup-seconds W] [--json]");
                    return 2;
            }
        }

        string[] names = net == "both" ? ["small", "large"] : [net];
        foreach (var name in names)
        {
            WarmUp(name, warmup);
            var result = Train(name, epochs > 0 ? epochs : 20, seed) with { warmup_seconds = warmup };
            Console.WriteLine(json
                ? JsonSerializer.Serialize(result)
                : string.Create(CultureInfo.InvariantCulture,
                    $"Leibniz {result.layers} batch {result.batch}: {result.steps_per_second_median:N0} steps/s median " +
                    $"(min {result.steps_per_second_min:N0}, max {result.steps_per_second_max:N0}, {result.epochs - 1} timed epochs " +
                    $"of {result.steps_per_epoch} steps), final loss {result.final_loss:F6}, {result.bytes_per_step:N0} bytes allocated per step"));
        }

        return 0;
    }

    // The JIT compiles every method quickly first and optimises it only after ~100 ms of calls; the whole 20-epoch
    // run of the small network is shorter than that. Training a throwaway model first (train_mlp.py does the same)
    // measures the steady state a longer training run reaches; --warmup-seconds 0 shows the cold start.
    private static void WarmUp(string name, double seconds)
    {
        if (seconds <= 0)
        {
            return;
        }

        var problem = MlpProblem.Create(name, seed: 12345);
        var watch = Stopwatch.StartNew();
        for (var b = 0; watch.Elapsed.TotalSeconds < seconds; b = (b + 1) % problem.StepsPerEpoch)
        {
            problem.Step(b);
        }
    }

    private static Result Train(string name, int epochs, int seed)
    {
        var problem = MlpProblem.Create(name, seed);
        var rates = new List<double>();
        long timedBytes = 0;
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            var bytes = GC.GetAllocatedBytesForCurrentThread();
            var watch = Stopwatch.StartNew();
            for (var b = 0; b < problem.StepsPerEpoch; b++)
            {
                problem.Step(b);
            }

            watch.Stop();
            if (epoch > 0 || epochs == 1)
            {
                rates.Add(problem.StepsPerEpoch / watch.Elapsed.TotalSeconds);
                timedBytes += GC.GetAllocatedBytesForCurrentThread() - bytes;
            }
        }

        rates.Sort();
        var median = rates.Count % 2 == 1
            ? rates[rates.Count / 2]
            : (rates[rates.Count / 2 - 1] + rates[rates.Count / 2]) / 2;
        return new Result(name, problem.Layers, problem.BatchSize, epochs, problem.StepsPerEpoch, median, rates[0],
            rates[^1], problem.FullLoss(), (double)timedBytes / (rates.Count * problem.StepsPerEpoch),
            problem.DataChecksum);
    }

    // Lower-case names: the JSON keys bench/compare.py reads, the same as train_mlp.py prints.
#pragma warning disable IDE1006
    private sealed record Result(string net, string layers, int batch, int epochs, int steps_per_epoch,
        double steps_per_second_median, double steps_per_second_min, double steps_per_second_max, double final_loss,
        double bytes_per_step, double data_checksum, double warmup_seconds = 0);
#pragma warning restore IDE1006
}
