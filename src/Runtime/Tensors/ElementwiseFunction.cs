namespace Leibniz;

/// <summary>
/// A scalar function with its derivative, applied element-wise by <see cref="Tensor.Apply"/> — the way to use
/// a hand-written or generated (<c>[Differentiable]</c>) function as an activation.
/// </summary>
/// <example>
/// <code>
/// // Swish by hand:
/// var swish = new ElementwiseFunction(x => x / (1 + Math.Exp(-x)),
///     x => { var s = 1 / (1 + Math.Exp(-x)); return s + x * s * (1 - s); });
/// // or from a generated gradient method: (double Value, double dx) SwishGradient(double x)
/// var generated = new ElementwiseFunction(Functions.SwishGradient);
/// </code>
/// </example>
public sealed class ElementwiseFunction
{
    private readonly Func<double, double>? _function;
    private readonly Func<double, double>? _derivative;
    private readonly Func<double, (double Value, double Derivative)>? _valueAndDerivative;

    /// <summary>A function given by separate value and derivative delegates.</summary>
    /// <param name="function">f(x).</param>
    /// <param name="derivative">f′(x).</param>
    /// <param name="name">A name for diagnostics.</param>
    public ElementwiseFunction(Func<double, double> function, Func<double, double> derivative, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(derivative);
        _function = function;
        _derivative = derivative;
        Name = name;
    }

    /// <summary>
    /// A function given by one delegate returning the value and the derivative together — the shape of the
    /// generator's <c>{Name}Gradient(double x)</c> methods.
    /// </summary>
    /// <param name="valueAndDerivative">x ↦ (f(x), f′(x)).</param>
    /// <param name="name">A name for diagnostics.</param>
    public ElementwiseFunction(Func<double, (double Value, double Derivative)> valueAndDerivative, string name = "custom")
    {
        ArgumentNullException.ThrowIfNull(valueAndDerivative);
        _valueAndDerivative = valueAndDerivative;
        Name = name;
    }

    /// <summary>The name given at construction.</summary>
    public string Name { get; }

    /// <summary>f(x).</summary>
    /// <param name="x">The argument.</param>
    public double Value(double x) => _function is not null ? _function(x) : _valueAndDerivative!(x).Value;

    /// <summary>f′(x).</summary>
    /// <param name="x">The argument.</param>
    public double Derivative(double x) => _derivative is not null ? _derivative(x) : _valueAndDerivative!(x).Derivative;
}
