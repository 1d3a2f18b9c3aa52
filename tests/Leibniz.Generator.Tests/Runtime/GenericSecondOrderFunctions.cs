using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generic-math <c>[Differentiable(Order = 2)]</c> methods with loops, spans, local arrays and int parameters.</summary>
public static partial class GenericSecondOrderFunctions
{
    /// <summary>The extended Rosenbrock function over a span of T (an accumulator: reversed as it runs).</summary>
    [Differentiable(Order = 2)]
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

    /// <summary>A running product over an int count, with a branch (a taped loop; the tuple form).</summary>
    [Differentiable(Order = 2)]
    public static T Power<T>(T x, T s, int n)
        where T : IFloatingPointIeee754<T>
    {
        var p = T.One;
        for (int k = 0; k < n; k++)
        {
            var u = T.Sin(x * s) + s;
            p = u > T.Zero ? p * u : p - u * T.CreateChecked(0.1);
        }

        return p;
    }

    /// <summary>A local array filled by a recurrence, then read back in a while loop on a carried value.</summary>
    [Differentiable(Order = 2)]
    public static T Smooth<T>(ReadOnlySpan<T> x, T s)
        where T : IFloatingPointIeee754<T>
    {
        var z = new T[x.Length];
        var previous = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            previous = T.Tanh(s * previous + x[i]);
            z[i] = previous;
        }

        var total = T.Zero;
        foreach (var v in z)
        {
            total += v * v * s;
        }

        var y = T.One + total * total;
        while (y > T.CreateChecked(1.5))
        {
            y = T.Sqrt(y);
        }

        return total + y;
    }
}
