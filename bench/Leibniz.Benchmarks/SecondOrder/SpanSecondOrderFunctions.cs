namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// The span method the Hessian-vector-product goal is measured on for loops: the extended Rosenbrock function with
/// <c>[Differentiable(Order = 2)]</c> (which adds <c>RosenbrockHvp(x, vx, dx, hvx)</c>), kept apart from
/// <see cref="Loops.LoopFunctions"/> so that the first-order suites measure first-order code only.
/// </summary>
public static partial class SpanSecondOrderFunctions
{
    /// <summary>The extended Rosenbrock function in n dimensions, written with a for loop over a span.</summary>
    [Differentiable(Order = 2)]
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
}
