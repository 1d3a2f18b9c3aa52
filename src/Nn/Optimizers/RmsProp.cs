using System.Numerics;
using System.Numerics.Tensors;

namespace Leibniz.Nn;

/// <summary>
/// RMSprop with PyTorch's exact rule (<c>torch.optim.RMSprop</c>): g ← ∇ + λp; v ← αv + (1 − α)g²; centered:
/// ḡ ← αḡ + (1 − α)g and ṽ = v − ḡ², else ṽ = v; with momentum μ: b ← μb + g/(√ṽ + ε), p ← p − γb; else
/// p ← p − γg/(√ṽ + ε).
/// </summary>
public sealed class RMSprop : Optimizer
{
    private readonly StateBuffers _squareAverage;
    private readonly StateBuffers _gradientAverage;
    private readonly StateBuffers _momentumBuffer;
    private readonly StateBuffers _scratch;
    private readonly StateBuffers _decayed;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The tensors to update.</param>
    /// <param name="learningRate">γ (PyTorch's default 0.01).</param>
    /// <param name="alpha">α, the smoothing constant.</param>
    /// <param name="eps">ε, added to the denominator.</param>
    /// <param name="weightDecay">λ.</param>
    /// <param name="momentum">μ.</param>
    /// <param name="centered">Whether to normalize by the estimated variance instead of the second moment.</param>
    public RMSprop(IEnumerable<Tensor> parameters, double learningRate = 1e-2, double alpha = 0.99, double eps = 1e-8, double weightDecay = 0, double momentum = 0, bool centered = false)
        : base(parameters, learningRate)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(alpha);
        ArgumentOutOfRangeException.ThrowIfNegative(eps);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        ArgumentOutOfRangeException.ThrowIfNegative(momentum);
        Alpha = alpha;
        Eps = eps;
        WeightDecay = weightDecay;
        Momentum = momentum;
        Centered = centered;
        var count = Parameters.Count;
        _squareAverage = new StateBuffers(count);
        _gradientAverage = new StateBuffers(count);
        _momentumBuffer = new StateBuffers(count);
        _scratch = new StateBuffers(count);
        _decayed = new StateBuffers(count);
    }

    /// <summary>α.</summary>
    public double Alpha { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>μ.</summary>
    public double Momentum { get; }

    /// <summary>Whether the centered variant is used.</summary>
    public bool Centered { get; }

    private protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient) => Update<float>(index, parameter, gradient);

    private protected override void Update(int index, Span<double> parameter, ReadOnlySpan<double> gradient) => Update<double>(index, parameter, gradient);

    private void Update<T>(int index, Span<T> p, ReadOnlySpan<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = p.Length;
        var alpha = T.CreateTruncating(Alpha);
        var oneMinusAlpha = T.CreateTruncating(1 - Alpha);
        var g = WithWeightDecay(gradient, p, WeightDecay, _decayed, index);

        var v = _squareAverage.Get<T>(index, n);
        var denominator = _scratch.Get<T>(index, n);
        TensorPrimitives.Multiply(g, g, denominator);
        TensorPrimitives.Multiply(v, alpha, v);
        TensorPrimitives.MultiplyAdd(denominator, oneMinusAlpha, v, v);
        if (Centered)
        {
            var average = _gradientAverage.Get<T>(index, n);
            TensorPrimitives.Multiply(average, alpha, average);
            TensorPrimitives.MultiplyAdd(g, oneMinusAlpha, average, average);
            TensorPrimitives.Multiply(average, average, denominator);
            TensorPrimitives.Subtract(v, denominator, denominator);
            TensorPrimitives.Sqrt(denominator, denominator);
        }
        else
        {
            TensorPrimitives.Sqrt(v, denominator);
        }

        TensorPrimitives.Add(denominator, T.CreateTruncating(Eps), denominator);
        TensorPrimitives.Divide(g, denominator, denominator);
        var step = T.CreateTruncating(-LearningRate);
        if (Momentum > 0)
        {
            var buffer = _momentumBuffer.Get<T>(index, n);
            TensorPrimitives.Multiply(buffer, T.CreateTruncating(Momentum), buffer);
            TensorPrimitives.Add(buffer, denominator, buffer);
            TensorPrimitives.MultiplyAdd(buffer, step, p, p);
        }
        else
        {
            TensorPrimitives.MultiplyAdd(denominator, step, p, p);
        }
    }
}
