using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace Leibniz.Benchmarks.Generator;

/// <summary>
/// What a keystroke inside an <c>[Differentiable(Order = 2)]</c> method with loops costs the IDE: the generator
/// rebuilds that method's gradient, Jvp and forward-over-reverse Hvp. One file with a nested loop and a local array
/// (the kinds whose second-order programs carry the most), edited inside the nested loop; the Generator parameter
/// compares with another commit's generator (LEIBNIZ_BASELINE_GENERATOR), as in <see cref="IncrementalGeneratorBenchmarks"/>.
/// </summary>
public class SecondOrderEditBenchmarks
{
    private const string Source = """
        using System;
        using Leibniz;

        public static partial class Objectives
        {
            [Differentiable(Order = 2)]
            public static double Nested(ReadOnlySpan<double> x)
            {
                var total = 0.0;
                for (int i = 0; i < x.Length; i++)
                {
                    var p = 1.0;
                    for (int j = 0; j <= i; j++)
                    {
                        p *= 1 + 0.5 * Math.Sin(x[j] * x[i]);
                    }

                    total += p * x[i];
                }

                return total;
            }

            [Differentiable(Order = 2)]
            public static double Smooth(ReadOnlySpan<double> x, double s)
            {
                Span<double> z = stackalloc double[x.Length];
                var previous = 0.0;
                for (int i = 0; i < x.Length; i++)
                {
                    previous = Math.Tanh(s * previous + x[i]);
                    z[i] = previous;
                }

                var total = 0.0;
                foreach (var v in z)
                {
                    total += v * v * s;
                }

                return total;
            }
        }
        """;

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
        if (generated.Exception is not null || generated.GeneratedSources.Length != 2 || generated.Diagnostics.Length > 0)
        {
            throw new InvalidOperationException($"The {Generator} generator produced {generated.GeneratedSources.Length} files: {generated.Exception}");
        }
    }

    [Benchmark]
    public int EditInsideASecondOrderLoop()
    {
        var text = Source.Replace("1 + 0.5 * Math.Sin", $"1 + {++_edits}.5 * Math.Sin", StringComparison.Ordinal);
        return _warm.RunGenerators(_compilation.ReplaceSyntaxTree(_tree, _tree.WithChangedText(SourceText.From(text)))).GetRunResult().GeneratedTrees.Length;
    }
}
