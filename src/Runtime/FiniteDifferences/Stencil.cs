namespace Leibniz;

/// <summary>
/// A finite-difference formula f⁽ᵈ⁾(x) ≈ Σₖ wₖ·f(x + oₖ·h) / (divisor·hᵈ): sample offsets oₖ, weights wₖ, a divisor
/// and the derivative order d.
/// </summary>
internal sealed class Stencil
{
    private Stencil(int derivative, int accuracy, double[] offsets, double[] weights, double divisor)
    {
        Derivative = derivative;
        Accuracy = accuracy;
        Offsets = offsets;
        Weights = weights;
        Divisor = divisor;
    }

    internal int Derivative { get; }

    internal int Accuracy { get; }

    internal double[] Offsets { get; }

    internal double[] Weights { get; }

    internal double Divisor { get; }

    // The lecture's stencils, plus the O(h) one-sided second differences. The lecture prints the one-sided O(h²)
    // second differences over Δx³; Taylor expansion (and the measured convergence order) show the divisor is Δx².
    private static readonly Stencil FirstForward1 = new(1, 1, [0, 1], [-1, 1], 1);
    private static readonly Stencil FirstBackward1 = new(1, 1, [0, -1], [1, -1], 1);
    private static readonly Stencil FirstForward2 = new(1, 2, [0, 1, 2], [-3, 4, -1], 2);
    private static readonly Stencil FirstBackward2 = new(1, 2, [0, -1, -2], [3, -4, 1], 2);
    private static readonly Stencil FirstCentral2 = new(1, 2, [1, -1], [1, -1], 2);
    private static readonly Stencil FirstCentral4 = new(1, 4, [2, 1, -1, -2], [-1, 8, -8, 1], 12);
    private static readonly Stencil SecondForward1 = new(2, 1, [0, 1, 2], [1, -2, 1], 1);
    private static readonly Stencil SecondBackward1 = new(2, 1, [0, -1, -2], [1, -2, 1], 1);
    private static readonly Stencil SecondForward2 = new(2, 2, [0, 1, 2, 3], [2, -5, 4, -1], 1);
    private static readonly Stencil SecondBackward2 = new(2, 2, [0, -1, -2, -3], [2, -5, 4, -1], 1);
    private static readonly Stencil SecondCentral2 = new(2, 2, [1, 0, -1], [1, -2, 1], 1);
    private static readonly Stencil SecondCentral4 = new(2, 4, [2, 1, 0, -1, -2], [-1, 16, -30, 16, -1], 12);

    internal static Stencil For(int derivative, DifferenceScheme scheme, int accuracy) =>
        (derivative, scheme, accuracy) switch
        {
            (1, DifferenceScheme.Forward, 1) => FirstForward1,
            (1, DifferenceScheme.Backward, 1) => FirstBackward1,
            (1, DifferenceScheme.Forward, 2) => FirstForward2,
            (1, DifferenceScheme.Backward, 2) => FirstBackward2,
            (1, DifferenceScheme.Central, 2) => FirstCentral2,
            (1, DifferenceScheme.Central, 4) => FirstCentral4,
            (2, DifferenceScheme.Forward, 1) => SecondForward1,
            (2, DifferenceScheme.Backward, 1) => SecondBackward1,
            (2, DifferenceScheme.Forward, 2) => SecondForward2,
            (2, DifferenceScheme.Backward, 2) => SecondBackward2,
            (2, DifferenceScheme.Central, 2) => SecondCentral2,
            (2, DifferenceScheme.Central, 4) => SecondCentral4,
            _ when !Enum.IsDefined(scheme) => throw new ArgumentOutOfRangeException(
                nameof(scheme), scheme, "Expected Central, Forward or Backward."),
            _ => throw new ArgumentOutOfRangeException(
                nameof(accuracy),
                accuracy,
                scheme == DifferenceScheme.Central
                    ? "A central difference has accuracy order 2 or 4."
                    : $"A {scheme.ToString().ToLowerInvariant()} difference has accuracy order 1 or 2."),
        };

    /// <summary>
    /// The step that balances truncation error (∝ hᵖ) against rounding error (∝ ε/hᵈ): h = ε^(1/(p + d))·max(1, |x|),
    /// rounded so that x + h is exact.
    /// </summary>
    internal double DefaultStep(double x)
    {
        var h = Math.Pow(Epsilon, 1.0 / (Accuracy + Derivative))
            * Math.Max(1.0, Math.Abs(x));
        var shifted = x + h;
        var exact = shifted - x;
        return exact > 0 ? exact : h;
    }

    /// <summary>Turns Σₖ wₖ·f(x + oₖ·h) into the derivative estimate.</summary>
    internal double Scale(double weightedSum, double h) => weightedSum / (Divisor * (Derivative == 1 ? h : h * h));

    // Machine epsilon of double, 2⁻⁵².
    private const double Epsilon = 2.220446049250313e-16;
}
