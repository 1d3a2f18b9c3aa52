using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generic-math [Differentiable] methods that pass spans to other generic-math [Differentiable] methods.</summary>
public static partial class GenericArrayCallFunctions
{
    [Differentiable]
    public static T Dot<T>(ReadOnlySpan<T> a, ReadOnlySpan<T> b)
        where T : IFloatingPointIeee754<T>
    {
        var s = T.Zero;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    [Differentiable]
    public static T Square<T>(T x)
        where T : IFloatingPointIeee754<T> => x * x;

    /// <summary>Calls with a differentiated span, [NoDerivative] data, the same span twice, a local array and a scalar callee.</summary>
    [Differentiable]
    public static T Fit<T>(ReadOnlySpan<T> w, T s, [NoDerivative] T[] data)
        where T : IFloatingPointIeee754<T>
    {
        var scaled = new T[w.Length];
        for (int i = 0; i < w.Length; i++)
        {
            scaled[i] = T.Sin(s * w[i]);
        }

        var total = T.Zero;
        for (int k = 0; k < 3; k++)
        {
            total = T.Tanh(total + Dot(w, data)) * s;
        }

        return total + Square(Dot(scaled, w)) + T.CreateChecked(0.01) * Dot(w, w);
    }
}
