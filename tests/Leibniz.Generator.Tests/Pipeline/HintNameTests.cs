using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Pipeline;

public sealed class HintNameTests
{
    private static string Method(string name, int parameters, string type) =>
        $"[Differentiable] public static {type} {name}({string.Join(", ", Enumerable.Range(0, parameters).Select(i => $"{type} p{i}"))}) => p0 * p{parameters - 1};";

    [Fact]
    public void HintNamesOfShortSignaturesListTheParameterTypes()
    {
        var run = GeneratorHarness.Run($"using Leibniz; namespace N; public static partial class C {{ {Method("F", 2, "double")} }}");

        Assert.Equal("N.C.F(double,double).g.cs", Assert.Single(run.Sources).HintName);
    }

    [Fact]
    public void HintNamesOfLongSignaturesStayShortStableAndDistinctPerOverload()
    {
        var source = $"using Leibniz; namespace N; public static partial class C {{ {Method("F", 50, "double")} {Method("F", 50, "float")} }}";

        var first = GeneratorHarness.Run(source).Sources.Select(s => s.HintName).Order().ToList();
        var second = GeneratorHarness.Run(source).Sources.Select(s => s.HintName).Order().ToList();

        Assert.Equal(2, first.Distinct().Count());
        Assert.Equal(first, second);
        Assert.All(first, hint =>
        {
            Assert.StartsWith("N.C.F(50 parameters, ", hint, StringComparison.Ordinal);
            Assert.True(hint.Length < 64, $"'{hint}' is {hint.Length} characters long.");
        });
    }
}
