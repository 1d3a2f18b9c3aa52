namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// <c>[Differentiable(Order = 2)]</c> methods with loops, copied from the generator tests' SecondOrderLoopFunctions:
/// one per kind of loop the second-order programs must carry tangents through (a taped recurrence with a branch, a
/// nested loop that records on the method's stacks, a local array, an accumulator reversed as it runs, a call).
/// </summary>
public static partial class LoopSecondOrderFunctions
{
    /// <summary>A recurrence and a running product with a branch in the body (a taped loop; tuple form).</summary>
    [Differentiable(Order = 2)]
    public static double Recurrence(double x, double r, int steps)
    {
        var y = x;
        var product = 1.0;
        for (int k = 0; k < steps; k++)
        {
            y = r * Math.Sin(y) + 0.1 * y;
            if (y > 0)
            {
                product *= 1 + 0.1 * y;
            }
            else
            {
                product = product - 0.05 * y * product;
            }
        }

        return y + product;
    }

    /// <summary>Nested (triangular) loops with a tape in the inner loop.</summary>
    [Differentiable(Order = 2)]
    public static double Nested(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = 1.0;
            for (int j = 0; j <= i; j++)
            {
                p *= 1 + 0.5 * Math.Sin(x[j] * x[i]);
            }

            total += p * x[i];
        }

        return total;
    }

    /// <summary>A local array filled by a recurrence, then read in a second loop.</summary>
    [Differentiable(Order = 2)]
    public static double Smooth(ReadOnlySpan<double> x, double s)
    {
        Span<double> z = stackalloc double[x.Length];
        var previous = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            previous = Math.Tanh(s * previous + x[i]);
            z[i] = previous;
        }

        var total = 0.0;
        foreach (var v in z)
        {
            total += v * v * s;
        }

        return total;
    }

    /// <summary>A logistic-regression-like loss: an accumulator of transcendental functions.</summary>
    [Differentiable(Order = 2)]
    public static double Logistic(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> features)
    {
        var loss = 0.0;
        for (int i = 0; i < w.Length; i++)
        {
            var z = w[i] * features[i] + 0.1 * i;
            loss += Math.Log(1 + Math.Exp(-z)) + 0.5 * Math.Tanh(w[i]) * w[i];
        }

        return loss;
    }

    /// <summary>The callee of <see cref="Bumps"/>: calls are differentiated through its own Hvp.</summary>
    [Differentiable(Order = 2)]
    public static double Bump(double u, double w) => Math.Exp(-u * u) * w + Math.Sin(u * w);

    /// <summary>A call to another [Differentiable] method inside a loop over a span.</summary>
    [Differentiable(Order = 2)]
    public static double Bumps(ReadOnlySpan<double> x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            total += Bump(x[i], s) * x[i];
        }

        return total;
    }
}
