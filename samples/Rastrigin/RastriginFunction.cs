using Leibniz;

namespace Leibniz.Samples.Rastrigin;

/// <summary>The lecture's exercise 1: f(x, y) = 20 + (x² − 10 cos 2πx) + (y² − 10 cos 2πy).</summary>
public static partial class RastriginFunction
{
    /// <summary>Half the side of the square the lecture trains on: [-5.12, 5.12]².</summary>
    public const double Domain = 5.12;

    /// <summary>Rastrigin's function.</summary>
    [Differentiable]
    public static double Value(double x, double y) =>
        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));
}
