namespace Leibniz.Symbolic;

/// <summary>How a search picks parents and survivors.</summary>
public enum SelectionMethod
{
    /// <summary>
    /// NSGA-II on (error, length), as Operon does: parents by tournament on front rank, then crowding distance
    /// (<see cref="NonDominatedSorting"/>); parents and offspring together compete for the next generation. Short
    /// models stay in the population, which keeps it diverse and its expressions (and evaluations) short.
    /// </summary>
    NonDominated,

    /// <summary>Tournament on error alone (shorter wins ties); the offspring replace the parents except the best one.</summary>
    Tournament,
}
