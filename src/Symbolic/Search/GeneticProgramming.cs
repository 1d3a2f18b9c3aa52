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
/// Generational genetic programming: NSGA-II on (error, length) or a tournament on error
/// (<see cref="SearchOptions.Selection"/>), subtree crossover and four mutations, and Levenberg–Marquardt on every
/// offspring's coefficients. Offspring <c>i</c> of generation <c>g</c> draws from its own random stream (seed, g, i)
/// and the threads write disjoint slots, so a seed gives the same result on one core or all of them.
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
        var ranks = new int[population.Length];
        var crowding = new double[population.Length];
        var survival = options.Selection == SelectionMethod.NonDominated ? new NonDominatedSurvival(population.Length) : null;

        Parallel.For(0, population.Length, parallel, i =>
        {
            var rng = Rng.For(options.Seed, 0, i);
            var nodes = creator.Create(ref rng, 1 + (int)rng.NextInt(options.MaxLength));
            (population[i], spent[i]) = Evaluate(fitters.Value!, nodes, data, options);
        });
        evaluations += spent.Sum();
        var best = Update(front, population, null);
        survival?.Rank(population, ranks, crowding);
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
            var first = survival is null ? 1 : 0;
            Parallel.For(first, offspring.Length, parallel, i =>
            {
                var rng = Rng.For(options.Seed, g, i);
                var parent = parents[Select(ref rng, parents, ranks, crowding, survival is not null, options.TournamentSize)].Nodes;
                var donor = parent;
                var child = parent;
                if (rng.Chance(options.CrossoverProbability))
                {
                    donor = parents[Select(ref rng, parents, ranks, crowding, survival is not null, options.TournamentSize)].Nodes;
                    child = variation.Crossover(ref rng, child, donor);
                }

                if (rng.Chance(options.MutationProbability))
                {
                    child = variation.Mutate(ref rng, child);
                }

                // Fitting writes the coefficients back, so a child that is still a parent's array is copied first.
                if (ReferenceEquals(child, parent) || ReferenceEquals(child, donor))
                {
                    child = (Node[])child.Clone();
                }

                (offspring[i], spent[i]) = Evaluate(fitters.Value!, child, data, options);
            });
            if (survival is null)
            {
                spent[0] = 0;
                offspring[0] = best;
                population = offspring;
            }
            else
            {
                population = survival.Select(parents, offspring, ranks, crowding);
            }

            evaluations += spent.Sum();
            best = Update(front, offspring, best);
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

    // A tournament: on crowded comparison (rank, then crowding distance) under NSGA-II, else on error.
    private static int Select(ref Rng rng, Individual[] population, int[] ranks, double[] crowding, bool crowded, int size)
    {
        var winner = (int)rng.NextInt(population.Length);
        for (var t = 1; t < size; t++)
        {
            var challenger = (int)rng.NextInt(population.Length);
            if (crowded
                ? NonDominatedSorting.Beats(ranks[challenger], crowding[challenger], ranks[winner], crowding[winner])
                : Better(population[challenger], population[winner]))
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
