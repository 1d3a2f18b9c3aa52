namespace Leibniz.Symbolic;

/// <summary>Settings of a symbolic-regression search. The defaults follow Operon's documented example.</summary>
public sealed record SearchOptions
{
    /// <summary>Individuals per generation (1,000).</summary>
    public int PopulationSize { get; init; } = 1000;

    /// <summary>The longest expression, in nodes (40).</summary>
    public int MaxLength { get; init; } = 40;

    /// <summary>How parents and survivors are picked (<see cref="SelectionMethod.NonDominated"/>: NSGA-II).</summary>
    public SelectionMethod Selection { get; init; } = SelectionMethod.NonDominated;

    /// <summary>Individuals per tournament (5).</summary>
    public int TournamentSize { get; init; } = 5;

    /// <summary>Probability that an offspring comes from crossover (0.9).</summary>
    public double CrossoverProbability { get; init; } = 0.9;

    /// <summary>Probability that an offspring is mutated (0.25).</summary>
    public double MutationProbability { get; init; } = 0.25;

    /// <summary>Levenberg–Marquardt steps per offspring (5); 0 fits only the outer scale and offset.</summary>
    public int LocalIterations { get; init; } = 5;

    /// <summary>Stop after this many model evaluations (10⁶); a value and a Jacobian evaluation count one each.</summary>
    public long MaxEvaluations { get; init; } = 1_000_000;

    /// <summary>Stop after this many generations (1,000).</summary>
    public int MaxGenerations { get; init; } = 1000;

    /// <summary>Stop after this wall-clock time (none); checked between generations.</summary>
    public TimeSpan? TimeLimit { get; init; }

    /// <summary>
    /// Stop after the process has used this much CPU time since the search started (none); checked between
    /// generations. On a shared machine this is the fair budget: time spent waiting for a core does not count.
    /// </summary>
    public TimeSpan? CpuTimeLimit { get; init; }

    /// <summary>Stop when the best normalized error SSE/SST falls to this (1e-20: exact to rounding).</summary>
    public double TargetError { get; init; } = 1e-20;

    /// <summary>The functions available (<see cref="FunctionSet.Arithmetic"/>).</summary>
    public FunctionSet Functions { get; init; } = FunctionSet.Arithmetic;

    /// <summary>The seed: the same seed, data and options give the same result on any number of threads.</summary>
    public ulong Seed { get; init; }

    /// <summary>Threads to use (−1: all cores).</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;

    /// <summary>Throws when a setting is out of range.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Naming the setting.</exception>
    public void Validate()
    {
        Check(PopulationSize >= 2, nameof(PopulationSize), PopulationSize, "at least 2");
        Check(MaxLength >= 1, nameof(MaxLength), MaxLength, "at least 1");
        Check(TournamentSize >= 1, nameof(TournamentSize), TournamentSize, "at least 1");
        Check(CrossoverProbability is >= 0 and <= 1, nameof(CrossoverProbability), CrossoverProbability, "in [0, 1]");
        Check(MutationProbability is >= 0 and <= 1, nameof(MutationProbability), MutationProbability, "in [0, 1]");
        Check(LocalIterations >= 0, nameof(LocalIterations), LocalIterations, "at least 0");
        Check(MaxEvaluations >= 1, nameof(MaxEvaluations), MaxEvaluations, "at least 1");
        Check(MaxGenerations >= 0, nameof(MaxGenerations), MaxGenerations, "at least 0");
        Check(TimeLimit is null || TimeLimit > TimeSpan.Zero, nameof(TimeLimit), TimeLimit, "positive");
        Check(CpuTimeLimit is null || CpuTimeLimit > TimeSpan.Zero, nameof(CpuTimeLimit), CpuTimeLimit, "positive");
        Check(MaxDegreeOfParallelism is -1 or >= 1, nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "−1 or at least 1");
        Check(Enum.IsDefined(Selection), nameof(Selection), Selection, "a defined SelectionMethod");
        ArgumentNullException.ThrowIfNull(Functions, nameof(Functions));

        static void Check(bool ok, string name, object? value, string rule)
        {
            if (!ok)
            {
                throw new ArgumentOutOfRangeException(name, value, $"{name} must be {rule}.");
            }
        }
    }
}
