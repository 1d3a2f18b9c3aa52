using Leibniz;

namespace Leibniz.Samples.CustomFunctions;

/// <summary>Functions a user might write: each is plain C#; the generator adds its derivatives.</summary>
public static partial class MyFunctions
{
    /// <summary>The normal density: locals, a compound assignment, three parameters.</summary>
    [Differentiable]
    public static double Gaussian(double x, double mu, double sigma)
    {
        var z = (x - mu) / sigma;
        var density = Math.Exp(-0.5 * z * z);
        density /= sigma * Math.Sqrt(2 * Math.PI);
        return density;
    }

    /// <summary>The Huber loss: a branch, which becomes a real if/else in the derivative code.</summary>
    [Differentiable]
    public static double Huber(double r, double delta)
    {
        if (Math.Abs(r) <= delta)
        {
            return 0.5 * r * r;
        }

        return delta * (Math.Abs(r) - 0.5 * delta);
    }

    /// <summary>The logistic sigmoid.</summary>
    [Differentiable]
    public static double Logistic(double x) => 1 / (1 + Math.Exp(-x));

    /// <summary>Swish (SiLU): a call to another [Differentiable] method, differentiated through the chain rule.</summary>
    [Differentiable]
    public static double Swish(double x) => x * Logistic(x);

    /// <summary>Softplus in single precision: float in, float out, MathF inside.</summary>
    [Differentiable]
    public static float Softplus(float x) => MathF.Log(1 + MathF.Exp(x));

    /// <summary>Functions of the derivative table that System.Math lacks come from <see cref="Elementary"/>.</summary>
    [Differentiable]
    public static double Bell(double x, double y) => Elementary.Sech(x) * Elementary.Sech(y) + Math.Atan2(y, 1 + x * x);
}
