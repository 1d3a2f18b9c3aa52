namespace Leibniz.Symbolic;

/// <summary>
/// NSGA-II's environmental selection: parents and offspring are ranked together and the best fronts survive, the
/// last one cut by crowding distance. Keeps its buffers from one generation to the next.
/// </summary>
internal sealed class NonDominatedSurvival(int populationSize)
{
    private readonly Individual[] _all = new Individual[2 * populationSize];
    private readonly double[] _errors = new double[2 * populationSize];
    private readonly int[] _lengths = new int[2 * populationSize];
    private readonly int[] _ranks = new int[2 * populationSize];
    private readonly double[] _crowding = new double[2 * populationSize];
    private readonly int[] _order = new int[2 * populationSize];
    private readonly int[] _survivors = new int[2 * populationSize];

    /// <summary>Ranks a population on its own (the initial one), for parent selection.</summary>
    public void Rank(Individual[] population, int[] ranks, double[] crowding)
    {
        var n = population.Length;
        for (var i = 0; i < n; i++)
        {
            _errors[i] = population[i].Error;
            _lengths[i] = population[i].Length;
        }

        NonDominatedSorting.Sort(_errors.AsSpan(0, n), _lengths.AsSpan(0, n), ranks, crowding, _order.AsSpan(0, n));
    }

    /// <summary>The next population from parents and offspring, with its ranks and crowding distances.</summary>
    public Individual[] Select(Individual[] parents, Individual[] offspring, int[] ranks, double[] crowding)
    {
        var n = parents.Length;
        parents.CopyTo(_all, 0);
        offspring.CopyTo(_all, n);
        for (var i = 0; i < _all.Length; i++)
        {
            _errors[i] = _all[i].Error;
            _lengths[i] = _all[i].Length;
            _survivors[i] = i;
        }

        NonDominatedSorting.Sort(_errors, _lengths, _ranks, _crowding, _order);
        Array.Sort(_survivors, (a, b) =>
        {
            var c = _ranks[a].CompareTo(_ranks[b]);
            c = c != 0 ? c : _crowding[b].CompareTo(_crowding[a]);
            // Both ends of a front are infinitely lonely; the accurate end goes first, so the best model always survives.
            c = c != 0 ? c : Math.Max(_errors[a], NonDominatedSorting.ErrorFloor).CompareTo(Math.Max(_errors[b], NonDominatedSorting.ErrorFloor));
            return c != 0 ? c : a.CompareTo(b);
        });

        var next = new Individual[n];
        for (var i = 0; i < n; i++)
        {
            var s = _survivors[i];
            next[i] = _all[s];
            ranks[i] = _ranks[s];
            crowding[i] = _crowding[s];
        }

        return next;
    }
}
