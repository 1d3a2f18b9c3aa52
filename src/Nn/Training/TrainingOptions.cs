namespace Leibniz.Nn;

/// <summary>Optional settings of <see cref="Trainer.Fit"/>.</summary>
public sealed record TrainingOptions
{
    /// <summary>
    /// When set, the training loader's shuffle sequence restarts from this seed (<see cref="DataLoader.Reset"/>),
    /// so a model built from a fixed seed and trained with the same options ends with bit-identical weights on the
    /// same machine. When <see langword="null"/>, the loader continues its own sequence.
    /// </summary>
    public int? Seed { get; init; }

    /// <summary>Early stopping on the validation loss, or <see langword="null"/> to train every epoch.</summary>
    public EarlyStopping? EarlyStopping { get; init; }

    /// <summary>
    /// Receives a report after every epoch. <see cref="Progress{T}"/> posts to the captured synchronization context
    /// (asynchronously); use <see cref="OnEpoch"/> to handle the report synchronously.
    /// </summary>
    public IProgress<EpochReport>? Progress { get; init; }

    /// <summary>Called synchronously after every epoch, on the training thread.</summary>
    public Action<EpochReport>? OnEpoch { get; init; }

    /// <summary>Called synchronously after every training step, for progress within long epochs.</summary>
    public Action<BatchReport>? OnBatch { get; init; }

    /// <summary>Checked between batches; cancelling throws <see cref="OperationCanceledException"/>.</summary>
    public CancellationToken CancellationToken { get; init; }
}
