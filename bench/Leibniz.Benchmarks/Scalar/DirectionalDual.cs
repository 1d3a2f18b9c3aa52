namespace Leibniz.Benchmarks.Scalar;

/// <summary>One forward pass with <see cref="Dual"/>: the value and the directional derivative ∇f·v (a Jvp).</summary>
public static class DirectionalDual
{
    /// <summary>Evaluates f at x with tangent v: one pass, the cost the "Dual ≤ 2× the primal" goal is about.</summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static Dual Jvp(MultivariateFunction<Dual> f, ReadOnlySpan<double> x, ReadOnlySpan<double> v)
    {
        // Every element is written below, so the stack buffer need not be zeroed first (that alone would cost
        // more than a small function's forward pass).
        Span<Dual> point = stackalloc Dual[x.Length];
        for (var i = 0; i < x.Length; i++)
        {
            point[i] = new Dual(x[i], v[i]);
        }

        return f(point);
    }

    /// <summary>A fixed direction of the given length, not axis-aligned (components 1/(i+2)).</summary>
    public static double[] Direction(int length) => Enumerable.Range(0, length).Select(i => 1.0 / (i + 2)).ToArray();

    /// <summary>∇f·v from a gradient, to check a Jvp against.</summary>
    public static double Dot(ReadOnlySpan<double> gradient, ReadOnlySpan<double> v)
    {
        var sum = 0.0;
        for (var i = 0; i < gradient.Length; i++)
        {
            sum += gradient[i] * v[i];
        }

        return sum;
    }
}
