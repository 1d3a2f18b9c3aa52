namespace Leibniz.Nn;

/// <summary>One training step of <see cref="Trainer.Fit"/>, for progress bars that move within an epoch.</summary>
/// <param name="Epoch">The epoch number, from 1.</param>
/// <param name="Batch">The batch number within the epoch, from 1.</param>
/// <param name="BatchesPerEpoch">The number of batches in an epoch.</param>
/// <param name="Loss">The loss of this batch, before the step.</param>
public readonly record struct BatchReport(int Epoch, int Batch, int BatchesPerEpoch, double Loss);
