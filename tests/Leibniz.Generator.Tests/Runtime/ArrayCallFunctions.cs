namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable] methods that pass arrays and spans to other [Differentiable] methods.</summary>
public static partial class ArrayCallFunctions
{
    [Differentiable]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    [Differentiable]
    public static double SquaredNorm(ReadOnlySpan<double> a) => Dot(a, a);

    /// <summary>A polynomial in x with coefficients w (Horner's rule, a taped recurrence), plus a bias.</summary>
    [Differentiable]
    public static double Predict(ReadOnlySpan<double> w, double bias, double x)
    {
        var p = 0.0;
        for (int k = w.Length - 1; k >= 0; k--)
        {
            p = p * x + w[k];
        }

        return p + bias;
    }

    /// <summary>Least squares with a ridge penalty: the motivating example of the documentation.</summary>
    [Differentiable]
    public static double Loss(ReadOnlySpan<double> w, double bias, [NoDerivative] double[] x, [NoDerivative] double[] y, int n)
    {
        var sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            var r = Predict(w, bias, x[i]) - y[i];
            sum += r * r;
        }

        return sum / n + 0.01 * SquaredNorm(w);
    }

    /// <summary>Σ tanh(w[k]·t)/(k+1): a span callee with a scalar the caller differentiates.</summary>
    [Differentiable]
    public static double Response(ReadOnlySpan<double> w, double t)
    {
        var s = 0.0;
        for (int k = 0; k < w.Length; k++)
        {
            s += Math.Tanh(w[k] * t) / (k + 1);
        }

        return s;
    }

    /// <summary>A recurrence whose reverse pass recomputes every iteration (and so calls Response's gradient in it).</summary>
    [Differentiable]
    public static double Recurrence(double[] w, double y0, int steps)
    {
        var y = y0;
        for (int i = 0; i < steps; i++)
        {
            y = Math.Sin(y) + 0.5 * Response(w, y);
        }

        return y * y;
    }

    /// <summary>A local array passed to a callee, twice in one call and next to a parameter in another.</summary>
    [Differentiable]
    public static double CentredEnergy(ReadOnlySpan<double> x, double s)
    {
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        Span<double> c = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            c[i] = s * (x[i] - mean);
        }

        return SquaredNorm(c) + Math.Sin(Dot(c, x));
    }

    /// <summary>A [NoDerivative] array passed to a differentiated parameter, and to a [NoDerivative] one.</summary>
    [Differentiable]
    public static double AgainstData(double[] w, [NoDerivative] double[] data, double s) => Dot(w, data) * Scaled(data, w, s);

    /// <summary>A callee whose first span is data.</summary>
    [Differentiable]
    public static double Scaled([NoDerivative] ReadOnlySpan<double> data, ReadOnlySpan<double> w, double s)
    {
        var t = 0.0;
        for (int i = 0; i < w.Length; i++)
        {
            t += Math.Exp(s * data[i]) * w[i];
        }

        return t;
    }

    /// <summary>Calls in both sides of a branch (with an early return), and one callee from two sites.</summary>
    [Differentiable]
    public static double Branches(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double s)
    {
        if (s > 0)
        {
            return s * Dot(a, b) + SquaredNorm(b);
        }

        var d = Dot(b, a);
        return Math.Exp(s) * d * d;
    }

    /// <summary>A call inside a branch inside a loop, with an int argument.</summary>
    [Differentiable]
    public static double Prefixes(ReadOnlySpan<double> a, double s, int m)
    {
        var total = 0.0;
        for (int k = 1; k <= m; k++)
        {
            if (total < 10)
            {
                total = total * s + PrefixDot(a, a, k);
            }
        }

        return total;
    }

    /// <summary>The dot product of the first n elements.</summary>
    [Differentiable]
    public static double PrefixDot(ReadOnlySpan<double> a, ReadOnlySpan<double> b, int n)
    {
        var s = 0.0;
        for (int i = 0; i < n; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>A scalar method calling one with a [NoDerivative] scalar parameter.</summary>
    [Differentiable]
    public static double UsesShift(double x, double y) => Shift(x * y, 2.5) + Shift(y, x);

    [Differentiable]
    public static double Shift(double x, [NoDerivative] double c) => (x - c) * (x - c) * Math.Exp(-0.1 * c);

    [Differentiable]
    public static float DotF(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        var s = 0f;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>Float: a local array and a parameter passed to a callee.</summary>
    [Differentiable]
    public static float CentredEnergyF(float[] x, float s)
    {
        Span<float> c = stackalloc float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            c[i] = MathF.Sin(s * x[i]);
        }

        return DotF(c, c) + s * DotF(c, x);
    }

    /// <summary>A call in an accumulator loop whose seed is a constant: the loop is reversed as it runs.</summary>
    [Differentiable]
    public static double SumOfPredictions(ReadOnlySpan<double> w, [NoDerivative] double[] x)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            s += Predict(w, 0.5, x[i]);
        }

        return s;
    }

    /// <summary>Calls in nested loops (the inner one taped), a while loop and a per-row buffer refilled in every iteration.</summary>
    [Differentiable]
    public static double Nested(ReadOnlySpan<double> w, double t, int rows)
    {
        Span<double> row = stackalloc double[w.Length];
        var total = 0.0;
        for (int r = 0; r < rows; r++)
        {
            for (int k = 0; k < w.Length; k++)
            {
                row[k] = Math.Sin(w[k] * (r + 1) + t);
            }

            var inner = t;
            for (int j = 0; j < 3; j++)
            {
                inner = Math.Tanh(inner + Response(w, inner) * 0.3);
            }

            total += Dot(row, w) * inner;
        }

        var y = total;
        while (y > 1)
        {
            y = 0.5 * y + 0.1 * Response(w, y);
        }

        return y;
    }

    /// <summary>Calls in a nest whose inner loop keeps its records on the method's stacks, and in a loop with a break.</summary>
    [Differentiable]
    public static double Recorded(double[] w, double t, int rows)
    {
        var total = 0.0;
        for (int r = 0; r < rows; r++)
        {
            var inner = t * (r + 1);
            for (int j = 0; j < 3; j++)
            {
                inner = Math.Sin(inner) + 0.3 * Response(w, inner);
            }

            total = total * 0.5 + inner * Dot(w, w);
        }

        var y = t;
        for (int k = 0; k < 10; k++)
        {
            y = 0.8 * y + 0.1 * Response(w, y + total);
            if (y > 2)
            {
                break;
            }
        }

        return y + total;
    }

    /// <summary>An array declared in a loop body (fresh in every iteration) passed to callees.</summary>
    [Differentiable]
    public static double PerPoint(ReadOnlySpan<double> w, [NoDerivative] double[] x, int d)
    {
        var total = 0.0;
        for (int p = 0; p < x.Length / d; p++)
        {
            var features = new double[d];
            for (int k = 0; k < d; k++)
            {
                features[k] = Math.Tanh(x[p * d + k] * w[k]);
            }

            total += Dot(features, w) * SquaredNorm(features);
        }

        return total;
    }

    /// <summary>A wrapper: its spans' only use is the call, whose gradient is written into the caller's spans.</summary>
    [Differentiable]
    public static double Wrapped(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Dot(a, b);

    /// <summary>The same with a seed that is not 1 (the spans are scaled after the call).</summary>
    [Differentiable]
    public static double Margin(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Log(1 + Math.Exp(-Dot(a, b) / a.Length));

    /// <summary>A call whose value is used only by a condition: nothing may reach the spans.</summary>
    [Differentiable]
    public static double Gate(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double s)
    {
        if (Dot(a, b) > s)
        {
            return s * s;
        }

        return Math.Sin(s);
    }

    /// <summary>A span used once, in a branch, next to one used twice.</summary>
    [Differentiable]
    public static double Either(double[] a, double[] b, double s) => s > 0 ? s * Dot(a, b) : Math.Exp(s) * Dot(b, b);
}
