using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>The gradient of f(x, a) (x a vector) and its Jvp, checked against Dual, central differences and each other.</summary>
internal static class IdiomChecks
{
    public delegate double Gradient(double[] x, double a, Span<double> dx, out double da);

    public delegate (double Value, double Tangent) Jvp(double[] x, double a, ReadOnlySpan<double> dx, double da);

    public delegate double SizedGradient(double[] x, double a, int n, Span<double> dx, out double da);

    public delegate (double Value, double Tangent) SizedJvp(double[] x, double a, int n, ReadOnlySpan<double> dx, double da);

    /// <summary>Checks method <paramref name="name"/> of Idioms.<paramref name="type"/>, with signature (double[] x, double a).</summary>
    public static void Check(string type, string name, double[] x, double a, bool smooth = true)
    {
        var primal = IdiomAssembly.Generated<Func<double[], double, double>>(type, name);
        var gradient = IdiomAssembly.Generated<Gradient>(type, name + "Gradient");
        var jvp = IdiomAssembly.Generated<Jvp>(type, name + "Jvp");
        var twin = IdiomAssembly.Twin<Func<Dual[], Dual, Dual>>(type, name);
        Check(primal, (v, s, dv) => gradient(v, s, dv, out var ds) is var f ? (f, ds) : default, (v, s, dv, ds) => jvp(v, s, dv, ds), twin, x, a, smooth);
    }

    /// <summary>Checks method <paramref name="name"/> of Idioms.<paramref name="type"/>, with signature (double[] x, double a, int n).</summary>
    public static void CheckSized(string type, string name, double[] x, double a, int n, bool smooth = true)
    {
        var primal = IdiomAssembly.Generated<Func<double[], double, int, double>>(type, name);
        var gradient = IdiomAssembly.Generated<SizedGradient>(type, name + "Gradient");
        var jvp = IdiomAssembly.Generated<SizedJvp>(type, name + "Jvp");
        var twin = IdiomAssembly.Twin<Func<Dual[], Dual, int, Dual>>(type, name);
        Check((v, s) => primal(v, s, n), (v, s, dv) => gradient(v, s, n, dv, out var ds) is var f ? (f, ds) : default, (v, s, dv, ds) => jvp(v, s, n, dv, ds),
            (v, s) => twin(v, s, n), x, a, smooth);
    }

    private delegate (double Value, double da) GradientOf(double[] x, double a, double[] dx);

    private static void Check(Func<double[], double, double> primal, GradientOf gradient, Func<double[], double, double[], double, (double, double)> jvp,
        Func<Dual[], Dual, Dual> twin, double[] x, double a, bool smooth)
    {
        var dx = new double[x.Length];
        Array.Fill(dx, double.NaN);
        var (value, da) = gradient(x, a, dx);
        Close(primal(x, a), value, 1e-13);

        // Dual, one direction at a time.
        var duals = x.Select(v => new Dual(v, 0)).ToArray();
        Close(twin(duals, new Dual(a, 1)).Tangent, da, 1e-9);
        for (var i = 0; i < x.Length; i++)
        {
            duals[i] = new Dual(x[i], 1);
            Close(twin(duals, new Dual(a, 0)).Tangent, dx[i], 1e-9);
            duals[i] = new Dual(x[i], 0);
        }

        // The Jvp along a direction, against the gradient's dot product with it.
        var direction = x.Select((_, i) => Math.Cos(3 * i + 1)).ToArray();
        var (jvpValue, tangent) = jvp(x, a, direction, 0.75);
        Close(value, jvpValue, 1e-13);
        Close(dx.Zip(direction, (g, v) => g * v).Sum() + 0.75 * da, tangent, 1e-9);

        if (smooth)
        {
            var all = x.Append(a).ToArray();
            var expected = CentralGradient(v => primal(v[..^1], v[^1]), all, 0.1);
            for (var i = 0; i < x.Length; i++)
            {
                Close(expected[i], dx[i], 1e-5);
            }

            Close(expected[^1], da, 1e-5);
        }
    }
}
