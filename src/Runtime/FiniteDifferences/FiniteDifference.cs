using System.Buffers;

namespace Leibniz;

/// <summary>
/// Finite-difference derivatives: every stencil of the lecture (first and second derivatives; forward, backward
/// and central; O(h), O(h²) and O(h⁴)), for checking analytic and automatic derivatives.
/// </summary>
/// <remarks>
/// <para>Stencils, with f₊ₖ = f(x + kh) and f₋ₖ = f(x − kh):</para>
/// <list type="table">
/// <listheader><term>derivative, scheme, order</term><description>formula</description></listheader>
/// <item><term>f′ forward O(h)</term><description>(f₊₁ − f₀)/h</description></item>
/// <item><term>f′ backward O(h)</term><description>(f₀ − f₋₁)/h</description></item>
/// <item><term>f′ forward O(h²)</term><description>(−3f₀ + 4f₊₁ − f₊₂)/(2h)</description></item>
/// <item><term>f′ backward O(h²)</term><description>(3f₀ − 4f₋₁ + f₋₂)/(2h)</description></item>
/// <item><term>f′ central O(h²)</term><description>(f₊₁ − f₋₁)/(2h)</description></item>
/// <item><term>f′ central O(h⁴)</term><description>(−f₊₂ + 8f₊₁ − 8f₋₁ + f₋₂)/(12h)</description></item>
/// <item><term>f″ forward O(h)</term><description>(f₀ − 2f₊₁ + f₊₂)/h²</description></item>
/// <item><term>f″ backward O(h)</term><description>(f₀ − 2f₋₁ + f₋₂)/h²</description></item>
/// <item><term>f″ forward O(h²)</term><description>(2f₀ − 5f₊₁ + 4f₊₂ − f₊₃)/h²</description></item>
/// <item><term>f″ backward O(h²)</term><description>(2f₀ − 5f₋₁ + 4f₋₂ − f₋₃)/h²</description></item>
/// <item><term>f″ central O(h²)</term><description>(f₊₁ − 2f₀ + f₋₁)/h²</description></item>
/// <item><term>f″ central O(h⁴)</term><description>(−f₊₂ + 16f₊₁ − 30f₀ + 16f₋₁ − f₋₂)/(12h²)</description></item>
/// </list>
/// <para>Erratum: the lecture divides the one-sided O(Δx²) second differences by Δx³. That is a typo — the
/// weights 2, −5, 4, −1 sum the Taylor terms to h²·f″(x) + O(h⁴), so the divisor is Δx², which the measured
/// convergence order (2) confirms.</para>
/// <para>Default step: h = ε^(1/(p + d))·max(1, |x|) for accuracy order p and derivative order d (ε = 2⁻⁵²),
/// which balances truncation error (∝ hᵖ) against rounding error (∝ ε/hᵈ): ε^(1/2) ≈ 1.5e−8 for forward O(h),
/// ε^(1/3) ≈ 6.1e−6 for central O(h²), ε^(1/5) ≈ 7.4e−4 for central O(h⁴); ε^(1/4), ε^(1/3) and ε^(1/6) for the
/// second derivatives of order 2, 1 and 4. It is rounded so that x + h − x = h exactly.</para>
/// </remarks>
public static class FiniteDifference
{
    private const int StackLimit = 64;

    /// <summary>The default step for a stencil at <paramref name="x"/> (see the remarks of <see cref="FiniteDifference"/>).</summary>
    /// <param name="x">The point.</param>
    /// <param name="scheme">Central, forward or backward.</param>
    /// <param name="accuracy">The order of accuracy: 1 or 2 (forward, backward), 2 or 4 (central).</param>
    /// <param name="derivative">1 for f′, 2 for f″.</param>
    /// <returns>The step h &gt; 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The scheme, accuracy or derivative order has no stencil.</exception>
    public static double DefaultStep(
        double x, DifferenceScheme scheme = DifferenceScheme.Central, int accuracy = 2, int derivative = 1)
    {
        ThrowIfBadDerivativeOrder(derivative);
        return Stencil.For(derivative, scheme, accuracy).DefaultStep(x);
    }

    /// <summary>Approximates f′(x).</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <param name="scheme">Central (the default), forward or backward.</param>
    /// <param name="accuracy">The order of accuracy: 1 or 2 (forward, backward), 2 (the default) or 4 (central).</param>
    /// <param name="step">The step h; null (the default) picks <see cref="DefaultStep"/>.</param>
    /// <returns>The estimate of f′(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such stencil, or the step is not finite and positive.</exception>
    public static double Derivative(
        Func<double, double> f,
        double x,
        DifferenceScheme scheme = DifferenceScheme.Central,
        int accuracy = 2,
        double? step = null) => Estimate(f, x, Stencil.For(1, scheme, accuracy), step);

    /// <summary>Approximates f″(x).</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point.</param>
    /// <param name="scheme">Central (the default), forward or backward.</param>
    /// <param name="accuracy">The order of accuracy: 1 or 2 (forward, backward), 2 (the default) or 4 (central).</param>
    /// <param name="step">The step h; null (the default) picks <see cref="DefaultStep"/>.</param>
    /// <returns>The estimate of f″(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such stencil, or the step is not finite and positive.</exception>
    public static double SecondDerivative(
        Func<double, double> f,
        double x,
        DifferenceScheme scheme = DifferenceScheme.Central,
        int accuracy = 2,
        double? step = null) => Estimate(f, x, Stencil.For(2, scheme, accuracy), step);

    /// <summary>Approximates the partial derivative ∂f/∂x[<paramref name="index"/>] of f: Rⁿ → R.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <param name="index">The coordinate to differentiate by.</param>
    /// <param name="scheme">Central (the default), forward or backward.</param>
    /// <param name="accuracy">The order of accuracy: 1 or 2 (forward, backward), 2 (the default) or 4 (central).</param>
    /// <param name="step">The step h; null (the default) picks <see cref="DefaultStep"/> for x[index].</param>
    /// <returns>The estimate of ∂f/∂x[index].</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">
    /// <paramref name="index"/> is out of range, no such stencil, or the step is not finite and positive.
    /// </exception>
    public static double PartialDerivative(
        MultivariateFunction<double> f,
        ReadOnlySpan<double> x,
        int index,
        DifferenceScheme scheme = DifferenceScheme.Central,
        int accuracy = 2,
        double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        Arguments.ThrowIfEmpty(x, nameof(x));
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, x.Length);
        var stencil = Stencil.For(1, scheme, accuracy);
        ThrowIfBadStep(step);
        double[]? rented = null;
        var point = x.Length <= StackLimit ? stackalloc double[StackLimit] : rented = ArrayPool<double>.Shared.Rent(x.Length);
        point = point[..x.Length];
        try
        {
            x.CopyTo(point);
            return Partial(f, point, index, stencil, step);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Approximates the gradient of f: Rⁿ → R, one partial derivative per coordinate.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <param name="gradient">Receives the estimates; its length must equal that of <paramref name="x"/>.</param>
    /// <param name="scheme">Central (the default), forward or backward.</param>
    /// <param name="accuracy">The order of accuracy: 1 or 2 (forward, backward), 2 (the default) or 4 (central).</param>
    /// <param name="step">The step h for every coordinate; null (the default) picks <see cref="DefaultStep"/> per coordinate.</param>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, or the lengths differ.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such stencil, or the step is not finite and positive.</exception>
    public static void Gradient(
        MultivariateFunction<double> f,
        ReadOnlySpan<double> x,
        Span<double> gradient,
        DifferenceScheme scheme = DifferenceScheme.Central,
        int accuracy = 2,
        double? step = null)
    {
        ArgumentNullException.ThrowIfNull(f);
        Arguments.ThrowIfEmpty(x, nameof(x));
        Arguments.ThrowIfLengthDiffers(gradient.Length, x.Length, nameof(gradient));
        var stencil = Stencil.For(1, scheme, accuracy);
        ThrowIfBadStep(step);
        double[]? rented = null;
        var point = x.Length <= StackLimit ? stackalloc double[StackLimit] : rented = ArrayPool<double>.Shared.Rent(x.Length);
        point = point[..x.Length];
        try
        {
            x.CopyTo(point);
            for (var i = 0; i < x.Length; i++)
            {
                gradient[i] = Partial(f, point, i, stencil, step);
            }
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<double>.Shared.Return(rented);
            }
        }
    }

    /// <summary>Approximates the gradient of f: Rⁿ → R into a new array.</summary>
    /// <param name="f">The function.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <param name="scheme">Central (the default), forward or backward.</param>
    /// <param name="accuracy">The order of accuracy: 1 or 2 (forward, backward), 2 (the default) or 4 (central).</param>
    /// <param name="step">The step h for every coordinate; null (the default) picks <see cref="DefaultStep"/> per coordinate.</param>
    /// <returns>The estimated gradient.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    /// <exception cref="ArgumentOutOfRangeException">No such stencil, or the step is not finite and positive.</exception>
    public static double[] Gradient(
        MultivariateFunction<double> f,
        ReadOnlySpan<double> x,
        DifferenceScheme scheme = DifferenceScheme.Central,
        int accuracy = 2,
        double? step = null)
    {
        var gradient = new double[x.Length];
        Gradient(f, x, gradient, scheme, accuracy, step);
        return gradient;
    }

    private static double Estimate(Func<double, double> f, double x, Stencil stencil, double? step)
    {
        ArgumentNullException.ThrowIfNull(f);
        ThrowIfBadStep(step);
        var h = step ?? stencil.DefaultStep(x);
        var sum = 0.0;
        for (var k = 0; k < stencil.Offsets.Length; k++)
        {
            sum += stencil.Weights[k] * f(x + stencil.Offsets[k] * h);
        }

        return stencil.Scale(sum, h);
    }

    // Evaluates the stencil along coordinate i, moving point[i] and restoring it.
    private static double Partial(MultivariateFunction<double> f, Span<double> point, int i, Stencil stencil, double? step)
    {
        var xi = point[i];
        var h = step ?? stencil.DefaultStep(xi);
        var sum = 0.0;
        for (var k = 0; k < stencil.Offsets.Length; k++)
        {
            point[i] = xi + stencil.Offsets[k] * h;
            sum += stencil.Weights[k] * f(point);
        }

        point[i] = xi;
        return stencil.Scale(sum, h);
    }

    private static void ThrowIfBadStep(double? step)
    {
        if (step is { } h)
        {
            Arguments.ThrowIfNotPositiveFinite(h, nameof(step));
        }
    }

    private static void ThrowIfBadDerivativeOrder(int derivative)
    {
        if (derivative is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(
                nameof(derivative), derivative, "Expected 1 (first derivative) or 2 (second derivative).");
        }
    }
}
