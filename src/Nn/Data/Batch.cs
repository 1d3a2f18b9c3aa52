namespace Leibniz.Nn;

/// <summary>
/// One mini-batch from a <see cref="DataLoader"/>: <see cref="Features"/> is <c>[Size, featureCount]</c>,
/// <see cref="Targets"/> is <c>[Size, targetCount]</c> (or <c>[Size]</c> when the loader was given a vector of targets).
/// </summary>
/// <remarks>
/// The loader reuses the two tensors for every batch of the same size, so a batch is valid until the enumeration
/// moves on; <see cref="Tensor.Clone"/> it to keep it.
/// </remarks>
/// <param name="Features">The inputs, one row per example.</param>
/// <param name="Targets">The targets, one row (or element) per example.</param>
public readonly record struct Batch(Tensor Features, Tensor Targets)
{
    /// <summary>The number of examples in the batch.</summary>
    public int Size => Features.Rows;
}
