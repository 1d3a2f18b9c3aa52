using System.Buffers;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable] methods with local arrays: filled element by element, then read.</summary>
public static partial class LocalArrayFunctions
{
    /// <summary>Centres x in a local array, then sums a nonlinear function of the centred values.</summary>
    [Differentiable]
    public static double Centred(ReadOnlySpan<double> x)
    {
        var mean = 0.0;
        foreach (var v in x)
        {
            mean += v;
        }

        mean /= x.Length;
        Span<double> r = stackalloc double[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = x[i] - mean;
        }

        var sum = 0.0;
        foreach (var e in r)
        {
            sum += e * e * Math.Sin(e);
        }

        return sum;
    }

    /// <summary>
    /// Solves L z = b by forward substitution (L lower triangular, row-major n×n) and returns |z|²: every z[i] is
    /// written once and read by the later rows.
    /// </summary>
    [Differentiable]
    public static double TriangularSolve(ReadOnlySpan<double> lower, ReadOnlySpan<double> b, int n)
    {
        Span<double> z = stackalloc double[n];
        for (int i = 0; i < n; i++)
        {
            var s = b[i];
            for (int j = 0; j < i; j++)
            {
                s -= lower[i * n + j] * z[j];
            }

            z[i] = s / lower[i * n + i];
        }

        var norm = 0.0;
        for (int i = 0; i < n; i++)
        {
            norm += z[i] * z[i];
        }

        return norm;
    }

    /// <summary>A histogram-like accumulation (+= and -= into a local array), then a log of each bucket.</summary>
    [Differentiable]
    public static double Buckets(ReadOnlySpan<double> x, double s, int count)
    {
        Span<double> h = stackalloc double[count];
        for (int i = 0; i < x.Length; i++)
        {
            h[i % count] += Math.Exp(s * x[i]);
            h[(i + 1) % count] -= 0.25 * x[i];
        }

        var total = 0.0;
        for (int k = 0; k < count; k++)
        {
            total += Math.Log(4 + h[k] * h[k]);
        }

        return total;
    }

    /// <summary>A buffer reused for every point: refilled, then read, in each iteration of the outer loop.</summary>
    [Differentiable]
    public static double PathLength(ReadOnlySpan<double> x, int d)
    {
        var points = x.Length / d;
        Span<double> step = stackalloc double[d];
        var length = 0.0;
        for (int p = 0; p < points - 1; p++)
        {
            for (int j = 0; j < d; j++)
            {
                step[j] = x[(p + 1) * d + j] - x[p * d + j];
            }

            var squared = 0.0;
            for (int j = 0; j < d; j++)
            {
                squared += step[j] * step[j];
            }

            length += Math.Sqrt(0.25 + squared);
        }

        return length;
    }

    /// <summary>The powers 1, x, …, x⁷ in a local array (each from the previous one), weighted by the coefficients.</summary>
    [Differentiable]
    public static double Powers(double x, double c)
    {
        Span<double> powers = stackalloc double[8];
        powers[0] = 1;
        for (int k = 1; k < 8; k++)
        {
            powers[k] = powers[k - 1] * x;
        }

        var sum = 0.0;
        for (int k = 0; k < 8; k++)
        {
            sum += powers[k] * Math.Cos(c * k);
        }

        return sum;
    }

    /// <summary>A moving average in an array allocated with new and one rented from the pool (both long).</summary>
    [Differentiable]
    public static double Smoothed(double[] x, double weight)
    {
        var n = x.Length;
        double[] smooth = new double[n];
        double[] rented = ArrayPool<double>.Shared.Rent(n);
        for (int i = 0; i < n; i++)
        {
            smooth[i] = weight * x[i] + (1 - weight) * x[(i + 1) % n];
            rented[i] = Math.Tanh(smooth[i]);
        }

        var sum = 0.0;
        for (int i = 0; i < n; i++)
        {
            sum += rented[i] * smooth[(i + 2) % n];
        }

        ArrayPool<double>.Shared.Return(rented);
        return sum;
    }

    /// <summary>A float method with a local array.</summary>
    [Differentiable]
    public static float SingleCentred(ReadOnlySpan<float> x)
    {
        Span<float> r = stackalloc float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = MathF.Sin(x[i]) * x[i];
        }

        var sum = 0f;
        for (int i = 0; i < x.Length; i++)
        {
            sum += r[i] * r[(i + 1) % x.Length];
        }

        return sum;
    }

    /// <summary>The usual guard against large stack allocations: stackalloc when small, new otherwise.</summary>
    [Differentiable]
    public static double Differences(ReadOnlySpan<double> x)
    {
        Span<double> d = x.Length <= 64 ? stackalloc double[x.Length] : new double[x.Length];
        for (int i = 1; i < x.Length; i++)
        {
            d[i] = x[i] - x[i - 1];
        }

        var total = 0.0;
        for (int i = 1; i < d.Length; i++)
        {
            total += Math.Exp(-d[i] * d[i]) * x[i];
        }

        return total;
    }

    /// <summary><see cref="PathLength"/> with its step buffer declared in the loop body: a fresh array per point.</summary>
    [Differentiable]
    public static double PathLengthDeclaredInTheLoop(ReadOnlySpan<double> x, int d)
    {
        var points = x.Length / d;
        var length = 0.0;
        for (int p = 0; p < points - 1; p++)
        {
            var step = new double[d];
            for (int j = 0; j < d; j++)
            {
                step[j] = x[(p + 1) * d + j] - x[p * d + j];
            }

            var squared = 0.0;
            foreach (var e in step)
            {
                squared += e * e;
            }

            length += Math.Sqrt(0.25 + squared);
        }

        return length;
    }

    /// <summary>
    /// Arrays declared in the bodies of an outer and an inner loop, accumulated into with += from their zeros: each
    /// iteration must see a fresh zeroed array, as the user's code does.
    /// </summary>
    [Differentiable]
    public static double FreshAccumulators(ReadOnlySpan<double> x, double s, int k)
    {
        var total = 0.0;
        foreach (var v in x)
        {
            double[] sums = new double[k];
            for (int j = 0; j < k; j++)
            {
                var scratch = new double[2];
                scratch[0] += Math.Sin(v * (j + 1));
                scratch[1] -= s * v;
                sums[j] += (scratch[0] + scratch[1]) * s;
                sums[j] += v * v * (j + 1);
            }

            sums[0] += s;
            for (int j = 0; j < k; j++)
            {
                total += Math.Tanh(sums[j]) * (j + 1);
            }
        }

        return total;
    }
}
