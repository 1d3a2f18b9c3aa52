using Leibniz;

namespace Leibniz.Samples.Tour;

/// <summary>The lecture's finite-difference stencils, each applied with an explicit step through the runtime.</summary>
public static class Stencils
{
    /// <summary>Every stencil of the lecture (first derivatives, then second derivatives).</summary>
    public static IReadOnlyList<Stencil> All { get; } =
    [
        First("f′ forward O(h)", DifferenceScheme.Forward, 1),
        First("f′ backward O(h)", DifferenceScheme.Backward, 1),
        First("f′ forward O(h²)", DifferenceScheme.Forward, 2),
        First("f′ backward O(h²)", DifferenceScheme.Backward, 2),
        First("f′ central O(h²)", DifferenceScheme.Central, 2),
        First("f′ central O(h⁴)", DifferenceScheme.Central, 4),
        Second("f″ forward O(h²)", DifferenceScheme.Forward, 2),
        Second("f″ backward O(h²)", DifferenceScheme.Backward, 2),
        Second("f″ central O(h²)", DifferenceScheme.Central, 2),
        Second("f″ central O(h⁴)", DifferenceScheme.Central, 4),
    ];

    /// <summary>
    /// The lecture's forward O(Δx²) f″ formula exactly as printed, over Δx³: the runtime's (correct) value over h.
    /// </summary>
    public static Stencil LectureForwardSecondDerivativeTypo { get; } = new("f″ forward O(h²) over Δx³ (typo)", 2, -1,
        (f, x, h) => FiniteDifference.SecondDerivative(f, x, DifferenceScheme.Forward, 2, h) / h);

    private static Stencil First(string name, DifferenceScheme scheme, int accuracy) =>
        new(name, 1, accuracy, (f, x, h) => FiniteDifference.Derivative(f, x, scheme, accuracy, h));

    private static Stencil Second(string name, DifferenceScheme scheme, int accuracy) =>
        new(name, 2, accuracy, (f, x, h) => FiniteDifference.SecondDerivative(f, x, scheme, accuracy, h));
}
