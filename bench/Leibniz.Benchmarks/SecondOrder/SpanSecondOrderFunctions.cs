namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// The span method the Hessian-vector-product goal is measured on for loops: the extended Rosenbrock function,
/// kept apart from <see cref="Loops.LoopFunctions"/> so that its attribute can become
/// <c>[Differentiable(Order = 2)]</c> (which adds <c>RosenbrockHvp(x, vx, dx, hvx)</c>) once the generator
/// accepts Order = 2 on span methods, without changing the first-order suites.
/// </summary>
public static partial class SpanSecondOrderFunctions
{
    /// <summary>The extended Rosenbrock function in n dimensions, written with a for loop over a span.</summary>
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
}
