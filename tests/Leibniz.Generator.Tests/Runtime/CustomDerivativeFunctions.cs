namespace Leibniz.Generator.Tests.Runtime;

/// <summary>A function the generator cannot see into (an iterative solver), given a hand-written derivative.</summary>
public static partial class CustomDerivativeFunctions
{
    /// <summary>The Lambert W function (principal branch, x ≥ 0) by Newton's method.</summary>
    public static double LambertW(double x)
    {
        var w = Math.Log(1 + x);
        for (var i = 0; i < 60; i++)
        {
            var e = Math.Exp(w);
            w -= (w * e - x) / (e * (w + 1));
        }

        return w;
    }

    /// <summary>W′(x) = 1 / (e^W (1 + W)).</summary>
    [DerivativeOf(nameof(LambertW))]
    public static (double Value, double dx) LambertWDerivative(double x)
    {
        var w = LambertW(x);
        return (w, 1 / (Math.Exp(w) * (1 + w)));
    }

    [Differentiable]
    public static double UsesLambertW(double x, double y) => LambertW(x * x + y) * Math.Sin(y);

    /// <summary>W′ and W″ = −W′²(2 + W)/(1 + W), for Order = 2 callers.</summary>
    [DerivativeOf(nameof(LambertW))]
    public static (double Value, double dx, double dxdx) LambertWSecond(double x)
    {
        var w = LambertW(x);
        var slope = 1 / (Math.Exp(w) * (1 + w));
        return (w, slope, -slope * slope * (2 + w) / (1 + w));
    }

    /// <summary>x·e^y by a series the generator does not look into: a library call, as far as it knows.</summary>
    public static double Opaque(double x, double y)
    {
        double term = 1, sum = 1;
        for (var k = 1; k < 40; k++)
        {
            term *= y / k;
            sum += term;
        }

        return x * sum;
    }

    /// <summary>Only a second-order derivative: first-order callers use its leading elements.</summary>
    [DerivativeOf(nameof(Opaque))]
    public static (double Value, double dx, double dy, double dxdx, double dxdy, double dydy) OpaqueSecond(double x, double y)
    {
        var e = Math.Exp(y);
        return (x * e, e, x * e, 0, e, x * e);
    }

    [Differentiable(Order = 2)]
    public static double UsesBoth(double x, double y) => Opaque(x * y, Math.Sin(x)) + LambertW(x * x + y) * y;
}
