namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable] methods with loops counting down or by other steps, and do-while loops.</summary>
public static partial class LoopFormFunctions
{
    /// <summary>Horner's rule, counting down: p = (…(c[n−1]·x + c[n−2])·x + …)·x + c[0].</summary>
    [Differentiable]
    public static double Horner(ReadOnlySpan<double> c, double x)
    {
        var p = 0.0;
        for (int i = c.Length - 1; i >= 0; i--)
        {
            p = p * x + c[i];
        }

        return p;
    }

    /// <summary>Every other pair, counting up by two.</summary>
    [Differentiable]
    public static double EveryOther(ReadOnlySpan<double> x)
    {
        var s = 0.0;
        for (int i = 1; i < x.Length; i += 2)
        {
            s += x[i] * x[i - 1] * Math.Cos(x[i]);
        }

        return s;
    }

    /// <summary>A recurrence counting down by three, with a strict bound.</summary>
    [Differentiable]
    public static double DownByThree(ReadOnlySpan<double> x)
    {
        var s = 1.0;
        for (int i = x.Length - 1; i > 0; i -= 3)
        {
            s = s * Math.Sin(x[i]) + x[i - 1] * s;
        }

        return s;
    }

    /// <summary>A window of half-width w around each element, clipped at the ends (bounds from Math.Max, Math.Min and a negated offset).</summary>
    [Differentiable]
    public static double ClippedWindow(ReadOnlySpan<double> x, int w)
    {
        var s = 0.0;
        var back = -w;
        for (int i = 0; i < x.Length; i++)
        {
            for (int j = Math.Max(0, i + back); j < Math.Min(x.Length, i + w + 1); j++)
            {
                s += x[i] * Math.Sin(x[j]);
            }
        }

        return s;
    }

    /// <summary>A do-while loop: the body runs at least once, until the value settles below a threshold.</summary>
    [Differentiable]
    public static double Settle(double x, double a)
    {
        var y = x * x + 1;
        var total = 0.0;
        do
        {
            y = Math.Sqrt(y) * a + 0.01 * y;
            total += y;
        }
        while (y > 1.2);

        return total;
    }

    /// <summary>A do-while loop with continue and break.</summary>
    [Differentiable]
    public static double Grow(double x)
    {
        var y = 1 + x * x;
        var steps = 0.0;
        do
        {
            steps += 1;
            if (steps > 6)
            {
                break;
            }

            if (y < 2)
            {
                y = y * 1.5 + x;
                continue;
            }

            y = Math.Log(y) * y + 1;
        }
        while (y < 10);

        return y;
    }

    /// <summary>Guard clauses, then a recurrence over the span (its tape lives on the method's stack).</summary>
    [Differentiable]
    public static double Guarded(ReadOnlySpan<double> x, double s)
    {
        if (x.Length == 0)
        {
            return s * s;
        }

        if (s < -1)
        {
            return -s * x[0];
        }

        var p = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            p = p * Math.Sin(x[i] * s) + 1;
        }

        return p;
    }

    /// <summary>Different loops in the two branches of an if: a while loop with a break, and a nest of two loops.</summary>
    [Differentiable]
    public static double Branches(ReadOnlySpan<double> x, double a)
    {
        var r = 0.0;
        if (a > 0)
        {
            var y = 1 + a * a;
            while (y > 0.2)
            {
                y = y * 0.7 * (1 + 0.1 * Math.Cos(y));
                r += y * x[0];
                if (r > 3)
                {
                    break;
                }
            }
        }
        else
        {
            for (int i = 0; i < x.Length; i++)
            {
                var q = a;
                for (int j = 0; j <= i; j++)
                {
                    q = Math.Sin(q) * x[j] + a;
                }

                r += q * q;
            }
        }

        return r * a;
    }

    /// <summary>A loop that may return, followed by another loop.</summary>
    [Differentiable]
    public static double FirstLargeThenSum(ReadOnlySpan<double> x)
    {
        var product = 1.0;
        for (int i = 0; i < x.Length; i++)
        {
            product *= 1 + x[i] * x[i];
            if (product > 20)
            {
                return Math.Log(product) * x[i];
            }
        }

        var sum = product;
        for (int i = 0; i < x.Length; i++)
        {
            sum = sum * 0.5 + Math.Exp(x[i]) * sum;
        }

        return sum;
    }

    /// <summary>Loops inside the branches of an if inside a loop: a taped recurrence, an accumulator and a while loop.</summary>
    [Differentiable]
    public static double GatedRecurrence(ReadOnlySpan<double> x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = x[i];
            if (x[i] > 0)
            {
                for (int j = 0; j < 3; j++)
                {
                    p = p * 0.5 + Math.Sin(p * s);
                }
            }
            else if (x[i] > -0.5)
            {
                var acc = 0.0;
                for (int j = 0; j <= i; j++)
                {
                    acc += x[j] * s;
                }

                p += acc;
            }
            else
            {
                while (p < 1)
                {
                    p = p * p + 0.6 + s * s;
                }
            }

            total += p * p;
        }

        return total;
    }

    /// <summary>Counted loops only inside the branches (a recording nest): a recurrence and a triangular sum.</summary>
    [Differentiable]
    public static double GatedCounted(ReadOnlySpan<double> x, double s)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = x[i];
            if (p > 0)
            {
                for (int j = 0; j < 3; j++)
                {
                    p = p * 0.5 + Math.Sin(p * s);
                }
            }
            else
            {
                for (int j = 0; j <= i; j++)
                {
                    p = p * Math.Cos(x[j]) + s;
                }
            }

            total += p * p;
        }

        return total;
    }
}
