using Leibniz.Generator;
using Leibniz.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Samples.Tests;

/// <summary>
/// The derivative code generated for every [Differentiable] method of the samples, snapshot-tested: the generator
/// runs in memory over each sample's sources, so what is compared is exactly what the samples compile with.
/// </summary>
public sealed class GeneratedSourceTests
{
    public static TheoryData<string> SamplesWithDifferentiableMethods() => new(RepositoryPaths.SamplesWithDifferentiableMethods());

    [Theory]
    [MemberData(nameof(SamplesWithDifferentiableMethods))]
    public void Generated_source_matches_the_snapshots(string sample)
    {
        var generated = Generate(sample);

        Assert.NotEmpty(generated);
        var problems = generated
            .Select(g => Snapshot.Compare(Path.Combine(RepositoryPaths.SnapshotDirectory, FileName(sample, g.HintName)), g.Text))
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, string.Join('\n', problems));

        var expectedFiles = Directory.GetFiles(RepositoryPaths.SnapshotDirectory, $"GeneratedSourceTests.{sample}#*.verified.cs")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal);
        var actualFiles = generated.Select(g => FileName(sample, g.HintName)).Order(StringComparer.Ordinal);
        Assert.Equal(expectedFiles, actualFiles);
    }

    // Verify's naming: {Class}.{Test}#{hint}.verified.cs, here with the sample's name as the test's parameter.
    private static string FileName(string sample, string hintName) =>
        $"GeneratedSourceTests.{sample}#{hintName.Replace(".cs", "", StringComparison.Ordinal)}.verified.cs";

    // What <ImplicitUsings>enable</ImplicitUsings> adds to a console project.
    internal const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    /// <summary>Runs the generator in memory over the given sources (with the implicit usings of the samples).</summary>
    internal static GeneratorRunResult Run(IEnumerable<(string Path, string Text)> sources)
    {
        var parseOptions = new CSharpParseOptions(LanguageVersion.Preview);
        var trees = sources
            .Select(source => CSharpSyntaxTree.ParseText(source.Text, parseOptions, source.Path))
            .Append(CSharpSyntaxTree.ParseText(ImplicitUsings, parseOptions, "GlobalUsings.g.cs"))
            .ToList();
        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!)
            .Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create("Sample", trees, references,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()],
            parseOptions: parseOptions);
        return driver.RunGenerators(compilation).GetRunResult().Results.Single();
    }

    private static List<(string HintName, string Text)> Generate(string sample)
    {
        var result = Run(RepositoryPaths.SourceFiles(sample).Select(path => (path, File.ReadAllText(path))));

        // The samples' real build compiles the result; here only the generator must be happy.
        Assert.True(result.Diagnostics.IsEmpty, string.Join('\n', result.Diagnostics));
        return result.GeneratedSources
            .Select(s => (s.HintName, s.SourceText.ToString()))
            .OrderBy(s => s.HintName, StringComparer.Ordinal)
            .ToList();
    }
}
