namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[Differentiable(Order = 2)] methods written the way people write numeric code (see NaturalFormFunctions).</summary>
public static partial class SecondOrderNaturalFormFunctions
{
    private static readonly double[] Nodes = [-0.7745966692414834, 0, 0.7745966692414834];
    private static readonly double[] Weights = [5.0 / 9, 8.0 / 9, 5.0 / 9];

    /// <summary>A piecewise energy per entry as a switch expression on the counter, plus a smooth switch on a value.</summary>
    [Differentiable(Order = 2)]
    public static double SwitchEnergy(double[] x)
    {
        var energy = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            energy += (i % 3) switch
            {
                0 => x[i] * x[i] * x[i],
                1 => Math.Sin(x[i]) * x[0],
                _ => Math.Exp(0.3 * x[i]),
            };
        }

        return energy;
    }

    /// <summary>Gauss–Legendre quadrature over a constant table, the integrand a local function.</summary>
    [Differentiable(Order = 2)]
    public static double Quadrature(double[] x)
    {
        double Integrand(double t, double a, double b) => Math.Exp(a * t) * Math.Cos(b * t * t);

        var total = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            for (var k = 0; k < Nodes.Length; k++)
            {
                total += Weights[k] * Integrand(Nodes[k], x[i], x[i + 1]);
            }
        }

        return total;
    }

    /// <summary>A loop header `i + 1 &lt; n` with an int counter `count++` used in the body.</summary>
    [Differentiable(Order = 2)]
    public static double Chain(double[] x)
    {
        var n = x.Length;
        var count = 0;
        var sum = 0.0;
        for (var i = 0; i + 1 < n; i++)
        {
            count++;
            var d = x[i + 1] - x[i];
            sum += count * d * d * d * d + Math.Log(1 + x[i] * x[i]);
        }

        return sum;
    }

    /// <summary>A quadratic form plus a quartic over a packed lower triangle read with a running idx++ index.</summary>
    [Differentiable(Order = 2)]
    public static double PackedQuadratic(ReadOnlySpan<double> x, [NoDerivative] double[] packed)
    {
        var idx = 0;
        var sum = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            for (var j = 0; j <= i; j++)
            {
                sum += packed[idx] * x[i] * x[j];
                idx++;
            }

            sum += 0.1 * x[i] * x[i] * x[i] * x[i];
        }

        return sum;
    }

    /// <summary>A counter `count++` used in the body and after the loop, whose header has a data condition after &amp;&amp;.</summary>
    [Differentiable(Order = 2)]
    public static double Counted(double[] x)
    {
        var n = x.Length;
        var count = 0;
        var sum = 0.0;
        for (var i = 0; i + 1 < n && x[i] < 5; i++)
        {
            count++;
            var d = x[i + 1] - x[i];
            sum += count * d * d * d * d + Math.Log(1 + x[i] * x[i]);
        }

        return sum / (count + 1);
    }

    /// <summary>A counter `count++` in every iteration of a plain `i + 1 &lt; n` loop, read after it (a mean).</summary>
    [Differentiable(Order = 2)]
    public static double Averaged(double[] x)
    {
        var count = 0;
        var sum = 0.0;
        for (var i = 0; i + 1 < x.Length; i++)
        {
            sum += x[i] * x[i + 1] + Math.Sin(x[i]);
            count++;
        }

        return sum / (count + 1);
    }

    /// <summary>A loop counting down with an in-place *= on a local array.</summary>
    [Differentiable(Order = 2)]
    public static double Downward(double[] x)
    {
        var scaled = new double[x.Length];
        for (var i = x.Length - 1; i >= 0; i--)
        {
            scaled[i] = x[i] + 2;
            scaled[i] *= Math.Cos(x[i]);
        }

        var total = 0.0;
        for (var i = 0; x.Length > i; i++)
        {
            total += scaled[i] * scaled[i] * x[i];
        }

        return total;
    }
}

/// <summary>A model object whose field is a constant of its Order-2 instance method.</summary>
public sealed partial class SecondOrderSpring(double stiffness)
{
    private readonly double stiffness = stiffness;

    /// <summary>The energy of a chain of nonlinear springs of the given stiffness.</summary>
    [Differentiable(Order = 2)]
    public double Energy(double[] x)
    {
        var e = 0.0;
        for (var i = 1; i < x.Length; i++)
        {
            var stretch = x[i] - x[i - 1] - 1;
            e += stiffness * (stretch * stretch + 0.25 * stretch * stretch * stretch * stretch);
        }

        return e;
    }
}
