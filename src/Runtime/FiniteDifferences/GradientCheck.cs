namespace Leibniz;

/// <summary>
/// Compares an analytic gradient with central finite differences, in the spirit of PyTorch's <c>gradcheck</c>:
/// component i passes when |analytic − numeric| ≤ atol + rtol·|numeric|.
/// </summary>
public static class GradientCheck
{
    /// <summary>PyTorch gradcheck's default absolute tolerance.</summary>
    public const double DefaultAbsoluteTolerance = 1e-5;

    /// <summary>PyTorch gradcheck's default relative tolerance.</summary>
    public const double DefaultRelativeTolerance = 1e-3;

    /// <summary>
    /// Checks <paramref name="analyticGradient"/> against the O(h⁴) central-difference gradient of
    /// <paramref name="f"/> at <paramref name="x"/> (double precision, default step ε^(1/5)·max(1, |xᵢ|)).
    /// </summary>
    /// <param name="f">The function f: Rⁿ → R.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <param name="analyticGradient">The gradient to check; its length must equal that of <paramref name="x"/>.</param>
    /// <param name="absoluteTolerance">atol ≥ 0.</param>
    /// <param name="relativeTolerance">rtol ≥ 0.</param>
    /// <returns>Whether every component passed, and the worst component (largest error over tolerance).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, or the lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A tolerance is negative or NaN.</exception>
    public static GradientCheckResult Check(
        MultivariateFunction<double> f,
        ReadOnlySpan<double> x,
        ReadOnlySpan<double> analyticGradient,
        double absoluteTolerance = DefaultAbsoluteTolerance,
        double relativeTolerance = DefaultRelativeTolerance)
    {
        ArgumentNullException.ThrowIfNull(f);
        Arguments.ThrowIfEmpty(x, nameof(x));
        Arguments.ThrowIfLengthDiffers(analyticGradient.Length, x.Length, nameof(analyticGradient));
        ThrowIfBadTolerance(absoluteTolerance, nameof(absoluteTolerance));
        ThrowIfBadTolerance(relativeTolerance, nameof(relativeTolerance));
        var numeric = FiniteDifference.Gradient(f, x, DifferenceScheme.Central, accuracy: 4);
        var passed = true;
        var worst = 0;
        var worstRatio = double.NegativeInfinity;
        for (var i = 0; i < x.Length; i++)
        {
            var error = Math.Abs(analyticGradient[i] - numeric[i]);
            var tolerance = absoluteTolerance + relativeTolerance * Math.Abs(numeric[i]);
            passed &= error <= tolerance;

            // A failing component has ratio > 1 and a NaN derivative ranks as the worst of all, so the worst
            // component of a failed check is always a failing one.
            var ratio = double.IsNaN(error) ? double.PositiveInfinity : error == 0 ? 0.0 : error / tolerance;
            if (ratio > worstRatio)
            {
                worstRatio = ratio;
                worst = i;
            }
        }

        var worstTolerance = absoluteTolerance + relativeTolerance * Math.Abs(numeric[worst]);
        return new GradientCheckResult(
            passed, worst, analyticGradient[worst], numeric[worst], Math.Abs(analyticGradient[worst] - numeric[worst]), worstTolerance);
    }

    private static void ThrowIfBadTolerance(double tolerance, string paramName)
    {
        if (!(tolerance >= 0))
        {
            throw new ArgumentOutOfRangeException(paramName, tolerance, "Expected a tolerance ≥ 0 (not NaN).");
        }
    }
}
