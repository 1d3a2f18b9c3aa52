using System.Globalization;

namespace Leibniz;

/// <summary>The outcome of <see cref="GradientCheck.Check"/>: whether every component passed, and the worst one.</summary>
/// <param name="Passed">Whether |analytic − numeric| ≤ atol + rtol·|numeric| for every component.</param>
/// <param name="WorstIndex">The component with the largest error relative to its tolerance.</param>
/// <param name="Analytic">The analytic derivative of the worst component.</param>
/// <param name="Numeric">The central-difference derivative of the worst component.</param>
/// <param name="AbsoluteError">|analytic − numeric| for the worst component.</param>
/// <param name="Tolerance">atol + rtol·|numeric| for the worst component.</param>
public sealed record GradientCheckResult(
    bool Passed, int WorstIndex, double Analytic, double Numeric, double AbsoluteError, double Tolerance)
{
    /// <summary>A readable one-line verdict naming the worst component, e.g. for an assertion message.</summary>
    public string Message => string.Create(
        CultureInfo.InvariantCulture,
        $"Gradient check {(Passed ? "passed" : "FAILED")}: worst component [{WorstIndex}]: analytic {Analytic:R}, " +
        $"numeric {Numeric:R}, |difference| {AbsoluteError:G3} {(Passed ? "<=" : ">")} tolerance {Tolerance:G3}.");

    /// <inheritdoc/>
    public override string ToString() => Message;
}
