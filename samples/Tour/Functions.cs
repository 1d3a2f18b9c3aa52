using Leibniz;

namespace Leibniz.Samples.Tour;

/// <summary>The function of the lecture's first exercise, written as ordinary C#.</summary>
public static partial class Functions
{
    /// <summary>Rastrigin's function: a bowl x² + y² with a cosine ripple, many local minima, one global at 0.</summary>
    [Differentiable]
    public static double Rastrigin(double x, double y) =>
        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));
}
