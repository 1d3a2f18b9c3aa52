using Leibniz.Generator.Tests.Infrastructure;
using Leibniz.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Tests.Pipeline;

public sealed class IncrementalCachingTests
{
    private const string Functions = """
        using System;
        using Leibniz;

        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x, double y) => Math.Sin(x) * y;

            [Differentiable]
            public static double G(double x) => x > 0 ? F(x, x) : Math.Exp(x);

            [Differentiable]
            public static double Warn(double x) => 1.0;
        }
        """;

    private const string Unrelated = """
        public static class Unrelated
        {
            public static int Answer() => 42;
        }
        """;

    [Fact]
    public void UnrelatedEditLeavesEveryStepCachedOrUnchanged()
    {
        var compilation = GeneratorHarness.Compilation(Functions, Unrelated);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        var first = driver.GetRunResult().Results.Single();
        Assert.Equal(3, first.GeneratedSources.Length);

        var unrelatedTree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(unrelatedTree, unrelatedTree.WithChangedText(
            Microsoft.CodeAnalysis.Text.SourceText.From(Unrelated.Replace("42", "43", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        var second = driver.GetRunResult().Results.Single();

        foreach (var step in new[] { "Parse", "Models", "Derivatives", "Diagnostics", "Sources" })
        {
            var outputs = second.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.NotEmpty(outputs);
            Assert.All(outputs, o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {o.Reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(s => s.Outputs),
            o => Assert.Equal(IncrementalStepRunReason.Cached, o.Reason));
    }

    [Fact]
    public void AnEditInsideOneMethodRegeneratesThatMethodOnly()
    {
        var files = ChainProject.Files(files: 6, methodsPerFile: 4);
        var compilation = GeneratorHarness.Compilation(files);
        GeneratorDriver driver = CSharpGeneratorDriver.Create(
            [new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: GeneratorHarness.ParseOptions,
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Equal(24, driver.GetRunResult().Results.Single().GeneratedSources.Length);

        var tree = compilation.SyntaxTrees.ElementAt(3);
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(
            files[3].Replace(ChainProject.Body(1), ChainProject.Body(1).Replace("Math.Sin(x)", "Math.Cos(x)", StringComparison.Ordinal), StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);
        var second = driver.GetRunResult().Results.Single();

        foreach (var step in new[] { "Derivatives", "Sources" })
        {
            var outputs = second.TrackedSteps[step].SelectMany(s => s.Outputs).ToList();
            Assert.Equal(24, outputs.Count);
            Assert.Single(outputs, o => o.Reason == IncrementalStepRunReason.Modified);
            Assert.All(outputs.Where(o => o.Reason != IncrementalStepRunReason.Modified),
                o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
        }
        Assert.All(second.TrackedSteps["CallGraph"].SelectMany(s => s.Outputs), o => Assert.True(o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, o.Reason.ToString()));
    }

    [Fact]
    public void ADeclarationChangeInAnotherFileReachesAMethodWhoseTextDidNotChange()
    {
        const string caller = "using Leibniz; public static partial class A { [Differentiable] public static double F(double x) => B.G(x) * x; }";
        const string callee = "using Leibniz; public static partial class B { [Differentiable] public static double G(double x) => x * x; }";
        var compilation = GeneratorHarness.Compilation(caller, callee);
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);
        driver = driver.RunGenerators(compilation, TestContext.Current.CancellationToken);
        Assert.Equal(2, driver.GetRunResult().GeneratedTrees.Length);

        var tree = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From(callee.Replace("[Differentiable] ", "", StringComparison.Ordinal))));
        driver = driver.RunGenerators(edited, TestContext.Current.CancellationToken);

        var result = driver.GetRunResult();
        Assert.Empty(result.GeneratedTrees);
        Assert.Equal("LZ0002", Assert.Single(result.Diagnostics).Id);
    }

    [Fact]
    public void PipelineValuesHoldNoRoslynObjects()
    {
        var run = GeneratorHarness.Run(Functions);
        var ours = new[] { "Parse", "Models", "Derivatives", "Diagnostics", "Sources" };
        var values = run.Result.Results.Single().TrackedSteps
            .Where(step => ours.Contains(step.Key))
            .SelectMany(step => step.Value)
            .SelectMany(step => step.Outputs)
            .Select(output => output.Value);
        foreach (var value in values)
        {
            Assert.DoesNotContain("Microsoft.CodeAnalysis", value.GetType().FullName, StringComparison.Ordinal);
            var forbidden = value.GetType().GetProperties().Where(p => typeof(ISymbol).IsAssignableFrom(p.PropertyType)
                || typeof(SyntaxNode).IsAssignableFrom(p.PropertyType) || typeof(Compilation).IsAssignableFrom(p.PropertyType)
                || typeof(Location).IsAssignableFrom(p.PropertyType) || typeof(SemanticModel).IsAssignableFrom(p.PropertyType));
            Assert.Empty(forbidden);
        }
    }
}
