using Leibniz.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Tests;

public sealed class GeneratorSmokeTests
{
    [Fact]
    public void CompilationWithoutDifferentiableMethodsGeneratesNothing()
    {
        var compilation = CSharpCompilation.Create(
            "Empty",
            [CSharpSyntaxTree.ParseText("public static class C { public static double F(double x) => x; }", cancellationToken: TestContext.Current.CancellationToken)],
            Basic.Reference.Assemblies.Net100.References.All,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var driver = CSharpGeneratorDriver.Create(new DifferentiableGenerator()).RunGenerators(compilation, TestContext.Current.CancellationToken);
        var result = driver.GetRunResult();
        Assert.Empty(result.GeneratedTrees);
        Assert.Empty(result.Diagnostics);
    }
}
