namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// The scalar functions every gradient method is measured on. Each is an ordinary C# method marked
/// [Differentiable]; the generator adds <c>{Name}Gradient</c> and <c>{Name}Jvp</c> to this class.
/// </summary>
public static partial class Functions
{
    /// <summary>Rastrigin in 2 variables (global minimum 0 at the origin).</summary>
    [Differentiable]
    public static double Rastrigin(double x, double y) =>
        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));

    /// <summary>
    /// Extended Rosenbrock in 10 variables (Moré, Garbow and Hillstrom's form: five independent pairs),
    /// f = Σ 100·(x₂ᵢ₊₁ − x₂ᵢ²)² + (1 − x₂ᵢ)², written out as a user would.
    /// </summary>
    [Differentiable]
    public static double Rosenbrock10(
        double x0, double x1, double x2, double x3, double x4, double x5, double x6, double x7, double x8, double x9)
    {
        var a0 = x1 - x0 * x0;
        var b0 = 1 - x0;
        var a1 = x3 - x2 * x2;
        var b1 = 1 - x2;
        var a2 = x5 - x4 * x4;
        var b2 = 1 - x4;
        var a3 = x7 - x6 * x6;
        var b3 = 1 - x6;
        var a4 = x9 - x8 * x8;
        var b4 = 1 - x8;
        return 100 * a0 * a0 + b0 * b0 + 100 * a1 * a1 + b1 * b1 + 100 * a2 * a2 + b2 * b2
            + 100 * a3 * a3 + b3 * b3 + 100 * a4 * a4 + b4 * b4;
    }

    /// <summary>A function with three branches (real if/else): each branch is taken by one benchmark point.</summary>
    [Differentiable]
    public static double Branches(double x, double y)
    {
        var r = x * x + y * y;
        if (r < 1)
        {
            return Math.Exp(-r) * Math.Sin(3 * x);
        }

        if (x > y)
        {
            return Math.Log(r) * Math.Cos(y) + x * y;
        }

        return Math.Sqrt(r) - Math.Atan(x * y);
    }
}
