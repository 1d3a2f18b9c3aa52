using System.Diagnostics;
using Leibniz.Testing;

namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// What the running index of <see cref="IndexedMixture.RunningIndex"/> costs against computed indices, measured on a
/// shared machine: the four methods (primal and gradient of each) run in turn, many rounds, and each keeps its
/// fastest round — minima resist the load of other processes that distorts BenchmarkDotNet's means there.
/// </summary>
public static class IndexCost
{
    /// <summary>Runs <c>index-cost [rounds]</c> (default 300) at n = 1000, K = 25, d = 10 and prints the minima and ratios.</summary>
    public static int Run(string[] args)
    {
        var rounds = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 300;
        var shape = new MixtureShape(1000, 25, 10);
        var (n, k, d, m) = (shape.N, shape.K, shape.D, shape.FactorSize);
        var (alphas, means, icf, points) = (LoopChecks.Point(k, 0.2), LoopChecks.Point(k * d, 0.9), LoopChecks.Point(k * m, 2.1), LoopChecks.Point(n * d, 3.7));
        var (dAlphas, dMeans, dIcf) = (new double[k], new double[k * d], new double[k * m]);
        var work = new Func<double>[]
        {
            () => IndexedMixture.RunningIndex(alphas, means, icf, points, d),
            () => IndexedMixture.RunningIndexGradient(alphas, means, icf, points, d, dAlphas, dMeans, dIcf),
            () => IndexedMixture.ComputedIndex(alphas, means, icf, points, d),
            () => IndexedMixture.ComputedIndexGradient(alphas, means, icf, points, d, dAlphas, dMeans, dIcf),
        };
        var best = Enumerable.Repeat(double.MaxValue, work.Length).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var w = 0; w < work.Length; w++)
            {
                var clock = Stopwatch.StartNew();
                work[w]();
                best[w] = Math.Min(best[w], clock.Elapsed.TotalMilliseconds);
            }
        }

        Console.WriteLine($"{shape}, fastest of {rounds} rounds: running index primal {best[0]:F2} ms, gradient {best[1]:F2} ms ({best[1] / best[0]:F2}x); "
            + $"computed index primal {best[2]:F2} ms, gradient {best[3]:F2} ms ({best[3] / best[2]:F2}x); running/computed gradient {best[1] / best[3]:F3}");
        return 0;
    }
}
