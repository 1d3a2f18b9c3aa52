namespace Leibniz.Symbolic;

/// <summary>A search's state after a generation, for progress reporting.</summary>
/// <param name="Generation">Generations done (0 is the initial population).</param>
/// <param name="Evaluations">Model evaluations so far.</param>
/// <param name="Elapsed">Wall-clock time so far.</param>
/// <param name="Best">The best individual so far.</param>
/// <param name="FrontSize">Models on the Pareto front of error against length.</param>
public sealed record SearchProgress(int Generation, long Evaluations, TimeSpan Elapsed, Individual Best, int FrontSize);
