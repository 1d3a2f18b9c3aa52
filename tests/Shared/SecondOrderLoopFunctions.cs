using Leibniz;

namespace Leibniz.Testing;

/// <summary>
/// [Differentiable(Order = 2)] methods with loops, arrays, spans, integer and [NoDerivative] parameters. Shared by the
/// generator's tests and the benchmarks (linked into both projects; the IDE-cost benchmark also reads it as text).
/// </summary>
public static partial class SecondOrderLoopFunctions
{
    /// <summary>The extended Rosenbrock function over a span.</summary>
    [Differentiable(Order = 2)]
    public static double Rosenbrock(ReadOnlySpan<double> x)
    {
        double sum = 0;
        for (int i = 0; i < x.Length - 1; i++)
        {
            var a = x[i + 1] - x[i] * x[i];
            var b = 1 - x[i];
            sum += 100 * a * a + b * b;
        }

        return sum;
    }

    /// <summary>A span, a scalar, an int, [NoDerivative] data and a [NoDerivative] scalar, with transcendental functions.</summary>
    [Differentiable(Order = 2)]
    public static double Mixed(ReadOnlySpan<double> x, double s, int power, [NoDerivative] double[] data, [NoDerivative] double weight)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var u = Math.Sin(s * x[i]) + data[i] * Math.Exp(-0.1 * x[i] * x[i]);
            var p = 1.0;
            for (int k = 0; k < power; k++)
            {
                p *= u;
            }

            total += p + weight * Math.Log(1 + x[i] * x[i] * s * s);
        }

        return total * s;
    }

    /// <summary>A recurrence in a while loop whose trip count depends on the inputs (a taped while loop).</summary>
    [Differentiable(Order = 2)]
    public static double Contract(double x, double a)
    {
        var y = x * x + 2;
        var path = 0.0;
        while (y > 1.1)
        {
            y = Math.Sqrt(y) * a;
            path += y * Math.Cos(x * y);
        }

        return y + path;
    }

    /// <summary>A recurrence and a running product with a branch in the body: loops and an int, no array (tuple form).</summary>
    [Differentiable(Order = 2)]
    public static double Recurrence(double x, double r, int steps)
    {
        var y = x;
        var product = 1.0;
        for (int k = 0; k < steps; k++)
        {
            y = r * Math.Sin(y) + 0.1 * y;
            if (y > 0)
            {
                product *= 1 + 0.1 * y;
            }
            else
            {
                product = product - 0.05 * y * product;
            }
        }

        return y + product;
    }

    /// <summary>continue and break in one loop over an array.</summary>
    [Differentiable(Order = 2)]
    public static double SkipAndStop(double[] x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
            {
                total -= 0.1 * x[i] * x[i] * s;
                continue;
            }

            total += Math.Tanh(x[i] * s) * x[i];
            if (total > 3)
            {
                total = Math.Log(total) * s;
                break;
            }
        }

        return total * s;
    }

    /// <summary>Nested (triangular) loops with a tape in the inner loop.</summary>
    [Differentiable(Order = 2)]
    public static double Nested(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = 1.0;
            for (int j = 0; j <= i; j++)
            {
                p *= 1 + 0.5 * Math.Sin(x[j] * x[i]);
            }

            total += p * x[i];
        }

        return total;
    }

    /// <summary>A float method over a float span.</summary>
    [Differentiable(Order = 2)]
    public static float SoftSum(ReadOnlySpan<float> x, float t)
    {
        var acc = 0f;
        foreach (var v in x)
        {
            acc += MathF.Exp(t * v);
        }

        return MathF.Log(acc) / t;
    }

    /// <summary>A loop of transcendental functions (the benchmark's second case): a logistic-regression-like loss.</summary>
    [Differentiable(Order = 2)]
    public static double Logistic(ReadOnlySpan<double> w, [NoDerivative] ReadOnlySpan<double> features)
    {
        var loss = 0.0;
        for (int i = 0; i < w.Length; i++)
        {
            var z = w[i] * features[i] + 0.1 * i;
            loss += Math.Log(1 + Math.Exp(-z)) + 0.5 * Math.Tanh(w[i]) * w[i];
        }

        return loss;
    }

    /// <summary>The table functions that Dual implements only as generic-math interface members, and the Elementary ones, in a loop.</summary>
    [Differentiable(Order = 2)]
    public static double Table(ReadOnlySpan<double> x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var u = x[i];
            total += Math.FusedMultiplyAdd(u, s, 0.5) * Math.Clamp(u * s, -0.937, 0.811) + Math.ScaleB(u * u, 3) + Math.Floor(0.37 * i) * u * s
                + Math.Sign(u) * u * u * s + Math.Max(u, 0.47 * s) * Math.Min(u * u, 2.03 + s) + Math.Abs(u) * s
                + Elementary.Softplus(u * s) + Elementary.LeakyRelu(u, 0.2) * s + Elementary.Sign(u) * s * s + Elementary.Sigmoid(u - s)
                + Math.Log(1.5 + u * u, 2.0 + s * s) + Math.Pow(1.2 + u * u, s) + Math.Round(2.71 * s) * u + Math.Truncate(1.3 * i) * Math.Cbrt(2 + u);
        }

        return total;
    }

    /// <summary><see cref="Recurrence"/> in float: the tuple form of a float method.</summary>
    [Differentiable(Order = 2)]
    public static float RecurrenceSingle(float x, float r, int steps)
    {
        var y = x;
        var product = 1f;
        for (int k = 0; k < steps; k++)
        {
            y = r * MathF.Sin(y) + 0.1f * y;
            if (y > 0)
            {
                product *= 1 + 0.1f * y;
            }
            else
            {
                product = product - 0.05f * y * product;
            }
        }

        return y + product;
    }

    /// <summary>A local array filled by a recurrence (each element reads the one before), then read in a second loop.</summary>
    [Differentiable(Order = 2)]
    public static double Smooth(ReadOnlySpan<double> x, double s)
    {
        Span<double> z = stackalloc double[x.Length];
        var previous = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            previous = Math.Tanh(s * previous + x[i]);
            z[i] = previous;
        }

        var total = 0.0;
        foreach (var v in z)
        {
            total += v * v * s;
        }

        return total;
    }

    /// <summary>Horner's rule, counting down.</summary>
    [Differentiable(Order = 2)]
    public static double Horner(ReadOnlySpan<double> c, double x)
    {
        var p = 0.0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            p = p * x + c[i];
        }

        return p * Math.Sin(p);
    }

    /// <summary>A do-while loop (tuple form).</summary>
    [Differentiable(Order = 2)]
    public static double Settle(double x, double a)
    {
        var y = x * x + 1;
        var total = 0.0;
        do
        {
            y = Math.Sqrt(y) * a + 0.01 * y;
            total += y * y;
        }
        while (y > 1.2);

        return total;
    }

    /// <summary>Parameter names that collide with the generated ones (vx, hessian, the local tsize): they get a leading _.</summary>
    [Differentiable(Order = 2)]
    public static double Awkward(ReadOnlySpan<double> x, double vx, int tsize, [NoDerivative] double hessian)
    {
        var total = 0.0;
        for (int i = 0; i < tsize; i++)
        {
            total += x[i] * x[i] * vx + hessian * Math.Sin(x[i] * vx);
        }

        return total * vx;
    }

    /// <summary>A callee for the methods below: calls are differentiated through its own Hvp, so it has Order = 2.</summary>
    [Differentiable(Order = 2)]
    public static double Bump(double u, double w) => Math.Exp(-u * u) * w + Math.Sin(u * w);

    /// <summary>A call to another [Differentiable] method inside a loop over a span.</summary>
    [Differentiable(Order = 2)]
    public static double Bumps(ReadOnlySpan<double> x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            total += Bump(x[i], s) * x[i];
        }

        return total;
    }

    /// <summary>A straight-line method with a call (its second order is the Dual program too).</summary>
    [Differentiable(Order = 2)]
    public static double CallsBump(double x, double y) => Bump(x * y, y) + x * Bump(y, 0.5);

    /// <summary>Loops inside if/else: a recurrence with a tape in one branch, an accumulator in the other.</summary>
    [Differentiable(Order = 2)]
    public static double Branchy(ReadOnlySpan<double> x, double s)
    {
        var total = 0.0;
        if (s > 0)
        {
            for (int i = 0; i < x.Length; i++)
            {
                total = total * Math.Cos(x[i]) + Math.Sin(x[i] * s);
            }
        }
        else
        {
            foreach (var v in x)
            {
                total += v * v * s;
            }
        }

        return total * s;
    }

    /// <summary>A buffer declared in the loop body (fresh and zeroed in every iteration), accumulated into with +=.</summary>
    [Differentiable(Order = 2)]
    public static double FreshBuffers(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var pair = new double[2];
            pair[0] += Math.Sin(x[i]) * x[0];
            pair[1] += x[i] * x[i];
            pair[0] += pair[1] * 0.5;
            total += pair[0] * pair[1] + Math.Exp(-pair[0] * pair[0]);
        }

        return total;
    }

    /// <summary>Loops in the branches of an if inside a loop: a taped recurrence and a while loop.</summary>
    [Differentiable(Order = 2)]
    public static double Gated(ReadOnlySpan<double> x)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = x[i];

            // At a value the tests' random inputs do not hit (they favour 0, ±1, 0.3, …), where central differences
            // would straddle the branch.
            if (p > 0.2917)
            {
                for (int j = 0; j < 3; j++)
                {
                    p = p * 0.5 + Math.Sin(p * x[0]);
                }
            }
            else
            {
                while (p < 1)
                {
                    p = p * p + 0.6 + x[0] * x[0];
                }
            }

            total += p * p;
        }

        return total;
    }
}
