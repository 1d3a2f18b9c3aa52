namespace Leibniz;

// Convenience entry point: the gradient of f: Rⁿ → R in one forward and one reverse pass.
public sealed partial class Tape
{
    private Var[] _inputs = [];

    /// <summary>
    /// Clears the tape, records <paramref name="x"/> as inputs, evaluates <paramref name="f"/> and runs one
    /// reverse sweep: the value and the whole gradient of f: Rⁿ → R for the cost of about two evaluations.
    /// </summary>
    /// <param name="f">The function, written on <see cref="Var"/>.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <param name="gradient">Receives ∂f/∂x[i]; its length must equal that of <paramref name="x"/>.</param>
    /// <returns>f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty, or the lengths differ.</exception>
    public double Gradient(MultivariateFunction<Var> f, ReadOnlySpan<double> x, Span<double> gradient)
    {
        ArgumentNullException.ThrowIfNull(f);
        Arguments.ThrowIfEmpty(x, nameof(x));
        Arguments.ThrowIfLengthDiffers(gradient.Length, x.Length, nameof(gradient));
        Clear();
        if (_inputs.Length < x.Length)
        {
            _inputs = new Var[x.Length];
        }

        var inputs = _inputs.AsSpan(0, x.Length);
        Variables(x, inputs);
        var y = f(inputs);
        if (y.IsConstant)
        {
            gradient.Clear();
            return y.Value;
        }

        Backward(y);
        for (var i = 0; i < inputs.Length; i++)
        {
            gradient[i] = inputs[i].Gradient;
        }

        return y.Value;
    }

    /// <summary>The value and the gradient of f: Rⁿ → R at <paramref name="x"/>, into a new array (see the span overload).</summary>
    /// <param name="f">The function, written on <see cref="Var"/>.</param>
    /// <param name="x">The point (n ≥ 1 coordinates).</param>
    /// <returns>f(x) and ∇f(x).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="f"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="x"/> is empty.</exception>
    public (double Value, double[] Gradient) Gradient(MultivariateFunction<Var> f, ReadOnlySpan<double> x)
    {
        var gradient = new double[x.Length];
        var value = Gradient(f, x, gradient);
        return (value, gradient);
    }
}
