using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generic-math [Differentiable] methods with loops, spans, arrays and int parameters.</summary>
public static partial class GenericLoopFunctions
{
    /// <summary>The extended Rosenbrock function over a span of T.</summary>
    [Differentiable]
    public static T Rosenbrock<T>(ReadOnlySpan<T> x)
        where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (int i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = T.One - x[i];
            sum += T.CreateChecked(100) * a * a + b * b;
        }

        return sum;
    }

    /// <summary>A running product over an int count (its reverse pass needs a tape).</summary>
    [Differentiable]
    public static T Power<T>(T x, T s, int n)
        where T : IFloatingPointIeee754<T>
    {
        var p = T.One;
        for (int k = 0; k < n; k++)
        {
            p *= T.Sin(x * s) + s;
        }

        return p;
    }

    /// <summary>foreach over an array, [NoDerivative] data and a while loop on a carried value.</summary>
    [Differentiable]
    public static T Norm<T>(T[] x, [NoDerivative] T[] w, T s)
        where T : IFloatingPointIeee754<T>
    {
        var total = T.Zero;
        foreach (var v in x)
        {
            total += T.Exp(s * v);
        }

        var y = total;
        while (y > T.One)
        {
            y = T.Sqrt(y) * T.CreateChecked(0.5);
        }

        return T.Log(total) + y * w[0];
    }

    /// <summary>A loop of accumulators with a scalar inside: reversed as it runs, its scalar's adjoint summed from T.Zero.</summary>
    [Differentiable]
    public static T ScaledSquares<T>(ReadOnlySpan<T> x, T s) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            sum += s * x[i] * x[i] + T.Sin(s);
        }

        return sum;
    }
}
