using System.Diagnostics;

namespace Leibniz.Symbolic;

/// <summary>What a search found, before simplification.</summary>
/// <param name="Best">The individual of lowest error (shortest among ties).</param>
/// <param name="Front">Every non-dominated individual seen (error against length), shortest first.</param>
/// <param name="Generations">Generations run after the initial population.</param>
/// <param name="Evaluations">Model evaluations spent (value and Jacobian evaluations, including constant fitting).</param>
/// <param name="Elapsed">Wall-clock time.</param>
/// <param name="Stopped">Why it stopped: evaluations, generations, time, CPU time, target or cancelled.</param>
public sealed record SearchResult(Individual Best, IReadOnlyList<Individual> Front, int Generations, long Evaluations, TimeSpan Elapsed, string Stopped);

/// <summary>
/// Generational genetic programming with tournament selection on error (shorter wins ties), elitism of one,
/// subtree crossover and four mutations, and Levenberg–Marquardt on every offspring's coefficients. Offspring
/// <c>i</c> of generation <c>g</c> draws from its own random stream (seed, g, i) and the threads write disjoint
/// slots, so a seed gives the same result on one core or all of them.
/// </summary>
public static class GeneticProgramming
{
    /// <summary>Runs a search.</summary>
    /// <param name="data">The training rows.</param>
    /// <param name="options">The settings.</param>
    /// <param name="progress">Receives a report after every generation (on the calling thread), or null.</param>
    /// <param name="cancellationToken">Stops the search between generations; the result so far is returned.</param>
    public static SearchResult Run(RegressionData data, SearchOptions options, IProgress<SearchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var clock = Stopwatch.StartNew();
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var creator = new TreeCreator(options.Functions, data.Variables);
        var variation = new Variation(creator, options.MaxLength);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism };
        var fitters = new ThreadLocal<ConstantFitter>(() => new ConstantFitter());
        var population = new Individual[options.PopulationSize];
        var spent = new int[options.PopulationSize];
        var evaluations = 0L;
        var front = new List<Individual>();

        Parallel.For(0, population.Length, parallel, i =>
        {
            var rng = Rng.For(options.Seed, 0, i);
            var nodes = creator.Create(ref rng, 1 + (int)rng.NextInt(options.MaxLength));
            (population[i], spent[i]) = Evaluate(fitters.Value!, nodes, data, options);
        });
        evaluations += spent.Sum();
        var best = Update(front, population, null);
        progress?.Report(new SearchProgress(0, evaluations, clock.Elapsed, best, front.Count));

        var generation = 0;
        string stopped;
        while (true)
        {
            stopped = evaluations >= options.MaxEvaluations ? "evaluations"
                : generation >= options.MaxGenerations ? "generations"
                : options.TimeLimit is { } limit && clock.Elapsed >= limit ? "time"
                : options.CpuTimeLimit is { } cpu && CpuUsed(process, cpuStart) >= cpu ? "CPU time"
                : best.Error <= options.TargetError ? "target"
                : cancellationToken.IsCancellationRequested ? "cancelled"
                : "";
            if (stopped.Length > 0)
            {
                break;
            }

            generation++;
            var parents = population;
            var offspring = new Individual[parents.Length];
            var g = generation;
            Parallel.For(1, offspring.Length, parallel, i =>
            {
                var rng = Rng.For(options.Seed, g, i);
                var child = Select(ref rng, parents, options.TournamentSize).Nodes;
                if (rng.Chance(options.CrossoverProbability))
                {
                    child = variation.Crossover(ref rng, child, Select(ref rng, parents, options.TournamentSize).Nodes);
                }

                if (rng.Chance(options.MutationProbability))
                {
                    child = variation.Mutate(ref rng, child);
                }

                (offspring[i], spent[i]) = Evaluate(fitters.Value!, (Node[])child.Clone(), data, options);
            });
            spent[0] = 0;
            offspring[0] = best;
            evaluations += spent.Sum();
            population = offspring;
            best = Update(front, population, best);
            progress?.Report(new SearchProgress(generation, evaluations, clock.Elapsed, best, front.Count));
        }

        fitters.Dispose();
        process.Dispose();
        return new SearchResult(best, [.. front.OrderBy(f => f.Length)], generation, evaluations, clock.Elapsed, stopped);
    }

    private static TimeSpan CpuUsed(Process process, TimeSpan start)
    {
        process.Refresh();
        return process.TotalProcessorTime - start;
    }

    private static (Individual, int) Evaluate(ConstantFitter fitter, Node[] nodes, RegressionData data, SearchOptions options)
    {
        var fit = fitter.Fit(nodes, data, options.LocalIterations);
        return (new Individual(nodes, fit.Error, fit.Scale, fit.Offset), fit.Evaluations);
    }

    // Errors below 1e-24 (exact to rounding) tie, so among exact models the shorter wins: parsimony where it is free.
    private static bool Better(Individual a, Individual b)
    {
        var ea = Math.Max(a.Error, 1e-24);
        var eb = Math.Max(b.Error, 1e-24);
        return ea < eb || (ea == eb && a.Length < b.Length);
    }

    private static Individual Select(ref Rng rng, Individual[] population, int size)
    {
        var winner = population[rng.NextInt(population.Length)];
        for (var t = 1; t < size; t++)
        {
            var challenger = population[rng.NextInt(population.Length)];
            if (Better(challenger, winner))
            {
                winner = challenger;
            }
        }

        return winner;
    }

    // Adds the generation's non-dominated individuals to the front (in index order: deterministic) and returns the best.
    private static Individual Update(List<Individual> front, Individual[] population, Individual? best)
    {
        foreach (var individual in population)
        {
            if (!double.IsFinite(individual.Error))
            {
                continue;
            }

            if (best is null || Better(individual, best))
            {
                best = individual;
            }

            if (front.Any(f => f.Dominates(individual) || (f.Length == individual.Length && Math.Max(f.Error, 1e-30) <= Math.Max(individual.Error, 1e-30))))
            {
                continue;
            }

            front.RemoveAll(individual.Dominates);
            front.Add(individual);
        }

        return best ?? population[0];
    }
}
