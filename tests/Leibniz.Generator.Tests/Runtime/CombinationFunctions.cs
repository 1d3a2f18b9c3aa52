using System.Numerics;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// Methods that combine the loop and array features: guard clauses, arrays declared in loop bodies (at two levels),
/// break, while and do-while loops, loops in branches in loops, a return inside a loop, second order, float and
/// generic math.
/// </summary>
public static partial class CombinationFunctions
{
    /// <summary>A guard, then a while loop with a break whose body declares, fills and reads an array.</summary>
    [Differentiable(Order = 2)]
    public static double GuardedWhile(ReadOnlySpan<double> x, int k)
    {
        if (k <= 0)
        {
            return 0;
        }

        var s = 0.0;
        var t = x[0];
        while (t < 3)
        {
            var buf = new double[k];
            for (int j = 0; j < k; j++)
            {
                buf[j] = t * j + x[j % x.Length];
            }

            foreach (var b in buf)
            {
                s += Math.Sin(b);
            }

            t = t + 0.5 + t * t;
            if (s > 10)
            {
                break;
            }
        }

        return s * t;
    }

    /// <summary>An array declared in a loop that returns from inside.</summary>
    [Differentiable]
    public static double ReturnFromTheLoop(ReadOnlySpan<double> x, int k)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var buf = new double[k];
            for (int j = 0; j < k; j++)
            {
                buf[j] = x[i] * (j + 1);
            }

            if (buf[k - 1] > 5)
            {
                return s * buf[0];
            }

            s += buf[k - 1] * buf[0] + x[i];
        }

        return s;
    }

    /// <summary>Arrays declared at two loop levels, and loops (a counted one, a do-while) in the branches of an if.</summary>
    [Differentiable(Order = 2)]
    public static double TwoLevels(ReadOnlySpan<double> x, int k)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var outer = new double[k];
            for (int j = 0; j < k; j++)
            {
                var inner = new double[2];
                inner[0] = x[i] * j + x[0];
                inner[1] = inner[0] * inner[0];
                outer[j] = inner[1] + Math.Cos(inner[0]);
            }

            if (x[i] > 0.1234)
            {
                for (int j = 0; j < k; j++)
                {
                    s += outer[j] * x[i];
                }
            }
            else
            {
                var p = x[i] + outer[0];
                do
                {
                    p = p * 0.5 - 0.1;
                }
                while (p > 0.05);

                s += p * outer[k - 1];
            }
        }

        return s;
    }

    /// <summary>Generic math: a guard, a top-level array and one declared in a loop.</summary>
    [Differentiable]
    public static T GenericRows<T>(ReadOnlySpan<T> x, int k)
        where T : IFloatingPointIeee754<T>
    {
        if (x.Length == 0)
        {
            return T.Zero;
        }

        Span<T> buf = new T[k];
        for (int j = 0; j < k; j++)
        {
            buf[j] = x[0] * x[j % x.Length];
        }

        var s = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            var row = new T[k];
            for (int j = 0; j < k; j++)
            {
                row[j] = buf[j] * x[i];
            }

            foreach (var r in row)
            {
                s += T.Sin(r);
            }
        }

        return s;
    }

    /// <summary>float, second order: a guard, a local array, loops in a branch of a loop.</summary>
    [Differentiable(Order = 2)]
    public static float FloatBranches(ReadOnlySpan<float> x)
    {
        if (x.Length < 2)
        {
            return 0f;
        }

        Span<float> r = stackalloc float[x.Length];
        for (int i = 0; i < x.Length; i++)
        {
            r[i] = x[i] * x[i];
        }

        var s = 0f;
        for (int i = 1; i < x.Length; i++)
        {
            if (r[i] > r[i - 1])
            {
                for (int j = 0; j < 2; j++)
                {
                    s = s * 0.5f + MathF.Sin(r[i] * (j + 1));
                }
            }
        }

        return s;
    }

    /// <summary>Arrays declared in the branches of a top-level if (different lengths), of an if in a loop, and in a loop in a branch.</summary>
    [Differentiable(Order = 2)]
    public static double ArraysInBranches(ReadOnlySpan<double> x, int k)
    {
        var s = 0.0;
        if (x[0] > 0.1234)
        {
            var a = new double[k];
            for (int j = 0; j < k; j++)
            {
                a[j] += x[j % x.Length] * x[0];
            }

            s += a[k - 1] * a[0];
        }
        else
        {
            Span<double> b = stackalloc double[2 * k];
            b[0] = Math.Exp(x[0]);
            b[2 * k - 1] = b[0] * x[x.Length - 1];
            s += b[2 * k - 1] + b[1];
            for (int i = 0; i < x.Length; i++)
            {
                var c = new double[k];
                c[0] += x[i] * b[0];
                s += Math.Sin(c[0] + c[k - 1]);
            }
        }

        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > -0.4321)
            {
                var d = new double[3];
                d[1] += x[i] * x[i];
                d[2] += d[1] * s;
                s = 0.5 * s + d[2] + d[0];
            }
        }

        return s;
    }

    /// <summary>
    /// A while loop in a branch inside a loop whose result only adds to the total: its derivative needs no value of
    /// it, but its reverse loop needs its tape, so the branch must be run again (and push) in the reverse pass.
    /// </summary>
    [Differentiable(Order = 2)]
    public static double UnusedWhileResult(ReadOnlySpan<double> x, int k)
    {
        var s = 0.0;
        for (int i = 1; i < x.Length; i++)
        {
            if (x[i] > x[i - 1])
            {
                // An array filled in this branch keeps the branch from being reversed in place: the reverse pass runs
                // the forward branches again, then the mirrored ones.
                var w = new double[k];
                for (int j = 0; j < k; j++)
                {
                    w[j] += Math.Sin(x[i] * (j + 1));
                }

                foreach (var v in w)
                {
                    s += Math.Tanh(v) * 0.3;
                }
            }
            else
            {
                var t = x[i];
                while (t < 1)
                {
                    t = t * t + 0.7 + x[0] * x[0] * 0.01;
                }

                s += t;
            }
        }

        return s;
    }

    /// <summary>Calls that pass arrays declared in the branches of an if inside a loop, and a span parameter.</summary>
    [Differentiable]
    public static double CallsInBranches(ReadOnlySpan<double> x, int k)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            if (x[i] > 0.1234)
            {
                var w = new double[k];
                for (int j = 0; j < k; j++)
                {
                    w[j] = Math.Sin(x[i] * (j + 1));
                }

                s += ArrayCallFunctions.Dot(w, w) * x[i];
            }
            else
            {
                var u = new double[x.Length];
                for (int j = 0; j < x.Length; j++)
                {
                    u[j] += x[j] * x[i];
                }

                s += ArrayCallFunctions.Dot(u, x);
            }
        }

        return s;
    }

    /// <summary>A recording nest (counted loops only) with a recurrence in one branch and a local array in the other.</summary>
    [Differentiable(Order = 2)]
    public static double RecordedBranches(ReadOnlySpan<double> x, int k)
    {
        var total = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var p = x[i];
            if (x[i] > 0.1234)
            {
                for (int j = 0; j < 2; j++)
                {
                    p = p * 0.5 + Math.Sin(p * x[0]);
                }
            }
            else
            {
                var w = new double[k];
                for (int j = 0; j < k; j++)
                {
                    w[j] = x[i] * j + x[0];
                }

                for (int j = 0; j < k; j++)
                {
                    p += w[j] * w[j] * 0.1;
                }
            }

            total += p * p;
        }

        return total;
    }

    /// <summary>Generic math: a counted recurrence and a while loop in the branches of an if inside a loop.</summary>
    [Differentiable]
    public static T GenericBranches<T>(ReadOnlySpan<T> x, int k)
        where T : IFloatingPointIeee754<T>
    {
        var total = T.Zero;
        for (int i = 0; i < x.Length; i++)
        {
            var p = x[i];
            if (p > T.CreateChecked(0.1234))
            {
                for (int j = 0; j < k; j++)
                {
                    p = p * T.CreateChecked(0.5) + T.Sin(p * x[0]);
                }
            }
            else
            {
                var t = p;
                while (t < T.One)
                {
                    t = t * t + T.CreateChecked(0.7);
                }

                p = t * x[0];
            }

            total += p * p;
        }

        return total;
    }

    /// <summary>A triangular nest whose inner body branches into a do-while loop.</summary>
    [Differentiable(Order = 2)]
    public static double TriangularDoWhile(ReadOnlySpan<double> x, int k)
    {
        var s = 0.0;
        for (int i = 0; i < x.Length; i++)
        {
            var acc = 0.0;
            for (int j = 0; j <= i; j++)
            {
                if (x[j] > x[i])
                {
                    var t = x[j];
                    do
                    {
                        t = t * 0.5 + x[i] * 0.01;
                    }
                    while (t > 0.2);

                    acc += t * x[j];
                }
                else
                {
                    acc += Math.Exp(-x[j] * x[j]) * k;
                }
            }

            s += acc * acc;
        }

        return s;
    }
}
