using System.Numerics;
using System.Numerics.Tensors;

namespace Leibniz.Nn;

/// <summary>
/// Stochastic gradient descent with PyTorch's exact rule (<c>torch.optim.SGD</c>): g ← ∇ + λp; with momentum μ,
/// b ← g on the first step and b ← μb + (1 − τ)g afterwards, then g ← g + μb (Nesterov) or g ← b; finally p ← p − γg.
/// </summary>
public sealed class SGD : Optimizer
{
    private readonly StateBuffers _momentum;
    private readonly StateBuffers _scratch;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The tensors to update.</param>
    /// <param name="learningRate">γ (PyTorch's default 0.001).</param>
    /// <param name="momentum">μ.</param>
    /// <param name="dampening">τ.</param>
    /// <param name="weightDecay">λ (L2 penalty).</param>
    /// <param name="nesterov">Nesterov momentum (needs μ &gt; 0 and τ = 0).</param>
    public SGD(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double momentum = 0, double dampening = 0, double weightDecay = 0, bool nesterov = false)
        : base(parameters, learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        if (nesterov && (momentum <= 0 || dampening != 0))
        {
            throw new ArgumentException("Nesterov momentum requires a momentum and zero dampening.", nameof(nesterov));
        }

        Momentum = momentum;
        Dampening = dampening;
        WeightDecay = weightDecay;
        Nesterov = nesterov;
        _momentum = new StateBuffers(Parameters.Count);
        _scratch = new StateBuffers(Parameters.Count);
    }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    /// <summary>τ.</summary>
    public double Dampening { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether Nesterov momentum is used.</summary>
    public bool Nesterov { get; }

    private protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient) => Update<float>(index, parameter, gradient);

    private protected override void Update(int index, Span<double> parameter, ReadOnlySpan<double> gradient) => Update<double>(index, parameter, gradient);

    private void Update<T>(int index, Span<T> p, ReadOnlySpan<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var g = WithWeightDecay(gradient, p, WeightDecay, _scratch, index);

        if (Momentum != 0)
        {
            var first = !_momentum.Has(index);
            var buffer = _momentum.Get<T>(index, p.Length);
            if (first)
            {
                g.CopyTo(buffer);
            }
            else
            {
                TensorPrimitives.Multiply(buffer, T.CreateTruncating(Momentum), buffer);
                TensorPrimitives.MultiplyAdd(g, T.CreateTruncating(1 - Dampening), buffer, buffer);
            }

            if (Nesterov)
            {
                var combined = _scratch.Get<T>(index, p.Length);
                TensorPrimitives.MultiplyAdd(buffer, T.CreateTruncating(Momentum), g, combined);
                g = combined;
            }
            else
            {
                g = buffer;
            }
        }

        TensorPrimitives.MultiplyAdd(g, T.CreateTruncating(-LearningRate), p, p);
    }
}
