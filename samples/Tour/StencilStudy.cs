namespace Leibniz.Samples.Tour;

/// <summary>A finite-difference stencil of the lecture, applied through <see cref="FiniteDifference"/>.</summary>
/// <param name="Name">How the lecture names it.</param>
/// <param name="Derivative">1 for f′, 2 for f″.</param>
/// <param name="Order">The theoretical order p of the error, which behaves like hᵖ.</param>
/// <param name="Apply">The approximation of the derivative of f at x with step h.</param>
public sealed record Stencil(string Name, int Derivative, int Order, Func<Func<double, double>, double, double, double> Apply);

/// <summary>One stencil's measured behaviour.</summary>
/// <param name="Stencil">The stencil.</param>
/// <param name="Steps">The steps h tried, decreasing.</param>
/// <param name="Errors">|approximation − exact| at each step.</param>
/// <param name="MeasuredOrder">The least-squares slope of log error against log h where truncation dominates.</param>
/// <param name="BestError">The smallest error reached: below it, round-off takes over.</param>
/// <param name="BestStep">The step that reached it.</param>
public sealed record StencilMeasurement(
    Stencil Stencil,
    IReadOnlyList<double> Steps,
    IReadOnlyList<double> Errors,
    double MeasuredOrder,
    double BestError,
    double BestStep);

/// <summary>
/// Measures every stencil's error against the step h on f(x) = eˣ·sin x at x = 1, where the exact derivatives are
/// known: the slope of the log-log line is the order of the method, until round-off (≈ ε/hᵏ) lifts the error again.
/// </summary>
public static class StencilStudy
{
    /// <summary>The point where the derivatives are approximated.</summary>
    public const double Point = 1.0;

    /// <summary>
    /// The decade of steps over which the order is fitted: where truncation dominates, small enough for the leading
    /// error term to dominate and large enough for round-off to be negligible (it meets O(h⁴) truncation earlier).
    /// </summary>
    public static (double Smallest, double Largest) FitRange(int order) => order >= 4 ? (1e-2, 1e-1) : (1e-3, 1e-2);

    /// <summary>The test function f(x) = eˣ·sin x.</summary>
    public static double F(double x) => Math.Exp(x) * Math.Sin(x);

    /// <summary>Its exact first derivative eˣ(sin x + cos x).</summary>
    public static double FirstDerivative(double x) => Math.Exp(x) * (Math.Sin(x) + Math.Cos(x));

    /// <summary>Its exact second derivative 2eˣ cos x.</summary>
    public static double SecondDerivative(double x) => 2 * Math.Exp(x) * Math.Cos(x);

    /// <summary>The steps tried: 10^(−k/4) from about 0.3 down to 10⁻¹².</summary>
    public static double[] Steps(bool quick) =>
        Enumerable.Range(2, quick ? 23 : 47).Select(k => Math.Pow(10, -k / 4.0)).Where(h => h >= 1e-12).ToArray();

    /// <summary>Measures one stencil.</summary>
    public static StencilMeasurement Measure(Stencil stencil, double[] steps)
    {
        var exact = stencil.Derivative == 1 ? FirstDerivative(Point) : SecondDerivative(Point);
        var errors = steps.Select(h => Math.Abs(stencil.Apply(F, Point, h) - exact)).ToArray();
        var best = Enumerable.Range(0, steps.Length).MinBy(i => errors[i]);
        return new StencilMeasurement(stencil, steps, errors, Slope(steps, errors, FitRange(stencil.Order)), errors[best],
            steps[best]);
    }

    /// <summary>Least-squares slope of log10(error) against log10(h) for the steps inside <paramref name="range"/>.</summary>
    public static double Slope(IReadOnlyList<double> steps, IReadOnlyList<double> errors, (double Smallest, double Largest) range)
    {
        const double Tolerance = 1e-9; // the steps are computed powers of ten: keep the decade's ends
        var points = Enumerable.Range(0, steps.Count)
            .Where(i => steps[i] <= range.Largest * (1 + Tolerance) && steps[i] >= range.Smallest * (1 - Tolerance) && errors[i] > 0)
            .Select(i => (X: Math.Log10(steps[i]), Y: Math.Log10(errors[i])))
            .ToArray();
        var meanX = points.Average(p => p.X);
        var meanY = points.Average(p => p.Y);
        return points.Sum(p => (p.X - meanX) * (p.Y - meanY)) / points.Sum(p => (p.X - meanX) * (p.X - meanX));
    }
}
