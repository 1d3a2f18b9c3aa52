namespace Leibniz.Nn;

/// <summary>
/// Stops <see cref="Trainer.Fit"/> when the validation loss has not improved for <see cref="Patience"/> epochs, like
/// Keras' <c>EarlyStopping(monitor="val_loss")</c>. Needs a validation loader.
/// </summary>
public sealed record EarlyStopping
{
    /// <summary>How many epochs without improvement to tolerate before stopping (at least 1); 10 by default.</summary>
    public int Patience { get; init; } = 10;

    /// <summary>How much lower than the best so far a validation loss must be to count as an improvement; 0 by default.</summary>
    public double MinDelta { get; init; }

    /// <summary>Whether to put back the parameters of the best epoch when training ends; on by default.</summary>
    public bool RestoreBestWeights { get; init; } = true;
}
