using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// [Differentiable] methods written the way people write numeric code: generic-math conversions of counters,
/// constant tables, local functions, switch expressions and statements, and float casts of double math.
/// </summary>
public static partial class NaturalFormFunctions
{
    /// <summary>Five-point Gauss–Legendre nodes on [−1, 1].</summary>
    private static readonly double[] Nodes = [-0.9061798459386640, -0.5384693101056831, 0, 0.5384693101056831, 0.9061798459386640];

    /// <summary>Their weights, as a span over constant data.</summary>
    private static ReadOnlySpan<double> Weights => [0.2369268850561891, 0.4786286704993665, 0.5688888888888889, 0.4786286704993665, 0.2369268850561891];

    /// <summary>Taylor coefficients of log(1 + x), written as an array initialiser.</summary>
    private static ReadOnlySpan<double> LogSeries => new double[] { 0, 1, -1.0 / 2, 1.0 / 3, -1.0 / 4, 1.0 / 5 };

    private static readonly float[] FloatWeights = [0.25f, 0.5f, 0.25f];

    /// <summary>∫ₐᵇ exp(−t²) dt by five-point Gauss–Legendre quadrature over constant tables.</summary>
    [Differentiable]
    public static double GaussIntegral(double a, double b)
    {
        var sum = 0.0;
        for (int i = 0; i < Nodes.Length; i++)
        {
            sum += Weights[i] * Integrand(0.5 * (a + b) + 0.5 * (b - a) * Nodes[i]);
        }

        return 0.5 * (b - a) * sum;

        static double Integrand(double t) => Math.Exp(-t * t);
    }

    /// <summary>A scale read through a static property and a field of a static field.</summary>
    private static double Scale => 2.5;

    private static readonly Settings Defaults = new(0.75);

    /// <summary>Settings read as constants through a member chain.</summary>
    private sealed record Settings(double Rate);

    /// <summary>A constant table passed whole to a callee's [NoDerivative] span parameter, with members read as constants.</summary>
    [Differentiable]
    public static double TableCall(double x) => Scale * Defaults.Rate * Weighted(Nodes, x);

    /// <summary>The callee: a weighted polynomial in x over data it does not differentiate.</summary>
    [Differentiable]
    public static double Weighted([NoDerivative] ReadOnlySpan<double> c, double x)
    {
        var s = 0.0;
        var p = 1.0;
        foreach (var v in c)
        {
            s += v * p;
            p *= x;
        }

        return s;
    }

    /// <summary>A switch statement inside a local function inside a branch.</summary>
    [Differentiable]
    public static double Tiered(double x, int tier)
    {
        if (x > 0)
        {
            return Rate(x) * x;
        }

        return x;

        double Rate(double v)
        {
            switch (tier)
            {
                case < 1:
                    return 0.1 * v;
                case var t when t > 3:
                    return Math.Sqrt(v);
                default:
                    return 0.2 + 0.01 * v * v;
            }
        }
    }

    /// <summary>A truncated series from a coefficient table, by Horner's rule counting down.</summary>
    [Differentiable]
    public static double Log1pSeries(double x)
    {
        var p = 0.0;
        for (int k = LogSeries.Length - 1; k >= 0; k--)
        {
            p = p * x + LogSeries[k];
        }

        return p;
    }

    /// <summary>A weighted smoothing of a signal by a constant stencil, foreach over the table.</summary>
    [Differentiable]
    public static float Smooth(ReadOnlySpan<float> x)
    {
        var total = 0f;
        for (int i = 0; i <= x.Length - FloatWeights.Length; i++)
        {
            for (int j = 0; j < FloatWeights.Length; j++)
            {
                total += FloatWeights[j] * x[i + j] * x[i + j];
            }
        }

        var norm = 0f;
        foreach (var w in FloatWeights)
        {
            norm += w;
        }

        return total / norm;
    }

    /// <summary>A Fourier-like sum: counters converted with T.CreateChecked, T.Pi and T.E as constants.</summary>
    [Differentiable]
    public static T Harmonics<T>(ReadOnlySpan<T> x, int terms) where T : IFloatingPointIeee754<T>
    {
        var sum = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            var k = T.CreateChecked(i + 1);
            sum += T.Sin(k * T.Pi * x[i]) / k;
        }

        var n = T.CreateTruncating(terms);
        return sum / n + T.E * T.One;
    }

    /// <summary>A damped sum whose weights come from an int loop counter and an int local.</summary>
    [Differentiable]
    public static T Damped<T>(T x, int n) where T : IFloatingPointIeee754<T>
    {
        var s = T.Zero;
        for (int k = 1; k <= n; k++)
        {
            var square = k * k;
            s += T.Exp(-T.CreateSaturating(k) * x) / T.CreateChecked(square);
        }

        return s + T.CreateChecked(0.5) * x;
    }

    /// <summary>A static local function and one that reads a parameter of the method.</summary>
    [Differentiable]
    public static double Pendulum(double theta, double omega, double g)
    {
        return Kinetic(omega) + Potential(theta);

        static double Kinetic(double w) => 0.5 * w * w;

        double Potential(double t) => g * (1 - Math.Cos(t));
    }

    /// <summary>A local function with an early return, called in a loop.</summary>
    [Differentiable]
    public static double SmoothL1(ReadOnlySpan<double> r, double beta)
    {
        var total = 0.0;
        for (int i = 0; i < r.Length; i++)
        {
            total += Loss(r[i]);
        }

        return total / r.Length;

        double Loss(double v)
        {
            var a = Math.Abs(v);
            if (a < beta)
            {
                return 0.5 * v * v / beta;
            }

            return a - 0.5 * beta;
        }
    }

    /// <summary>Local functions calling each other, with an int and an array argument.</summary>
    [Differentiable]
    public static double Energy(ReadOnlySpan<double> q, double k)
    {
        return Spring(q, 0) + Spring(q, q.Length - 1) + k * Bonds(q);

        static double Spring(ReadOnlySpan<double> x, int i) => Square(x[i]);

        static double Square(double v) => v * v;

        static double Bonds(ReadOnlySpan<double> x)
        {
            var s = 0.0;
            for (int i = 0; i < x.Length - 1; i++)
            {
                s += Square(x[i + 1] - x[i]);
            }

            return s;
        }
    }

    /// <summary>A piecewise function as a switch expression with relational and and-patterns.</summary>
    [Differentiable]
    public static double Piecewise(double x) => x switch
    {
        < -1 => -Math.Log(-x) - 1,
        >= -1 and < 1 => x * x * x / 3 - 2.0 / 3,
        _ => Math.Sqrt(x) - 1,
    };

    /// <summary>A switch expression with a var pattern, a when guard, an or-pattern and a constant.</summary>
    [Differentiable]
    public static double Guarded(double x, double y) => x switch
    {
        0 => y,
        var v when v > y => v * y,
        < -2 or > 5 => Math.Exp(0.1 * x),
        _ => x - y,
    };

    /// <summary>A switch statement on an int that returns from every section.</summary>
    [Differentiable]
    public static double Activation(double x, int kind)
    {
        switch (kind)
        {
            case 0:
                return Math.Tanh(x);
            case 1:
                return Elementary.Sigmoid(x);
            case 2 or 3:
                return Elementary.Softplus(x);
            default:
                return x;
        }
    }

    /// <summary>A local function used as a condition, in a loop.</summary>
    [Differentiable]
    public static double InsideBand(ReadOnlySpan<double> x, double width)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            if (Inside(v))
            {
                s += v * v * width;
            }
            else
            {
                s += Math.Abs(v);
            }
        }

        return s;

        bool Inside(double v) => v > -width && v < width;
    }

    /// <summary>A top-level switch statement that assigns two locals, with code after it.</summary>
    [Differentiable]
    public static double Banded(double x, int band)
    {
        var scale = 1.0;
        var shift = 0.0;
        switch (band)
        {
            case 0:
                scale = 2;
                break;
            case 1 or 2:
                scale = x;
                shift = Math.Sin(x);
                break;
            case >= 3:
                shift = -x * x;
                break;
        }

        return scale * Math.Exp(0.5 * x) + shift;
    }

    /// <summary>A switch statement in a loop that picks a Simpson weight with break, on the loop counter.</summary>
    [Differentiable]
    public static double Simpson(ReadOnlySpan<double> u, double h)
    {
        var s = 0.0;
        for (int i = 0; i < u.Length; i++)
        {
            double w;
            switch (i)
            {
                case 0:
                    w = 1;
                    break;
                case var last when last == u.Length - 1:
                    w = 1;
                    break;
                default:
                    switch (i % 2)
                    {
                        case 1:
                            w = 4;
                            break;
                        default:
                            w = 2;
                            break;
                    }

                    break;
            }

            s += w * Math.Sin(u[i]);
        }

        return s * h / 3;
    }

    /// <summary>A switch statement on a number that assigns, then code after it; a section continues the loop.</summary>
    [Differentiable]
    public static double Clipped(ReadOnlySpan<double> x, double limit)
    {
        var s = 0.0;
        foreach (var v in x)
        {
            var c = v;
            switch (v)
            {
                case > 3:
                    continue;
                case < 0:
                    c = -v * limit;
                    break;
            }

            s += c * c;
        }

        return s;
    }

    /// <summary>xᵀAx over a row-major matrix, indexed through a local function that computes the index.</summary>
    [Differentiable]
    public static double Quadratic([NoDerivative] ReadOnlySpan<double> a, ReadOnlySpan<double> x)
    {
        var n = x.Length;
        var s = 0.0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                s += x[i] * a[At(i, j)] * x[j];
            }
        }

        return s;

        int At(int row, int column) => row * n + column;
    }

    /// <summary>(float)Math.Sqrt(…) in a float method.</summary>
    [Differentiable]
    public static float Distance(float x, float y) => (float)Math.Sqrt(x * x + y * y);

    /// <summary>Double arithmetic under a cast, mixed with float arithmetic.</summary>
    [Differentiable]
    public static float Blend(float a, float b)
    {
        var t = (float)(0.25 * Math.Exp(a) + Math.Pow(b, 2));
        return t * b + (float)Math.PI * a;
    }
}
