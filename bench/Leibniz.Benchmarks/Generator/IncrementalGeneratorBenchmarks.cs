using BenchmarkDotNet.Attributes;
using Leibniz.Testing;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Leibniz.Benchmarks.Generator;

/// <summary>
/// What the generator costs an IDE: a project of 200 [Differentiable] methods in 20 files, each calling the same
/// method of the previous file, run through an in-process GeneratorDriver with step tracking on. FirstRun is a fresh
/// driver on a fresh compilation; the two edits run a driver that has seen the project on a compilation with one file
/// changed (a new compilation each time, as each keystroke gives one, with text never seen before): a keystroke in a
/// plain method, and an edit inside one [Differentiable] method. The Generator parameter compares this generator with the one built from
/// another commit (LEIBNIZ_BASELINE_GENERATOR: the path of its Leibniz.Generator.dll, loaded in its own context).
/// </summary>
public class IncrementalGeneratorBenchmarks
{
    private const int Files = 20;
    private const int MethodsPerFile = 10;
    private const int EditedFile = Files / 2;

    private string[] _files = [];
    private SyntaxTree[] _trees = [];
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
        _files = ChainProject.Files(Files, MethodsPerFile);
        _trees = _files.Select((text, i) => CSharpSyntaxTree.ParseText(text, GeneratorUnderTest.ParseOptions, path: $"File{i}.cs")).ToArray();
        _compilation = NewCompilation("Chain");
        _warm = NewDriver().RunGenerators(_compilation);
        var generated = _warm.GetRunResult().Results.Single();
        if (generated.Exception is not null || generated.GeneratedSources.Length != Files * MethodsPerFile)
        {
            throw new InvalidOperationException($"The {Generator} generator produced {generated.GeneratedSources.Length} files: {generated.Exception}");
        }
    }

    /// <summary>A new driver on a new compilation of a new assembly, so nothing this process parsed before is reused.</summary>
    [Benchmark(Baseline = true)]
    public int FirstRun() => NewDriver().RunGenerators(NewCompilation("First" + ++_edits)).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int UnrelatedKeystroke() =>
        _warm.RunGenerators(Edit("public static int Plain() => 42;", $"public static int Plain() => {++_edits};")).GetRunResult().GeneratedTrees.Length;

    [Benchmark]
    public int EditInsideOneMethod() =>
        _warm.RunGenerators(Edit(ChainProject.Body(3), ChainProject.Body(3) + " * " + ++_edits + ".0")).GetRunResult().GeneratedTrees.Length;

    private CSharpCompilation Edit(string from, string to)
    {
        var tree = _trees[EditedFile];
        var text = _files[EditedFile].Replace(from, to, StringComparison.Ordinal);
        return _compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(SourceText.From(text)));
    }

    private CSharpCompilation NewCompilation(string assemblyName) =>
        CSharpCompilation.Create(assemblyName, _trees, GeneratorUnderTest.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

    private GeneratorDriver NewDriver() => GeneratorUnderTest.Driver(Generator);
}
