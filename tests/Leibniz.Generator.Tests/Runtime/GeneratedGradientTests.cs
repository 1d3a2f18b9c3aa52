using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generated gradients (compiled by the analyzer) against Dual, Tape, finite differences and the Jvp.</summary>
public sealed class GeneratedGradientTests
{
    private static readonly Gen<(double X, double Y)> Points = Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2]);

    public static TheoryData<string> Cases => ["Trig", "Hyperbolic", "Logs", "ElementaryFunctions", "Piecewise", "NestedBranches"];

    [Theory]
    [MemberData(nameof(Cases))]
    public void GradientEqualsDualTapeAndFiniteDifferences(string name)
    {
        var (gradient, jvp, primal, dual, tape) = Lookup(name);
        Points.Sample(p =>
        {
            var (x, y) = p;
            var (value, dx, dy) = gradient(x, y);
            Close(primal(x, y), value, 1e-12);
            var dualX = dual(new Dual(x, 1), new Dual(y, 0));
            var dualY = dual(new Dual(x, 0), new Dual(y, 1));
            Close(dualX.Tangent, dx, 1e-10);
            Close(dualY.Tangent, dy, 1e-10);

            var t = new Tape();
            var vx = t.Variable(x);
            var vy = t.Variable(y);
            t.Backward(tape(vx, vy));
            Close(vx.Gradient, dx, 1e-10);
            Close(vy.Gradient, dy, 1e-10);

            if (Smooth(name, x, y))
            {
                var fd = FiniteDifference.Gradient(v => primal(v[0], v[1]), [x, y], accuracy: 4);
                Close(fd[0], dx, 1e-5);
                Close(fd[1], dy, 1e-5);
            }

            var (jvpValue, tangent) = jvp(x, y, 0.3, -0.7);
            Close(value, jvpValue, 1e-12);
            Close(0.3 * dx - 0.7 * dy, tangent, 1e-10);
        }, iter: 300);
    }

    [Fact]
    public void RastriginMatchesItsAnalyticGradient() => Points.Sample(p =>
    {
        var (x, y) = p;
        var (value, dx, dy) = Functions.RastriginGradient(x, y);
        Close(Functions.Rastrigin(x, y), value, 1e-14);
        Close(2 * x + 20 * Math.PI * Math.Sin(2 * Math.PI * x), dx, 1e-12);
        Close(2 * y + 20 * Math.PI * Math.Sin(2 * Math.PI * y), dy, 1e-12);
    });

    [Fact]
    public void ExtendedRosenbrockMatchesItsHandWrittenGradient() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((a, b, c, d) =>
        {
            double[] x = [a, b, c, d];
            var expected = new double[4];
            for (var i = 0; i < 3; i++)
            {
                var t = x[i + 1] - x[i] * x[i];
                expected[i] += -400 * x[i] * t - 2 * (1 - x[i]);
                expected[i + 1] += 200 * t;
            }

            var (_, d0, d1, d2, d3) = Functions.Rosenbrock4Gradient(a, b, c, d);
            Close(expected[0], d0, 1e-12);
            Close(expected[1], d1, 1e-12);
            Close(expected[2], d2, 1e-12);
            Close(expected[3], d3, 1e-12);
        });

    [Fact]
    public void KinksFollowTheRuntimeConventions() => Points.Sample(p =>
    {
        var (x, y) = p;
        var (_, dx, dy) = Functions.KinksGradient(x, y);
        var h = Math.Sqrt(x * x + y * y);
        var (min, max) = (Math.Min(x, y), Math.Max(x, 2 * y));
        var expectedX = Elementary.Sign(x - y) + (x <= y ? max : 0) + (x >= 2 * y ? min : 0) + (h == 0 ? 0 : x / h) + y + 1 + (x is >= -1 and <= 1 ? y : 0) + 8;
        var expectedY = -Elementary.Sign(x - y) + (x <= y ? 0 : max) + (x >= 2 * y ? 0 : 2 * min) + (h == 0 ? 0 : y / h) + x + Math.Clamp(x, -1, 1);
        Close(expectedX, dx, 1e-12);
        Close(expectedY, dy, 1e-12);
    });

    [Fact]
    public void CallsChainThroughTheCalleesGeneratedCode() => Points.Sample(p =>
    {
        var (x, y) = p;
        static Dual Reference(Dual x, Dual y)
        {
            var u = x * y;
            var rastrigin = 20 + (u * u - 10 * Dual.Cos(2 * Math.PI * u)) + (y * y - 10 * Dual.Cos(2 * Math.PI * y));
            var v = 3 * y;
            return rastrigin + x * v / (1 + v * v);
        }

        var (value, dx, dy) = Functions.CallerGradient(x, y);
        Close(Reference(x, y).Value, value, 1e-12);
        Close(Reference(new Dual(x, 1), y).Tangent, dx, 1e-10);
        Close(Reference(x, new Dual(y, 1)).Tangent, dy, 1e-10);
        var (_, tangent) = Functions.CallerJvp(x, y, 1, 2);
        Close(dx + 2 * dy, tangent, 1e-10);
    });

    [Fact]
    public void FloatMethodsEmitFloatCode() => Gen.Select(Gen.Float[-2, 2], Gen.Float[-2, 2]).Sample((x, y) =>
    {
        static Dual Reference(Dual x, Dual y) => Dual.Sin(x) * Dual.Exp(-y * y) + Dual.Sqrt(1 + x * x) + Dual.Sigmoid(x - y);
        (float Value, float dx, float dy) result = Functions.SingleGradient(x, y);
        Close(Reference(new Dual(x, 1), y).Tangent, result.dx, 1e-5);
        Close(Reference(x, new Dual(y, 1)).Tangent, result.dy, 1e-5);
    });

    private static bool Smooth(string name, double x, double y) => name switch
    {
        "ElementaryFunctions" => Math.Abs(x) > 0.05 && Math.Abs(y) > 0.05,
        "Piecewise" => Math.Abs(x * y - 1) > 0.05 && Math.Abs(x * y + 1) > 0.05 && Math.Abs(x - y) > 0.05,
        "NestedBranches" => false,
        _ => true,
    };


    private static (Func<double, double, (double, double, double)> Gradient, Func<double, double, double, double, (double, double)> Jvp,
        Func<double, double, double> Primal, Func<Dual, Dual, Dual> Dual, Func<Var, Var, Var> Tape) Lookup(string name) => name switch
        {
            "Trig" => ((x, y) => Functions.TrigGradient(x, y), (x, y, a, b) => Functions.TrigJvp(x, y, a, b), Functions.Trig, References.Trig, References.Trig),
            "Hyperbolic" => ((x, y) => Functions.HyperbolicGradient(x, y), (x, y, a, b) => Functions.HyperbolicJvp(x, y, a, b), Functions.Hyperbolic, References.Hyperbolic, References.Hyperbolic),
            "Logs" => ((x, y) => Functions.LogsGradient(x, y), (x, y, a, b) => Functions.LogsJvp(x, y, a, b), Functions.Logs, References.Logs, References.Logs),
            "ElementaryFunctions" => ((x, y) => Functions.ElementaryFunctionsGradient(x, y), (x, y, a, b) => Functions.ElementaryFunctionsJvp(x, y, a, b),
                Functions.ElementaryFunctions, References.ElementaryFunctions, References.ElementaryFunctions),
            "NestedBranches" => ((x, y) => Functions.NestedBranchesGradient(x, y), (x, y, a, b) => Functions.NestedBranchesJvp(x, y, a, b),
                Functions.NestedBranches, References.NestedBranches, References.NestedBranches),
            _ => ((x, y) => Functions.PiecewiseGradient(x, y), (x, y, a, b) => Functions.PiecewiseJvp(x, y, a, b), Functions.Piecewise, References.Piecewise, References.Piecewise),
        };
}
