namespace Leibniz.Benchmarks.SecondOrder;

/// <summary>
/// [Differentiable(Order = 2)] methods, copied from tests/Leibniz.Generator.Tests (Runtime/SecondOrderFunctions.cs):
/// the generator adds <c>{Name}Gradient</c>, <c>{Name}Jvp</c>, <c>{Name}Hessian</c> and <c>{Name}Hvp</c>.
/// </summary>
public static partial class SecondOrderFunctions
{
    /// <summary>The Rosenbrock function in 2 variables.</summary>
    [Differentiable(Order = 2)]
    public static double Rosenbrock(double x, double y) => Math.Pow(1 - x, 2) + 100 * Math.Pow(y - x * x, 2);

    /// <summary>Table functions, a quotient and a branch.</summary>
    [Differentiable(Order = 2)]
    public static double Mixed(double x, double y, double z)
    {
        var r = Math.Sin(x * y) + Math.Exp(0.3 * z) / (1 + y * y) + Math.Log(1 + x * x) * z;
        if (x > y)
        {
            r += Math.Tanh(x - z) * Math.Sqrt(1 + y * y);
        }
        else
        {
            r -= Math.Atan(z * y) * x;
        }

        return r + Math.Abs(z) * x;
    }
}
