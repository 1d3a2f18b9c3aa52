namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable] methods with loops, arrays, spans, integer and [NoDerivative] parameters.</summary>
public static partial class LoopFunctions
{
    /// <summary>The extended Rosenbrock function in n dimensions, as a loop over a span.</summary>
    [Differentiable]
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

    /// <summary>A scaled sum of squares over an array: mixes an array with a scalar (the signature).</summary>
    [Differentiable]
    public static double ScaledNorm(double[] x, double s)
    {
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            total += Math.Sin(s * x[i]) * x[i];
        }

        return s * total;
    }

    /// <summary>A running product and a recurrence x_{k+1} = f(x_k) carried together, with a branch in the body.</summary>
    [Differentiable]
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

    /// <summary>Two carried values that swap (a Fibonacci-like recurrence).</summary>
    [Differentiable]
    public static double Swap(double a, double b, int n)
    {
        for (int i = 0; i <= n; i++)
        {
            var next = a + 0.5 * b * Math.Cos(a);
            a = b;
            b = next;
        }

        return a * b;
    }

    /// <summary>Nested loops: a quadratic form xᵀAx with A given as [NoDerivative] data, plus an index-weighted term.</summary>
    [Differentiable]
    public static double QuadraticForm(ReadOnlySpan<double> x, [NoDerivative] ReadOnlySpan<double> a, [NoDerivative] double weight)
    {
        var n = x.Length;
        var q = 0.0;
        for (int i = 0; i < n; i++)
        {
            var row = 0.0;
            for (int j = 0; j < n; j++)
            {
                row += a[i * n + j] * x[j];
            }

            q += x[i] * row + weight * i * x[i] * x[i];
        }

        return q;
    }

    /// <summary>A float version over a float span.</summary>
    [Differentiable]
    public static float SoftSum(ReadOnlySpan<float> x, float t)
    {
        var acc = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            acc += MathF.Exp(t * x[i]);
        }

        return MathF.Log(acc) / t;
    }

    /// <summary>foreach over an array: the gradient of log-sum-exp is the softmax.</summary>
    [Differentiable]
    public static double LogSumExp(double[] x)
    {
        var sum = 0.0;
        foreach (var v in x)
        {
            sum += Math.Exp(v);
        }

        return Math.Log(sum);
    }

    /// <summary>A while loop whose trip count depends on the inputs (a few steps).</summary>
    [Differentiable]
    public static double Contract(double x, double a)
    {
        var y = x * x + 2;
        var path = 0.0;
        while (y > 1.1)
        {
            y = Math.Sqrt(y) * a;
            path += y;
        }

        return y + path;
    }

    /// <summary>A while loop of thousands of iterations (its tape grows past the stack buffer).</summary>
    [Differentiable]
    public static double Decay(double x, double a)
    {
        var y = 1 + x * x;
        var total = 0.0;
        while (y > 0.01)
        {
            y *= a;
            total += Math.Sin(y) * y;
        }

        return total;
    }

    /// <summary>continue inside a loop: the rest of the body runs only for non-negative elements.</summary>
    [Differentiable]
    public static double SkipNegatives(double[] x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] < 0)
            {
                total -= 0.1 * x[i] * s;
                continue;
            }

            total += Math.Sqrt(x[i]) * s * s;
        }

        return total;
    }

    /// <summary>break: accumulate until the running sum passes 1, then transform it once and stop.</summary>
    [Differentiable]
    public static double UntilExceeded(ReadOnlySpan<double> x, double scale)
    {
        var sum = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            sum += x[i] * x[i] * scale;
            if (sum > 1)
            {
                sum = Math.Log(sum) + Math.Sin(sum);
                break;
            }
        }

        return sum * scale;
    }

    /// <summary>An early return inside a loop: the first element whose running product passes a threshold decides.</summary>
    [Differentiable]
    public static double FirstPast(ReadOnlySpan<double> x, double threshold)
    {
        var product = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            product *= 1 + x[i] * x[i];
            if (product > threshold)
            {
                return Math.Log(product) * x[i];
            }
        }

        return product - threshold;
    }

    /// <summary>
    /// Three nested levels with recurrences (their reverse passes need the carried values): the inner loops keep
    /// their records on the method's stacks, which grow past their first 256 values.
    /// </summary>
    [Differentiable]
    public static double NestedRecurrences(ReadOnlySpan<double> x, double a, int inner)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = x[i];
            for (int j = 0; j < inner; j++)
            {
                var q = p * a;
                for (int k = 0; k <= j % 3; k++)
                {
                    q = Math.Sin(q) * p + 0.25 * x[(i + k) % x.Length];
                }

                p = 0.5 * p + q * a;
            }

            total = total * 0.9 + p * x[i];
        }

        return total;
    }
}
