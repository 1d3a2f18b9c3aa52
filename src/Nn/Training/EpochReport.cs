namespace Leibniz.Nn;

/// <summary>What happened in one epoch of <see cref="Trainer.Fit"/>, as sent to the progress reporter and callback.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="Epochs">The maximum number of epochs requested.</param>
/// <param name="TrainLoss">The mean training loss of the epoch: per-batch losses weighted by batch size, measured during the epoch (before each step), as Keras reports it.</param>
/// <param name="ValidationLoss">The loss on the validation loader after the epoch (evaluation mode, no graph), or <see langword="null"/> without one.</param>
/// <param name="Elapsed">The time the epoch took, validation included.</param>
/// <param name="TotalElapsed">The time since <see cref="Trainer.Fit"/> started.</param>
/// <param name="IsBest">Whether the validation loss improved on every earlier epoch by more than the early-stopping margin (always <see langword="true"/> without validation).</param>
public readonly record struct EpochReport(
    int Epoch,
    int Epochs,
    double TrainLoss,
    double? ValidationLoss,
    TimeSpan Elapsed,
    TimeSpan TotalElapsed,
    bool IsBest);
