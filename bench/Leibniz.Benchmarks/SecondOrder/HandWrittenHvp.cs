namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>A Hessian-vector product derived by hand: the reference for the span Hvp suite.</summary>
public static class HandWrittenHvp
{
    /// <summary>
    /// The extended Rosenbrock function's value, gradient (into <paramref name="dx"/>) and Hessian times
    /// <paramref name="vx"/> (into <paramref name="hvx"/>), in the signature the generator will emit:
    /// the directional derivative of the gradient along v, one pass.
    /// </summary>
    public static double RosenbrockHvp(ReadOnlySpan<double> x, ReadOnlySpan<double> vx, Span<double> dx,
        Span<double> hvx)
    {
        dx.Clear();
        hvx.Clear();
        var sum = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            var da = vx[i + 1] - 2 * x[i] * vx[i];
            sum += 100 * a * a + b * b;
            dx[i] += -400 * a * x[i] - 2 * b;
            dx[i + 1] += 200 * a;
            hvx[i] += -400 * (da * x[i] + a * vx[i]) + 2 * vx[i];
            hvx[i + 1] += 200 * da;
        }

        return sum;
    }
}
