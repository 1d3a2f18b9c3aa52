using System.Buffers;

namespace Leibniz;

// Convenience entry points: the derivative of f: R → R in one pass, the gradient of f: Rⁿ → R in n passes.
public readonly partial struct Dual
{
    private const int StackLimit = 32;

    /// <summary>The value and the derivative of <paramref name="f"/> at <paramref name="x"/>, in one forward pass.</summary>
    /// <param name="f">The function, written on <see cref="Dual"/>.</param>
    /// <param name="x">The point.</param>
    /// <returns>f(x) and f'(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    public static (double Value, double Derivative) Derivative(Func<Dual, Dual> f, double x)
    {
        ArgumentNullException.ThrowIfNull(f);
        var y = f(Variable(x));
        return (y.Value, y.Tangent);
    }

    /// <summary>
    /// The value and the gradient of <paramref name="f"/>: Rⁿ → R at <paramref name="x"/>, by n forward passes
    /// (pass i seeds the tangent of x[i] with 1). Prefer a <see cref="Tape"/> when n is large.
    /// </summary>
    /// <param name="f">The function, written on <see cref="Dual"/>.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <param name="gradient">Receives ∂f/∂x[i]; its length must equal that of <paramref name="x"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, or the lengths differ.</exception>
    public static double Gradient(MultivariateFunction<Dual> f, ReadOnlySpan<double> x, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(f);
        Arguments.ThrowIfEmpty(x, nameof(x));
        Arguments.ThrowIfLengthDiffers(gradient.Length, x.Length, nameof(gradient));
        Dual[]? rented = null;
        var point = x.Length <= StackLimit
            ? stackalloc Dual[StackLimit]
            : rented = ArrayPool<Dual>.Shared.Rent(x.Length);
        point = point[..x.Length];
        try
        {
            for (var i = 0; i < x.Length; i++)
            {
                point[i] = x[i];
            }

            var value = 0.0;
            for (var i = 0; i < x.Length; i++)
            {
                point[i] = Variable(x[i]);
                var y = f(point);
                point[i] = x[i];
                value = y.Value;
                gradient[i] = y.Tangent;
            }

            return value;
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<Dual>.Shared.Return(rented);
            }
        }
    }

    /// <summary>The value and the gradient of <paramref name="f"/>: Rⁿ → R at <paramref name="x"/>, by n forward passes.</summary>
    /// <param name="f">The function, written on <see cref="Dual"/>.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <returns>f(x) and a new array with ∇f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    public static (double Value, double[] Gradient) Gradient(MultivariateFunction<Dual> f, ReadOnlySpan<double> x)
    {
        var gradient = new double[x.Length];
        var value = Gradient(f, x, gradient);
        return (value, gradient);
    }
}
