namespace Leibniz.Benchmarks.Loops;

/// <summary>Gradients of <see cref="LoopFunctions"/> derived by hand: the reference the generated code is set against.</summary>
public static class HandWrittenLoops
{
    /// <summary>The value of the extended Rosenbrock function and its gradient into <paramref name="dx"/>, in one pass.</summary>
    public static double RosenbrockGradient(ReadOnlySpan<double> x, Span<double> dx)
    {
        dx.Clear();
        var sum = 0.0;
        for (var i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
            dx[i] += -400 * a * x[i] - 2 * b;
            dx[i + 1] += 200 * a;
        }

        return sum;
    }

    /// <summary>
    /// The value of <see cref="LoopFunctions.Recurrence"/> and its partials: the forward loop stores each y in
    /// <paramref name="ys"/> (at least <paramref name="steps"/> long), the reverse loop reads them back.
    /// </summary>
    public static (double Value, double dx, double dr) RecurrenceGradient(double x, double r, int steps,
        Span<double> ys)
    {
        var y = x;
        for (var k = 0; k < steps; k++)
        {
            ys[k] = y;
            y = r * Math.Sin(y) + 0.5 * x;
        }

        // Adjoint of y flows back through y_{k+1} = r·sin(y_k) + x/2; the initial y = x adds the last one.
        var adjoint = 1.0;
        var dx = 0.0;
        var dr = 0.0;
        for (var k = steps - 1; k >= 0; k--)
        {
            var (sin, cos) = Math.SinCos(ys[k]);
            dx += 0.5 * adjoint;
            dr += adjoint * sin;
            adjoint *= r * cos;
        }

        return (y, dx + adjoint, dr);
    }
}
