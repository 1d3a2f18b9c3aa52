using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Leibniz.Benchmarks.Generator;

/// <summary>
/// What a keystroke inside an <c>[Differentiable(Order = 2)]</c> method with loops costs the IDE: the generator
/// rebuilds the gradient, Jvp and forward-over-reverse Hvp of the methods in the edited file. The file is the
/// tests' SecondOrderLoopFunctions (21 second-order methods: taped, nested, while and fused loops, local arrays,
/// calls), edited inside the nested loop of <c>Nested</c>; the Generator parameter compares with another commit's
/// generator (LEIBNIZ_BASELINE_GENERATOR), as in <see cref="IncrementalGeneratorBenchmarks"/>.
/// </summary>
public class SecondOrderEditBenchmarks
{
    /// <summary>The shared test methods (tests/Shared/SecondOrderLoopFunctions.cs), embedded as text.</summary>
    private static readonly string Source = ReadSource();


    private SyntaxTree _tree = null!;
    private CSharpCompilation _compilation = null!;
    private GeneratorDriver _warm = null!;
    private int _edits;

    /// <summary>"current" (this commit) or "baseline" (LEIBNIZ_BASELINE_GENERATOR).</summary>
    [ParamsSource(nameof(Generators))]
    public string Generator { get; set; } = "current";

    public static IEnumerable<string> Generators() => GeneratorUnderTest.Names();

    [GlobalSetup]
    public void Setup()
    {
        _tree = CSharpSyntaxTree.ParseText(Source, GeneratorUnderTest.ParseOptions, path: "Objectives.cs");
        _compilation = CSharpCompilation.Create("SecondOrder", [_tree], GeneratorUnderTest.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        _warm = GeneratorUnderTest.Driver(Generator).RunGenerators(_compilation);
        var generated = _warm.GetRunResult().Results.Single();
        if (generated.Exception is not null || generated.GeneratedSources.Length != Source.Split('\n').Count(line => line.TrimStart().StartsWith("[Differentiable", StringComparison.Ordinal)) || generated.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException($"The {Generator} generator produced {generated.GeneratedSources.Length} files: {generated.Exception}");
        }
    }

    [Benchmark]
    public int EditInsideASecondOrderLoop()
    {
        var text = Source.Replace("p *= 1 + 0.5 * Math.Sin", $"p *= 1 + {++_edits}.5 * Math.Sin", StringComparison.Ordinal);
        return _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_tree, _tree.WithChangedText(SourceText.From(text)))).GetRunResult().GeneratedTrees.Length;
    }

    private static string ReadSource()
    {
        using var stream = typeof(SecondOrderEditBenchmarks).Assembly.GetManifestResourceStream("SecondOrderLoopFunctions.cs")
            ?? throw new InvalidOperationException("The embedded resource SecondOrderLoopFunctions.cs is missing.");
        using var reader = new StreamReader(stream);

        // The test project's implicit usings.
        return "using System;\n" + reader.ReadToEnd();
    }
}
