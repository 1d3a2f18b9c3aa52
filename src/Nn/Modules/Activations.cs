namespace Leibniz.Nn;

/// <summary>max(x, 0) element-wise (PyTorch's <c>nn.ReLU</c>).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Relu();
}

/// <summary>The logistic function 1 / (1 + e⁻ˣ) element-wise (PyTorch's <c>nn.Sigmoid</c>).</summary>
public sealed class Sigmoid : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sigmoid();
}

/// <summary>tanh element-wise (PyTorch's <c>nn.Tanh</c>).</summary>
public sealed class Tanh : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Tanh();
}

/// <summary>x for x &gt; 0, slope·x otherwise (PyTorch's <c>nn.LeakyReLU</c>).</summary>
/// <param name="negativeSlope">The slope for negative inputs.</param>
public sealed class LeakyReLU(double negativeSlope = 0.01) : Module
{
    /// <summary>The slope for negative inputs.</summary>
    public double NegativeSlope { get; } = negativeSlope;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.LeakyRelu(NegativeSlope);
}

/// <summary>log(1 + e^(βx))/β, linear above the threshold (PyTorch's <c>nn.Softplus</c>).</summary>
/// <param name="beta">β.</param>
/// <param name="threshold">Above β·x &gt; threshold the output is x.</param>
public sealed class Softplus(double beta = 1.0, double threshold = 20.0) : Module
{
    /// <summary>β.</summary>
    public double Beta { get; } = beta;

    /// <summary>The linearization threshold.</summary>
    public double Threshold { get; } = threshold;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Softplus(Beta, Threshold);
}

/// <summary>x for x &gt; 0, α(eˣ − 1) otherwise (PyTorch's <c>nn.ELU</c>).</summary>
/// <param name="alpha">α.</param>
public sealed class ELU(double alpha = 1.0) : Module
{
    /// <summary>α.</summary>
    public double Alpha { get; } = alpha;

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Elu(Alpha);
}

/// <summary>x·σ(x), also called swish (PyTorch's <c>nn.SiLU</c>).</summary>
public sealed class SiLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Silu();
}

/// <summary>The Heaviside step, 1 for x ≥ 0 and 0 otherwise, as in the lecture's perceptron; its gradient is zero.</summary>
public sealed class Heaviside : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Heaviside();
}

/// <summary>The sign function (−1, 0, +1), the lecture's sgn; its gradient is zero.</summary>
public sealed class Sign : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Sign();
}

/// <summary>
/// Any scalar function with its derivative as an activation: <c>new Activation(f, df)</c>, or
/// <c>new Activation(Functions.SwishGradient)</c> with a generated <c>(double Value, double dx) XGradient(double x)</c>.
/// </summary>
public sealed class Activation : Module
{
    /// <summary>Wraps an element-wise function.</summary>
    /// <param name="function">The function and its derivative.</param>
    public Activation(ElementwiseFunction function)
    {
        ArgumentNullException.ThrowIfNull(function);
        Function = function;
    }

    /// <summary>An activation from a value delegate and a derivative delegate.</summary>
    /// <param name="function">f(x).</param>
    /// <param name="derivative">f′(x).</param>
    /// <param name="name">A name for diagnostics.</param>
    public Activation(Func<double, double> function, Func<double, double> derivative, string name = "custom")
        : this(new ElementwiseFunction(function, derivative, name))
    {
    }

    /// <summary>An activation from one delegate returning value and derivative (a generated <c>XGradient</c> method).</summary>
    /// <param name="valueAndDerivative">x ↦ (f(x), f′(x)).</param>
    /// <param name="name">A name for diagnostics.</param>
    public Activation(Func<double, (double Value, double Derivative)> valueAndDerivative, string name = "custom")
        : this(new ElementwiseFunction(valueAndDerivative, name))
    {
    }

    /// <summary>The function applied element-wise.</summary>
    public ElementwiseFunction Function { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => input.Apply(Function);
}
