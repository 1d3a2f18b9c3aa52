using System.Numerics;
using System.Numerics.Tensors;

namespace Leibniz.Nn;

/// <summary>
/// Adam with PyTorch's exact rule (<c>torch.optim.Adam</c>): g ← ∇ + λp; m ← β₁m + (1 − β₁)g;
/// v ← β₂v + (1 − β₂)g²; (AMSGrad: v̂ ← max(v̂, v)); p ← p − (γ/(1 − β₁ᵗ))·m/(√v/√(1 − β₂ᵗ) + ε).
/// </summary>
public sealed class Adam : Optimizer
{
    private readonly StateBuffers _firstMoment;
    private readonly StateBuffers _secondMoment;
    private readonly StateBuffers _maxSecondMoment;
    private readonly StateBuffers _decayed;
    private readonly int[] _steps;

    /// <summary>Creates the optimizer.</summary>
    /// <param name="parameters">The tensors to update.</param>
    /// <param name="learningRate">γ (PyTorch's default 0.001).</param>
    /// <param name="beta1">β₁, the first moment's decay.</param>
    /// <param name="beta2">β₂, the second moment's decay.</param>
    /// <param name="eps">ε, added to the denominator.</param>
    /// <param name="weightDecay">λ (L2 penalty added to the gradient).</param>
    /// <param name="amsGrad">Whether to use the AMSGrad variant.</param>
    public Adam(IEnumerable<Tensor> parameters, double learningRate = 1e-3, double beta1 = 0.9, double beta2 = 0.999, double eps = 1e-8, double weightDecay = 0, bool amsGrad = false)
        : base(parameters, learningRate)
    {
        if (!(beta1 is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta1), beta1, "β₁ must lie in [0, 1).");
        }

        if (!(beta2 is >= 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(beta2), beta2, "β₂ must lie in [0, 1).");
        }

        ArgumentOutOfRangeException.ThrowIfNegative(eps);
        ArgumentOutOfRangeException.ThrowIfNegative(weightDecay);
        Beta1 = beta1;
        Beta2 = beta2;
        Eps = eps;
        WeightDecay = weightDecay;
        AmsGrad = amsGrad;
        var count = Parameters.Count;
        _firstMoment = new StateBuffers(count);
        _secondMoment = new StateBuffers(count);
        _maxSecondMoment = new StateBuffers(count);
        _decayed = new StateBuffers(count);
        _steps = new int[count];
    }

    /// <summary>β₁.</summary>
    public double Beta1 { get; }

    /// <summary>β₂.</summary>
    public double Beta2 { get; }

    /// <summary>ε.</summary>
    public double Eps { get; }

    /// <summary>λ.</summary>
    public double WeightDecay { get; }

    /// <summary>Whether AMSGrad is used.</summary>
    public bool AmsGrad { get; }

    private protected override void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient) => Update<float>(index, parameter, gradient);

    private protected override void Update(int index, Span<double> parameter, ReadOnlySpan<double> gradient) => Update<double>(index, parameter, gradient);

    private void Update<T>(int index, Span<T> p, ReadOnlySpan<T> gradient)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = p.Length;
        var t = ++_steps[index];
        var g = WithWeightDecay(gradient, p, WeightDecay, _decayed, index);

        var m = _firstMoment.Get<T>(index, n);
        var v = _secondMoment.Get<T>(index, n);
        var biasCorrection1 = 1 - Math.Pow(Beta1, t);
        var biasCorrection2Sqrt = Math.Sqrt(1 - Math.Pow(Beta2, t));
        var rule = new AdamRule<T>(Beta1, Beta2, Eps, LearningRate / biasCorrection1, biasCorrection2Sqrt);
        if (AmsGrad)
        {
            rule.UpdateAmsGrad(p, g, m, v, _maxSecondMoment.Get<T>(index, n));
        }
        else
        {
            rule.Update(p, g, m, v);
        }
    }
}
