using System.Text.RegularExpressions;
using Leibniz.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Samples.Tests;

/// <summary>
/// Every C# example in README.md that starts with a using directive is a complete program: it compiles, with the
/// generator, against Leibniz and Leibniz.Nn as a user's console project would (other blocks show generated code).
/// </summary>
public sealed partial class ReadmeExampleTests
{
    public static TheoryData<int> Examples() => new(Enumerable.Range(0, ProgramBlocks().Count));

    [Fact]
    public void The_README_has_an_example_for_the_generator_the_runtime_and_Nn()
    {
        var blocks = ProgramBlocks();

        Assert.Contains(blocks, b => b.Contains("[Differentiable]", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("new Tape()", StringComparison.Ordinal));
        Assert.Contains(blocks, b => b.Contains("using Leibniz.Nn;", StringComparison.Ordinal));
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_example_compiles(int index)
    {
        var source = ProgramBlocks()[index];
        var cancellation = TestContext.Current.CancellationToken;
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = new[]
        {
            CSharpSyntaxTree.ParseText(source, parseOptions, "README.cs", cancellationToken: cancellation),
            CSharpSyntaxTree.ParseText(GeneratedSourceTests.ImplicitUsings, parseOptions, "GlobalUsings.g.cs", cancellationToken: cancellation),
        };
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("ReadmeExample", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var withGenerated, out var generatorDiagnostics, cancellation);

        var errors = generatorDiagnostics.Concat(withGenerated.GetDiagnostics(cancellation))
            .Where(d => d.Severity == DiagnosticSeverity.Error)
            .Select(d => d.ToString())
            .ToList();

        Assert.True(errors.Count == 0, $"README example {index}:\n{source}\n{string.Join('\n', errors)}");
    }

    private static List<string> ProgramBlocks() =>
        CSharpBlock().Matches(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "README.md")))
            .Select(m => m.Groups["code"].Value)
            .Where(code => code.StartsWith("using ", StringComparison.Ordinal))
            .ToList();

    [GeneratedRegex(@"^```csharp\n(?<code>.*?)^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
