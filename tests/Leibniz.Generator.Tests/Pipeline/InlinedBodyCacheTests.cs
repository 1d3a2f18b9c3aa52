using Leibniz.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Tests.Pipeline;

/// <summary>A method that inlines a struct operator or helper is parsed again when that body changes (the parse cache sees it).</summary>
public sealed class InlinedBodyCacheTests
{
    private const string Vectors = """
        public readonly record struct Vec2(double X, double Y)
        {
            public static Vec2 operator -(Vec2 a, Vec2 b) => new(a.X - b.X, a.Y - b.Y);
        }

        public static class Geometry
        {
            public static double Square(Vec2 v) => v.X * v.X + v.Y * v.Y;
        }
        """;

    private const string Functions = """
        using Leibniz;

        public static partial class Functions
        {
            [Differentiable]
            public static double Gap(Vec2 a, Vec2 b) => Geometry.Square(a - b);
        }
        """;

    [Theory]
    [InlineData("a.X - b.X, a.Y - b.Y", "a.X - 2 * b.X, a.Y - b.Y")]
    [InlineData("v.X * v.X + v.Y * v.Y", "v.X * v.X + 3 * v.Y * v.Y")]
    public void EditingAnInlinedBodyChangesTheGeneratedCode(string before, string after)
    {
        var compilation = GeneratorHarness.Compilation(Vectors, Functions);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        var first = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();

        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(Vectors.Replace(before, after, StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        var second = driver.GetRunResult().Results.Single().GeneratedSources.Single().SourceText.ToString();

        Assert.NotEqual(first, second);
        Assert.Contains(after.Contains('2', StringComparison.Ordinal) ? "2.0" : "3.0", second, StringComparison.Ordinal);
    }
}
