namespace Leibniz.Nn;

/// <summary>The outcome of <see cref="Trainer.Fit"/>: one report per epoch run, and what early stopping did.</summary>
public sealed class TrainingHistory
{
    internal TrainingHistory(IReadOnlyList<EpochReport> epochs, int bestEpoch, bool stoppedEarly, bool restoredBestWeights)
    {
        Epochs = epochs;
        BestEpoch = bestEpoch;
        StoppedEarly = stoppedEarly;
        RestoredBestWeights = restoredBestWeights;
    }

    /// <summary>One report per epoch that ran, in order.</summary>
    public IReadOnlyList<EpochReport> Epochs { get; }

    /// <summary>The epoch (from 1) with the lowest validation loss; the last epoch without validation.</summary>
    public int BestEpoch { get; }

    /// <summary>The lowest validation loss, or <see langword="null"/> without validation.</summary>
    public double? BestValidationLoss => BestEpoch == 0 ? null : Epochs[BestEpoch - 1].ValidationLoss;

    /// <summary>The training loss of the last epoch that ran.</summary>
    public double FinalTrainLoss => Epochs[^1].TrainLoss;

    /// <summary>Whether early stopping ended training before the requested number of epochs.</summary>
    public bool StoppedEarly { get; }

    /// <summary>Whether the model's parameters were put back to those of <see cref="BestEpoch"/>.</summary>
    public bool RestoredBestWeights { get; }
}
