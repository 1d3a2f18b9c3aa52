namespace Leibniz.Symbolic;

/// <summary>The outcome of <see cref="SymbolicRegression.Fit"/>.</summary>
/// <param name="Chosen">The model picked from the front (see <see cref="SymbolicRegression.Choose"/>).</param>
/// <param name="Front">The Pareto front of length against training error after simplification, shortest first.</param>
/// <param name="Search">The raw search's statistics.</param>
public sealed record RegressionResult(SymbolicModel Chosen, IReadOnlyList<SymbolicModel> Front, SearchResult Search);

/// <summary>Symbolic regression from data: search, simplify, snap constants, pick a model.</summary>
public static class SymbolicRegression
{
    /// <summary>Searches for formulas that fit <paramref name="data"/>.</summary>
    /// <param name="data">The training rows.</param>
    /// <param name="options">Settings, or null for the defaults.</param>
    /// <param name="progress">Receives a report after every generation, or null.</param>
    /// <param name="cancellationToken">Stops the search early; the best so far is returned.</param>
    public static RegressionResult Fit(RegressionData data, SearchOptions? options = null, IProgress<SearchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(data);
        var search = GeneticProgramming.Run(data, options ?? new SearchOptions(), progress, cancellationToken);
        var finished = search.Front.Append(search.Best).Select(i => Finish(i, data)).ToList();
        var front = finished
            .Where(m => !finished.Any(o => Dominates(o, m)))
            .GroupBy(m => m.Length).Select(g => g.OrderBy(m => m.TrainingError).First())
            .OrderBy(m => m.Length)
            .ToList();
        return new RegressionResult(Choose(front, data.Rows), front, search);
    }

    /// <summary>Simplifies an individual's formula a·f + b and snaps its constants.</summary>
    /// <param name="individual">The individual.</param>
    /// <param name="data">The rows the snaps are checked on.</param>
    public static SymbolicModel Finish(Individual individual, RegressionData data)
    {
        ArgumentNullException.ThrowIfNull(individual);
        ArgumentNullException.ThrowIfNull(data);
        // Snapping makes new identities (1·x, 2·(1/2·x)) and simplifying folds new constants, so they alternate.
        var term = Simplifier.Simplify(individual.ToTerm());
        for (var round = 0; round < 3; round++)
        {
            var next = Simplifier.Simplify(ConstantSnapper.Snap(term, data).Term);
            if (next.SameAs(term))
            {
                break;
            }

            term = next;
        }

        var final = Simplifier.Simplify(ConstantSnapper.Snap(term, data).Term);
        return new SymbolicModel(final, data.Names, ConstantSnapper.Error(final, data));
    }

    /// <summary>
    /// Picks the model of lowest Bayesian information criterion n·ln(max(SSE/SST, 10⁻²⁴)) + length·ln n: each term
    /// of length must buy a fixed fraction of error, and models exact to rounding (below 10⁻²⁴) tie, so the shortest wins.
    /// </summary>
    /// <param name="front">Candidate models.</param>
    /// <param name="rows">The number of training rows n.</param>
    public static SymbolicModel Choose(IReadOnlyList<SymbolicModel> front, int rows)
    {
        ArgumentNullException.ThrowIfNull(front);
        if (front.Count == 0)
        {
            throw new ArgumentException("The front is empty.", nameof(front));
        }

        return front.MinBy(m => Criterion(m, rows))!;
    }

    private static double Criterion(SymbolicModel model, int rows) =>
        double.IsFinite(model.TrainingError)
            ? rows * Math.Log(Math.Max(model.TrainingError, 1e-24)) + model.Length * Math.Log(rows)
            : double.PositiveInfinity;

    private static bool Dominates(SymbolicModel a, SymbolicModel b)
    {
        var ea = Math.Max(a.TrainingError, 1e-24);
        var eb = Math.Max(b.TrainingError, 1e-24);
        return ea <= eb && a.Length <= b.Length && (ea < eb || a.Length < b.Length);
    }
}
