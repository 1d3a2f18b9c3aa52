namespace Leibniz.Nn;

/// <summary>How a loss combines the per-element losses.</summary>
public enum Reduction
{
    /// <summary>The mean (PyTorch's default <c>reduction='mean'</c>).</summary>
    Mean,

    /// <summary>The sum (<c>reduction='sum'</c>, used in the lecture's second training loop).</summary>
    Sum,
}

/// <summary>
/// The base of every loss: a scalar from a prediction and a target. Gradients flow to the prediction only.
/// </summary>
/// <param name="reduction">Mean or sum over the elements (over the batch for cross-entropy).</param>
public abstract class Loss(Reduction reduction)
{
    /// <summary>Mean or sum.</summary>
    public Reduction Reduction { get; } = reduction;

    /// <summary>The loss of <paramref name="prediction"/> against <paramref name="target"/>, a scalar tensor.</summary>
    /// <param name="prediction">The model's output.</param>
    /// <param name="target">The expected values.</param>
    public abstract Tensor Forward(Tensor prediction, Tensor target);
}

/// <summary>Mean (or summed) squared error, PyTorch's <c>nn.MSELoss</c>.</summary>
/// <param name="reduction">Mean or sum.</param>
public sealed class MSELoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor prediction, Tensor target) =>
        Ops.Loss(OpCode.MseLoss, prediction.Node, target.Node, Reduction == Reduction.Sum, 0, nameof(MSELoss));
}

/// <summary>Mean (or summed) absolute error, PyTorch's <c>nn.L1Loss</c>.</summary>
/// <param name="reduction">Mean or sum.</param>
public sealed class L1Loss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor prediction, Tensor target) =>
        Ops.Loss(OpCode.L1Loss, prediction.Node, target.Node, Reduction == Reduction.Sum, 0, nameof(L1Loss));
}

/// <summary>Huber loss (quadratic within δ, linear outside), PyTorch's <c>nn.HuberLoss</c>.</summary>
public sealed class HuberLoss : Loss
{
    /// <summary>Creates the loss.</summary>
    /// <param name="delta">δ, the switch point between quadratic and linear (positive).</param>
    /// <param name="reduction">Mean or sum.</param>
    public HuberLoss(double delta = 1.0, Reduction reduction = Reduction.Mean)
        : base(reduction)
    {
        if (!(delta > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(delta), delta, "Huber's delta must be positive.");
        }

        Delta = delta;
    }

    /// <summary>δ.</summary>
    public double Delta { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor prediction, Tensor target) =>
        Ops.Loss(OpCode.HuberLoss, prediction.Node, target.Node, Reduction == Reduction.Sum, Delta, nameof(HuberLoss));
}

/// <summary>
/// Cross-entropy from raw logits [batch, classes] with a numerically stable log-softmax (PyTorch's
/// <c>nn.CrossEntropyLoss</c>). The target is either class indices [batch] (stored as whole numbers) or class
/// probabilities [batch, classes].
/// </summary>
/// <param name="reduction">Mean over the batch or sum.</param>
public sealed class CrossEntropyLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor prediction, Tensor target)
    {
        var logits = prediction.Node;
        var labels = target.Node;
        var op = labels.Rank == 2 || (logits.Rank == 1 && labels.Rank == 1) ? OpCode.CrossEntropyProbabilities : OpCode.CrossEntropyIndices;
        return Ops.Loss(op, logits, labels, Reduction == Reduction.Sum, 0, nameof(CrossEntropyLoss));
    }
}

/// <summary>
/// Binary cross-entropy from logits, σ folded in stably (PyTorch's <c>nn.BCEWithLogitsLoss</c>); targets in [0, 1].
/// </summary>
/// <param name="reduction">Mean or sum.</param>
public sealed class BCEWithLogitsLoss(Reduction reduction = Reduction.Mean) : Loss(reduction)
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor prediction, Tensor target) =>
        Ops.Loss(OpCode.BceWithLogits, prediction.Node, target.Node, Reduction == Reduction.Sum, 0, nameof(BCEWithLogitsLoss));
}
