namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// Objectives written with loops, as a user writes them; the generator adds <c>{Name}Gradient</c> and
/// <c>{Name}Jvp</c> to this class.
/// </summary>
public static partial class LoopFunctions
{
    /// <summary>The extended Rosenbrock function in n dimensions, as in docs/generator.md: a loop over a span.</summary>
    [Differentiable]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    /// <summary>
    /// The recurrence y ← r·sin(y) + x/2, <paramref name="steps"/> times from y = x. Its reverse pass needs every
    /// intermediate y, so the generated gradient keeps one double per step on the carried-value tape.
    /// </summary>
    [Differentiable]
    public static double Recurrence(double x, double r, int steps)
    {
        var y = x;
        for (int k = 0; k < steps; k++)
        {
            y = r * Math.Sin(y) + 0.5 * x;
        }

        return y;
    }

    /// <summary>
    /// Centres x into a local array, then sums a nonlinear function of the centred values: a local array filled by
    /// one loop and read by another (on the stack up to 256 elements in the generated code, pooled beyond).
    /// </summary>
    [Differentiable]
    public static double Centred(ReadOnlySpan<double> x)
    {
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        Span<double> r = x.Length <= 1024 ? stackalloc double[x.Length] : new double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = x[i] - mean;
        }

        var sum = 0.0;
        foreach (var e in r)
        {
            sum += e * e * Math.Sin(e);
        }

        return sum;
    }
}
