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
}
