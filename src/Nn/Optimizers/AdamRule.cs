using System.Numerics;

namespace Leibniz.Nn;

/// <summary>Adam's element-wise update fused into one vectorized pass (m, v and p each read and written once).</summary>
internal readonly struct AdamRule<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private readonly T _beta1;
    private readonly T _oneMinusBeta1;
    private readonly T _beta2;
    private readonly T _oneMinusBeta2;
    private readonly T _eps;
    private readonly T _stepSize;
    private readonly T _biasCorrection2Sqrt;

    public AdamRule(double beta1, double beta2, double eps, double stepSize, double biasCorrection2Sqrt)
    {
        _beta1 = T.CreateTruncating(beta1);
        _oneMinusBeta1 = T.CreateTruncating(1 - beta1);
        _beta2 = T.CreateTruncating(beta2);
        _oneMinusBeta2 = T.CreateTruncating(1 - beta2);
        _eps = T.CreateTruncating(eps);
        _stepSize = T.CreateTruncating(stepSize);
        _biasCorrection2Sqrt = T.CreateTruncating(biasCorrection2Sqrt);
    }

    public void Update(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v)
    {
        var i = 0;
        var count = Vector<T>.Count;
        for (; i <= p.Length - count; i += count)
        {
            var grad = new Vector<T>(g.Slice(i));
            var first = (new Vector<T>(m.Slice(i)) * _beta1) + (grad * _oneMinusBeta1);
            var second = (new Vector<T>(v.Slice(i)) * _beta2) + (grad * grad * _oneMinusBeta2);
            first.CopyTo(m.Slice(i));
            second.CopyTo(v.Slice(i));
            var denominator = (Vector.SquareRoot(second) / _biasCorrection2Sqrt) + new Vector<T>(_eps);
            (new Vector<T>(p.Slice(i)) - (first / denominator * _stepSize)).CopyTo(p.Slice(i));
        }

        for (; i < p.Length; i++)
        {
            m[i] = (m[i] * _beta1) + (g[i] * _oneMinusBeta1);
            v[i] = (v[i] * _beta2) + (g[i] * g[i] * _oneMinusBeta2);
            p[i] -= m[i] / ((T.Sqrt(v[i]) / _biasCorrection2Sqrt) + _eps) * _stepSize;
        }
    }

    public void UpdateAmsGrad(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v, Span<T> vMax)
    {
        for (var i = 0; i < p.Length; i++)
        {
            m[i] = (m[i] * _beta1) + (g[i] * _oneMinusBeta1);
            v[i] = (v[i] * _beta2) + (g[i] * g[i] * _oneMinusBeta2);
            vMax[i] = T.Max(vMax[i], v[i]);
            p[i] -= m[i] / ((T.Sqrt(vMax[i]) / _biasCorrection2Sqrt) + _eps) * _stepSize;
        }
    }
}
