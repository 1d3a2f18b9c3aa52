using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

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
        var i = Vector512.IsHardwareAccelerated ? Update512(p, g, m, v) : 0;
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

    private int Update512(Span<T> p, ReadOnlySpan<T> g, Span<T> m, Span<T> v)
    {
        var count = Vector512<T>.Count;
        var beta1 = Vector512.Create(_beta1);
        var oneMinusBeta1 = Vector512.Create(_oneMinusBeta1);
        var beta2 = Vector512.Create(_beta2);
        var oneMinusBeta2 = Vector512.Create(_oneMinusBeta2);
        var eps = Vector512.Create(_eps);
        var stepSize = Vector512.Create(_stepSize);
        var correction = Vector512.Create(_biasCorrection2Sqrt);
        ref var pr = ref MemoryMarshal.GetReference(p);
        ref var gr = ref MemoryMarshal.GetReference(g);
        ref var mr = ref MemoryMarshal.GetReference(m);
        ref var vr = ref MemoryMarshal.GetReference(v);
        var i = 0;
        for (; i <= p.Length - count; i += count)
        {
            var offset = (nuint)i;
            var grad = Vector512.LoadUnsafe(ref gr, offset);
            var first = (Vector512.LoadUnsafe(ref mr, offset) * beta1) + (grad * oneMinusBeta1);
            var second = (Vector512.LoadUnsafe(ref vr, offset) * beta2) + (grad * grad * oneMinusBeta2);
            first.StoreUnsafe(ref mr, offset);
            second.StoreUnsafe(ref vr, offset);
            var denominator = (Vector512.Sqrt(second) / correction) + eps;
            (Vector512.LoadUnsafe(ref pr, offset) - (first / denominator * stepSize)).StoreUnsafe(ref pr, offset);
        }

        return i;
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
