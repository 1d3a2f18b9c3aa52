using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>
/// The random methods of <see cref="DifferentialFuzzTests"/> (every shape with two scalar parameters) marked
/// <c>[Differentiable(Order = 2)]</c>: the generated Hvp against Richardson-extrapolated central differences of the
/// <see cref="Dual"/> gradient (independent of the generated code), the Hvp's own gradient against the generated
/// gradient, and the generated Hessian against the Hvp and its symmetry.
/// </summary>
public sealed class SecondOrderFuzzTests(ITestOutputHelper output)
{
    private static readonly int Methods = DifferentialFuzzTests.EnvironmentNumber("LEIBNIZ_FUZZ2_METHODS", 180);
    private const int PointsPerMethod = 8;
    private const double Step = 1e-3;

    private static readonly FuzzShape[] Shapes =
    [
        FuzzShape.Expression, FuzzShape.IfElse, FuzzShape.NestedWithEarlyReturn, FuzzShape.Loop, FuzzShape.LocalArray,
        FuzzShape.Accumulator,
    ];

    private delegate (double Value, double Dx, double Dy, double Hvx, double Hvy) Hvp(double x, double y, double vx, double vy);

    private delegate (double Value, double Dx, double Dy, double Dxdx, double Dxdy, double Dydy) Hessian(double x, double y);

    [Fact]
    public void GeneratedHvpsAndHessiansAgreeWithDifferencesOfTheDualGradient()
    {
        var seed = DifferentialFuzzTests.EnvironmentNumber("LEIBNIZ_FUZZ_SEED", 20261126);
        var generator = new ExprGenerator(seed);
        var random = new Random(seed);
        var cases = Enumerable.Range(0, Methods)
            .Select(i => new FuzzCase(i, Shapes[i % Shapes.Length], generator.Next(4), generator.Next(3), generator.Next(3)))
            .ToList();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var source = DifferentialFuzzTests.Source(cases).Replace("[Differentiable]", "[Differentiable(Order = 2)]", StringComparison.Ordinal);
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(Microsoft.CodeAnalysis.NullableContextOptions.Disable, source));
        var assembly = run.Load();

        var (compared, skipped) = (0, 0);
        var failures = new List<string>();
        foreach (var fuzz in cases)
        {
            var type = assembly.GetType("Fuzz.F" + (fuzz.Index / 250))!;
            var gradient = type.GetMethod(fuzz.Name + "Gradient")!.CreateDelegate<Func<double, double, (double, double, double)>>();
            var hvp = type.GetMethod(fuzz.Name + "Hvp")!.CreateDelegate<Hvp>();
            var hessian = type.GetMethod(fuzz.Name + "Hessian")!.CreateDelegate<Hessian>();
            for (var p = 0; p < PointsPerMethod; p++)
            {
                var (x, y) = (random.NextDouble() * 4 - 2, random.NextDouble() * 4 - 2);
                var (vx, vy) = (random.NextDouble() * 2 - 1, random.NextDouble() * 2 - 1);
                if (ReferenceProduct(fuzz, x, y, vx, vy) is not { } expected)
                {
                    skipped++;
                    continue;
                }

                compared++;
                var (value, dx, dy) = gradient(x, y);
                var product = hvp(x, y, vx, vy);
                var h = hessian(x, y);
                var scale = Math.Abs(value) + Math.Abs(dx) + Math.Abs(dy);
                var agrees = Close(value, product.Value, 1e-13, 0) && Close(dx, product.Dx, 1e-12, 1e-13 * scale)
                    && Close(dy, product.Dy, 1e-12, 1e-13 * scale) && Close(value, h.Value, 1e-13, 0)
                    && Close(expected.X, product.Hvx, 1e-5, 1e-7 * scale) && Close(expected.Y, product.Hvy, 1e-5, 1e-7 * scale)
                    && Close(product.Hvx, h.Dxdx * vx + h.Dxdy * vy, 1e-10, 1e-12 * scale)
                    && Close(product.Hvy, h.Dxdy * vx + h.Dydy * vy, 1e-10, 1e-12 * scale);
                if (!agrees)
                {
                    failures.Add($"{fuzz.Name}({x:R}, {y:R}) along ({vx:R}, {vy:R}): differences ({expected.X:R}, {expected.Y:R}), "
                        + $"Hvp {product}, Hessian {h}, gradient ({value:R}, {dx:R}, {dy:R})\n{fuzz.ToCSharp()}");
                }
            }
        }

        output.WriteLine($"Second-order fuzz seed {seed}: {Methods} methods, {compared} points compared, {skipped} skipped "
            + $"(not smooth within the difference step, or not finite), {failures.Count} mismatches, {clock.Elapsed.TotalSeconds:F1} s.");
        Assert.True(compared > Methods * PointsPerMethod / 2, $"Only {compared} comparable points ({skipped} skipped).");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(5)));
    }

    /// <summary>
    /// H·v as the derivative of the Dual gradient along v: central differences at steps h and h/2, Richardson
    /// extrapolated (error O(h⁴)); null where the two steps disagree, i.e. a kink or branch lies within reach.
    /// </summary>
    private static (double X, double Y)? ReferenceProduct(FuzzCase fuzz, double x, double y, double vx, double vy)
    {
        var (coarseX, coarseY) = Difference(fuzz, x, y, vx, vy, Step);
        var (fineX, fineY) = Difference(fuzz, x, y, vx, vy, Step / 2);
        var (gx, gy) = Gradient(fuzz, x, y);
        if (!Usable(coarseX, coarseY, fineX, fineY, gx, gy, fuzz.Evaluate(new Dual(x, 0), new Dual(y, 0)).Value)
            || !Close(fineX, coarseX, 1e-3, 1e-6) || !Close(fineY, coarseY, 1e-3, 1e-6))
        {
            return null;
        }

        return ((4 * fineX - coarseX) / 3, (4 * fineY - coarseY) / 3);
    }

    private static (double X, double Y) Difference(FuzzCase fuzz, double x, double y, double vx, double vy, double h)
    {
        var (upX, upY) = Gradient(fuzz, x + h * vx, y + h * vy);
        var (downX, downY) = Gradient(fuzz, x - h * vx, y - h * vy);
        return ((upX - downX) / (2 * h), (upY - downY) / (2 * h));
    }

    private static (double X, double Y) Gradient(FuzzCase fuzz, double x, double y) =>
        (fuzz.Evaluate(new Dual(x, 1), new Dual(y, 0)).Tangent, fuzz.Evaluate(new Dual(x, 0), new Dual(y, 1)).Tangent);

    private static bool Usable(params double[] values) => values.All(v => double.IsFinite(v) && Math.Abs(v) < 1e6);

    private static bool Close(double expected, double actual, double relative, double absolute) =>
        expected.Equals(actual) || Math.Abs(expected - actual) <= relative * Math.Abs(expected) + absolute;
}
