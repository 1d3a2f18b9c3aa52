using System.Reflection;
using System.Text;
using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>
/// Random expression trees (depth ≤ 6, every table function, ?: branches) in expression bodies and in block bodies
/// with locals, if/else, else-if, early returns, counted loops, accumulators, local arrays, span parameters and calls
/// that pass spans to a span helper → C# → generator → one in-memory
/// compilation → generated gradient and Jvp against <see cref="Dual"/> at random points.
/// </summary>
public sealed class DifferentialFuzzTests(ITestOutputHelper output)
{
    private static readonly int Methods = EnvironmentNumber("LEIBNIZ_FUZZ_METHODS", 600);
    private const int MethodsPerClass = 250;
    private const int PointsPerMethod = 10;

    [Fact]
    public void GeneratedDerivativesAgreeWithDualNumbers()
    {
        var seed = EnvironmentNumber("LEIBNIZ_FUZZ_SEED", 20261126);
        var generator = new ExprGenerator(seed);
        var random = new Random(seed);
        var cases = Enumerable.Range(0, Methods)
            .Select(i => (i % 10) switch
            {
                9 => new FuzzCase(i, FuzzShape.SpanCall, generator.Next(4), generator.Next(3), generator.Next(3)),
                8 => new FuzzCase(i, FuzzShape.BranchedInnerLoops, generator.Next(4), generator.Next(3), generator.Next(3)),
                7 => new FuzzCase(i, FuzzShape.SpanParameter, generator.Next(4), generator.Next(3), generator.Next(3)),
                6 => new FuzzCase(i, FuzzShape.Accumulator, generator.Next(4), generator.Next(3), generator.Next(3)),
                5 => new FuzzCase(i, FuzzShape.LocalArray, generator.Next(4), generator.Next(3), generator.Next(3)),
                4 => new FuzzCase(i, FuzzShape.Loop, generator.Next(4), generator.Next(3), generator.Next(3)),
                1 when i % 20 == 1 => new FuzzCase(i, FuzzShape.Struct, generator.Next(4), generator.Next(3), generator.Next(3)),
                1 => new FuzzCase(i, FuzzShape.Grid, generator.Next(4), generator.Next(3), generator.Next(3)),
                0 when i % 20 == 0 => new FuzzCase(i, FuzzShape.IntegerState, generator.Next(4), generator.Next(3), generator.Next(3)),
                2 => new FuzzCase(i, FuzzShape.IfElse, generator.Next(5), generator.Next(3), generator.Next(4)),
                3 => new FuzzCase(i, FuzzShape.NestedWithEarlyReturn, generator.Next(4), generator.Next(4), generator.Next(3)),
                _ => new FuzzCase(i, FuzzShape.Expression, generator.Next(6), new Constant(0), new Constant(0)),
            })
            .ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime;
        // Nullable analysis would bind every method twice; these methods have no reference types.
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(Microsoft.CodeAnalysis.NullableContextOptions.Disable, Source(cases)));
        var generated = clock.Elapsed;
        var assembly = run.Load();
        output.WriteLine($"generator {generated.TotalSeconds:F1} s, compile {(clock.Elapsed - generated).TotalSeconds:F1} s, {run.Sources.Sum(s => s.Source.Length) / 1000} kB generated");

        var compared = 0;
        var failures = new List<string>();
        foreach (var fuzz in cases)
        {
            var type = assembly.GetType("Fuzz.F" + (fuzz.Index / MethodsPerClass))!;
            var (gradient, jvp) = fuzz.Shape == FuzzShape.SpanParameter ? ThroughSpan(type, fuzz.Name) : fuzz.Shape == FuzzShape.SpanCall ? ThroughTwoSpans(type, fuzz.Name)
                : fuzz.Shape == FuzzShape.Struct ? ThroughStruct(type, fuzz.Name) : fuzz.Shape == FuzzShape.Grid ? ThroughGrid(type, fuzz.Name) : (
                type.GetMethod(fuzz.Name + "Gradient")!.CreateDelegate<Func<double, double, (double, double, double)>>(),
                type.GetMethod(fuzz.Name + "Jvp")!.CreateDelegate<Func<double, double, double, double, (double, double)>>());
            for (var p = 0; p < PointsPerMethod; p++)
            {
                var (x, y) = (random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2);
                var byX = fuzz.Evaluate(new Dual(x, 1), new Dual(y, 0));
                var byY = fuzz.Evaluate(new Dual(x, 0), new Dual(y, 1));
                if (!Usable(byX.Value) || !Usable(byX.Tangent) || !Usable(byY.Tangent))
                {
                    continue;
                }

                compared++;
                var (value, dx, dy) = gradient(x, y);
                var (jvpValue, tangent) = jvp(x, y, 0.5, -1.5);
                // Derivatives are compared relative to their own size and to the function's: the generated code
                // uses 1 − tanh², the runtime sech², which differ by rounding once tanh(u) rounds to ±1.
                var scale = Math.Abs(value);
                if (!Close(byX.Value, value, 0) || !Close(byX.Tangent, dx, scale) || !Close(byY.Tangent, dy, scale) || !Close(byX.Value, jvpValue, 0)
                    || !Close(0.5 * byX.Tangent - 1.5 * byY.Tangent, tangent, scale))
                {
                    failures.Add($"{fuzz.Name}({x:R}, {y:R}): Dual ({byX.Value:R}, {byX.Tangent:R}, {byY.Tangent:R}), generated ({value:R}, {dx:R}, {dy:R}), jvp {tangent:R}\n{fuzz.ToCSharp()}");
                }
            }
        }

        cpu = System.Diagnostics.Process.GetCurrentProcess().TotalProcessorTime - cpu;
        output.WriteLine($"Fuzz seed {seed}: {Methods} generated methods, {compared} points compared (gradient and Jvp against Dual), "
            + $"{failures.Count} mismatches, {clock.Elapsed.TotalSeconds:F1} s wall, {cpu.TotalSeconds:F1} s CPU.");
        Assert.True(compared > Methods * PointsPerMethod / 2, $"Only {compared} comparable points.");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    private delegate double SpanGradient(ReadOnlySpan<double> v, double y, Span<double> dv, out double dy);

    private delegate (double Value, double Tangent) SpanJvp(ReadOnlySpan<double> v, double y, ReadOnlySpan<double> dv, double dy);

    /// <summary>
    /// A span method's gradient and Jvp seen as functions of (x, y), with v = (x, x/2 + y, x·y): by the chain rule,
    /// ∂/∂x = dv₀ + dv₁/2 + y·dv₂ and ∂/∂y = dv₁ + x·dv₂ + dy; the tangent of v along (a, b) is (a, a/2 + b, y·a + x·b).
    /// </summary>
    private static (Func<double, double, (double, double, double)> Gradient, Func<double, double, double, double, (double, double)> Jvp) ThroughSpan(Type type, string name)
    {
        var gradient = type.GetMethod(name + "Gradient")!.CreateDelegate<SpanGradient>();
        var jvp = type.GetMethod(name + "Jvp")!.CreateDelegate<SpanJvp>();
        return (
            (x, y) =>
            {
                var dv = new double[3];
                var value = gradient(FuzzCase.SpanArgument(x, y), y, dv, out var dy);
                return (value, dv[0] + 0.5 * dv[1] + y * dv[2], dv[1] + x * dv[2] + dy);
            },
            (x, y, a, b) => jvp(FuzzCase.SpanArgument(x, y), y, [a, 0.5 * a + b, y * a + x * b], b));
    }

    private delegate double GridGradient(double[,] g, double y, double[,] dg, out double dy);

    private delegate (double Value, double Tangent) GridJvp(double[,] g, double y, double[,] dg, double dy);

    /// <summary>
    /// A 2-D method's gradient and Jvp as functions of (x, y), with g = [[x, x/2 + y], [x·y, y]]: ∂/∂x = dg₀₀ + dg₀₁/2 + y·dg₁₀
    /// and ∂/∂y = dg₀₁ + x·dg₁₀ + dg₁₁ + dy; the tangent of g along (a, b) is [[a, a/2 + b], [y·a + x·b, b]].
    /// </summary>
    private static (Func<double, double, (double, double, double)> Gradient, Func<double, double, double, double, (double, double)> Jvp) ThroughGrid(Type type, string name)
    {
        var gradient = type.GetMethod(name + "Gradient")!.CreateDelegate<GridGradient>();
        var jvp = type.GetMethod(name + "Jvp")!.CreateDelegate<GridJvp>();
        return (
            (x, y) =>
            {
                var dg = new double[2, 2];
                var value = gradient(FuzzCase.GridArgument(x, y), y, dg, out var dy);
                return (value, dg[0, 0] + 0.5 * dg[0, 1] + y * dg[1, 0], dg[0, 1] + x * dg[1, 0] + dg[1, 1] + dy);
            },
            (x, y, a, b) => jvp(FuzzCase.GridArgument(x, y), y, new[,] { { a, 0.5 * a + b }, { y * a + x * b, b } }, b));
    }

    private delegate double TwoSpanGradient(ReadOnlySpan<double> v, ReadOnlySpan<double> u, double y, Span<double> dv, Span<double> du, out double dy);

    private delegate (double Value, double Tangent) TwoSpanJvp(ReadOnlySpan<double> v, ReadOnlySpan<double> u, double y, ReadOnlySpan<double> dv,
        ReadOnlySpan<double> du, double dy);

    /// <summary>As <see cref="ThroughSpan"/>, with v and u both (x, x/2 + y, x·y): their chain-rule terms add up.</summary>
    private static (Func<double, double, (double, double, double)> Gradient, Func<double, double, double, double, (double, double)> Jvp) ThroughTwoSpans(Type type, string name)
    {
        var gradient = type.GetMethod(name + "Gradient")!.CreateDelegate<TwoSpanGradient>();
        var jvp = type.GetMethod(name + "Jvp")!.CreateDelegate<TwoSpanJvp>();

        (double, double, double) Gradient(double x, double y)
        {
            var (dv, du) = (new double[3], new double[3]);
            var point = FuzzCase.SpanArgument(x, y);
            var value = gradient(point, point, y, dv, du, out var dy);
            double ByX(double[] d) => d[0] + 0.5 * d[1] + y * d[2];
            double ByY(double[] d) => d[1] + x * d[2];
            return (value, ByX(dv) + ByX(du), ByY(dv) + ByY(du) + dy);
        }

        (double, double) Jvp(double x, double y, double a, double b)
        {
            var point = FuzzCase.SpanArgument(x, y);
            double[] tangent = [a, 0.5 * a + b, y * a + x * b];
            return jvp(point, point, y, tangent, tangent, b);
        }

        return (Gradient, Jvp);
    }

    /// <summary>A <see cref="FuzzShape.Struct"/> method's gradient and Jvp at p = (x, y), through reflection (P2 is compiled with the fuzz).</summary>
    private static (Func<double, double, (double, double, double)> Gradient, Func<double, double, double, double, (double, double)> Jvp) ThroughStruct(Type type, string name)
    {
        var p2 = type.Assembly.GetType("Fuzz.P2")!;
        var (x, y) = (p2.GetProperty("X")!, p2.GetProperty("Y")!);
        object P2(double a, double b) => Activator.CreateInstance(p2, a, b)!;
        double Field(object tuple, string item) => (double)tuple.GetType().GetField(item)!.GetValue(tuple)!;
        var gradient = type.GetMethod(name + "Gradient")!;
        var jvp = type.GetMethod(name + "Jvp")!;
        return (
            (a, b) =>
            {
                var result = gradient.Invoke(null, [P2(a, b)])!;
                var dp = result.GetType().GetField("Item2")!.GetValue(result)!;
                return (Field(result, "Item1"), (double)x.GetValue(dp)!, (double)y.GetValue(dp)!);
            },
            (a, b, da, db) =>
            {
                var result = jvp.Invoke(null, [P2(a, b), P2(da, db)])!;
                return (Field(result, "Item1"), Field(result, "Item2"));
            });
    }

    internal static string Source(List<FuzzCase> cases)
    {
        var source = new StringBuilder("using System;\nusing Leibniz;\n\nnamespace Fuzz;\n\n").Append(FuzzCase.StructSource);
        foreach (var group in cases.GroupBy(c => c.Index / MethodsPerClass))
        {
            source.Append("public static partial class F").Append(group.Key).Append("\n{\n");
            foreach (var fuzz in group)
            {
                source.Append(fuzz.ToCSharp());
            }

            source.Append("}\n\n");
        }

        return source.ToString();
    }

    internal static int EnvironmentNumber(string name, int fallback) =>
        Environment.GetEnvironmentVariable(name) is { } text ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : fallback;

    private static bool Usable(double value) => double.IsFinite(value) && Math.Abs(value) < 1e8;

    private static bool Close(double expected, double actual, double scale) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= 1e-8 * (1 + Math.Abs(expected)) + 1e-13 * scale;
}
