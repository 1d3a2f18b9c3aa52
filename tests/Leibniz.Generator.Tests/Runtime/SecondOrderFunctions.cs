namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable(Order = 2)] methods: Hessians and Hessian-vector products.</summary>
public static partial class SecondOrderFunctions
{
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
