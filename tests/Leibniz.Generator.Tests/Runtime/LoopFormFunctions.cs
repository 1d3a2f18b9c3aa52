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
}
