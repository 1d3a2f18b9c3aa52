namespace Leibniz.Generator.Tests.Runtime;

/// <summary>A model object: fields and properties are constants of its [Differentiable] instance methods.</summary>
public sealed partial class Oscillator(double mass, double stiffness, double[] harmonics)
{
    private readonly double _mass = mass;

    private readonly double[] _harmonics = harmonics;

    /// <summary>The spring constant.</summary>
    public double Stiffness { get; } = stiffness;

    /// <summary>Kinetic plus potential energy, with anharmonic terms from an array field.</summary>
    [Differentiable]
    public double Energy(double x, double v)
    {
        var potential = 0.5 * Stiffness * x * x;
        var power = x * x;
        for (int i = 0; i < _harmonics.Length; i++)
        {
            power *= x;
            potential += _harmonics[i] * power;
        }

        return 0.5 * _mass * v * v + potential;
    }

    /// <summary>Calls another instance method of the same object.</summary>
    [Differentiable]
    public double Action(double x, double v, double t) => t * (Energy(x, v) - 2 * this.Stiffness * Math.Sin(x));
}

/// <summary>A record struct whose properties are the constants of its [Differentiable] instance method.</summary>
public readonly partial record struct Line(double Slope, double Intercept)
{
    /// <summary>The squared error of the line at (x, y), differentiated with respect to x and y.</summary>
    [Differentiable]
    public double SquaredError(double x, double y)
    {
        var r = Slope * x + Intercept - y;
        return r * r;
    }

    /// <summary>A span method of a struct: the mean squared distance of the points to the line.</summary>
    [Differentiable]
    public double Spread(ReadOnlySpan<double> xs, [NoDerivative] ReadOnlySpan<double> ys)
    {
        var s = 0.0;
        for (int i = 0; i < xs.Length; i++)
        {
            s += SquaredError(xs[i], ys[i]);
        }

        return s / xs.Length;
    }
}

/// <summary>A polynomial model whose degree is an int property: a loop bound read as a constant.</summary>
public sealed partial class Polynomial(double[] coefficients)
{
    private readonly double[] _coefficients = coefficients;

    /// <summary>The degree: the index of the last coefficient.</summary>
    public int Degree => _coefficients.Length - 1;

    /// <summary>The polynomial at x, scaled by s, by Horner's rule over the degree.</summary>
    [Differentiable]
    public double At(double x, double s)
    {
        var p = 0.0;
        for (int k = Degree; k >= 0; k--)
        {
            p = p * x + _coefficients[k];
        }

        return s * p;
    }

    /// <summary>A second-order instance method: the Hessian is an instance method too.</summary>
    [Differentiable(Order = 2)]
    public double Bowl(double x, double y) => _coefficients[0] * x * x * y + Math.Sin(x * y);
}
