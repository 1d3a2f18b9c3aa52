using System.Diagnostics;
using System.Globalization;
using Leibniz.Symbolic;

namespace Leibniz.Benchmarks.Symbolic;

/// <summary>
/// The recovery table: each problem, each seed, one thread, a CPU-time budget; a problem counts as recovered when the
/// chosen formula is exact to rounding on held-out points (1 − R² ≤ 1e-20 after snapping) or has R² ≥ 0.999999 both on
/// held-out points of the training box and on points outside it (each variable in [high, high + (high − low)/2]).
/// </summary>
public static class RecoveryRun
{
    /// <summary>Runs: recovery [--seconds 10] [--seeds 0,1,2] [--problems substring,...] [--population 1000].</summary>
    public static int Run(string[] args)
    {
        var seconds = double.Parse(Option(args, "--seconds") ?? "10", CultureInfo.InvariantCulture);
        var seeds = (Option(args, "--seeds") ?? "0,1,2").Split(',').Select(s => ulong.Parse(s, CultureInfo.InvariantCulture)).ToArray();
        var filters = Option(args, "--problems")?.Split(',');
        var population = int.Parse(Option(args, "--population") ?? "1000", CultureInfo.InvariantCulture);
        var problems = RecoveryProblem.All.Where(p => filters is null || filters.Any(f => p.Name.Contains(f, StringComparison.OrdinalIgnoreCase))).ToList();
        Console.WriteLine($"| problem | seed | result | R² test | R² outside | length | CPU s | evaluations | evaluations per CPU-s | formula |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        var recovered = new Dictionary<string, int>();
        foreach (var problem in problems)
        {
            foreach (var seed in seeds)
            {
                var line = RunOne(problem, seed, seconds, population, out var ok);
                recovered[problem.Name] = recovered.GetValueOrDefault(problem.Name) + (ok ? 1 : 0);
                Console.WriteLine(line);
            }
        }

        Console.WriteLine();
        Console.WriteLine($"recovered in every seed: {recovered.Count(r => r.Value == seeds.Length)} of {problems.Count}; " +
            $"in at least one: {recovered.Count(r => r.Value > 0)} of {problems.Count}; runs recovered: {recovered.Values.Sum()} of {problems.Count * seeds.Length}");
        return 0;
    }

    private static string RunOne(RecoveryProblem problem, ulong seed, double seconds, int population, out bool ok)
    {
        var random = new Random((int)seed * 7919 + problem.Name.Length);
        var train = Sample(problem, problem.Rows, random, problem.Low, problem.High);
        var test = Sample(problem, 1000, random, problem.Low, problem.High);
        var outsideLow = problem.High;
        var outsideHigh = problem.Low.Zip(problem.High, (lo, hi) => hi + (hi - lo) / 2).ToArray();
        var outside = Sample(problem, 1000, random, outsideLow, outsideHigh);
        var options = new SearchOptions
        {
            Seed = seed,
            PopulationSize = population,
            MaxDegreeOfParallelism = 1,
            CpuTimeLimit = TimeSpan.FromSeconds(seconds),
            MaxEvaluations = long.MaxValue,
            MaxGenerations = int.MaxValue,
        };
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = SymbolicRegression.Fit(train, options);
        var used = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        var model = result.Chosen;
        var testError = 1 - model.RSquared(test);
        var outsideError = 1 - model.RSquared(outside);
        var exact = testError <= 1e-20 && outsideError <= 1e-20;
        var close = testError <= 1e-6 && outsideError <= 1e-6;
        ok = exact || close;
        var verdict = exact ? "exact" : close ? "R² ≥ 0.999999" : "no";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {problem.Name} | {seed} | {verdict} | {1 - testError:G8} | {1 - outsideError:G8} | {model.Length} | {used:0.0} | {result.Search.Evaluations:N0} | {result.Search.Evaluations / used:N0} | `{model.ToMath()}` |");
    }

    private static RegressionData Sample(RecoveryProblem problem, int rows, Random random, double[] low, double[] high)
    {
        var columns = problem.Names.Select(_ => new double[rows]).ToArray();
        var target = new double[rows];
        for (var i = 0; i < rows; i++)
        {
            var point = new double[problem.Names.Length];
            for (var j = 0; j < point.Length; j++)
            {
                point[j] = low[j] + (high[j] - low[j]) * random.NextDouble();
                columns[j][i] = point[j];
            }

            target[i] = problem.Function(point);
        }

        return new RegressionData(problem.Names, columns, target);
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
