using Leibniz.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

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

    [Fact]
    public void UnicodeNestedGenericAndCaseOnlyDifferentNamesAllGetSafeDistinctHints()
    {
        var source = $$"""
            using System.Numerics;
            using Leibniz;
            namespace Ñs.Physik;
            public static partial class Größe { {{Method("Ω", 1, "double")}} }
            public static partial class Outer<T>
            {
                public static partial class Inner { {{Method("F", 1, "double")}} }
                [Differentiable] public static U G<U>(U x) where U : IFloatingPointIeee754<U> => x * x;
            }
            public static partial class C { {{Method("F", 1, "double")}} {{Method("f", 1, "double")}} }
            public static partial class c { {{Method("F", 1, "double")}} }
            """;

        var run = GeneratorHarness.Run(source);

        Assert.Empty(run.GeneratorDiagnostics);
        Assert.Empty(run.CompileErrors);
        var hints = run.Sources.Select(s => s.HintName).ToList();
        Assert.Equal(6, hints.Count);
        Assert.Equal(hints.Count, hints.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.All(hints, hint => Assert.Matches(@"^[A-Za-z0-9._,(){}\[\]`+ -]+\.g\.cs$", hint));
        Assert.Contains(hints, hint => System.Text.RegularExpressions.Regex.IsMatch(hint, @"^_s\.Physik\.Gr__e\._\(double\)-[0-9a-f]{8}\.g\.cs$"));
    }

    [Fact]
    public void PartialClassesInSeveralFilesGetOneHintPerMethod()
    {
        var run = GeneratorHarness.Run(
            $"using Leibniz; public static partial class P {{ {Method("A", 1, "double")} }}",
            $"using Leibniz; public static partial class P {{ {Method("B", 1, "double")} {Method("A", 2, "double")} }}");

        Assert.Empty(run.CompileErrors);
        Assert.Equal(["P.A(double).g.cs", "P.A(double,double).g.cs", "P.B(double).g.cs"], run.Sources.Select(s => s.HintName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AMethodThatLandsInGlobalCodeWhileBracesAreUnbalancedNeverCrashesTheGenerator()
    {
        var source = $"using Leibniz; public static partial class C {{ }} }} {Method("F", 1, "double")} {Method("G", 1, "double")}";

        var run = GeneratorHarness.Run(source);

        Assert.Null(run.Result.Results.Single().Exception);
        Assert.DoesNotContain(run.GeneratorDiagnostics.Concat(run.Output.GetDiagnostics(TestContext.Current.CancellationToken)), d => d.Id is "CS8785" or "LZ0009");
    }
}
