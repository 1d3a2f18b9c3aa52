using Leibniz.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Tests.Fuzz;

/// <summary>
/// Code being typed: seeds cut, spliced and unbalanced at random, run through the driver in batches of files (so
/// partial classes meet across files). The generator must never throw: an exception is CS8785 and the IDE loses
/// every generated file until the code parses again.
/// </summary>
public sealed class MutilatedSourceTests
{
    private const int Batches = 50;
    private const int FilesPerBatch = 40;

    private static readonly string[] Seeds =
    [
        """
        using System;
        using Leibniz;
        namespace N;
        public static partial class Functions
        {
            [Differentiable]
            public static double F(double x, double y) => Math.Sin(x) * y + Math.Pow(x, y);

            [Differentiable(Order = 2)]
            public static double G(double x) { var s = 0.0; if (x > 0) { s = Math.Exp(x); } else { s = x * x; } return s; }
        }
        """,
        """
        using System;
        using Leibniz;
        public static partial class Shared
        {
            [Differentiable]
            public static double Sum(ReadOnlySpan<double> v) { var s = 0.0; for (var i = 0; i < v.Length; i++) { s += v[i] * v[i]; } return s; }

            [Differentiable]
            public static double Caller(double[] v, double w) => Sum(v) * w;
        }
        """,
        """
        using System;
        using System.Numerics;
        using Leibniz;
        public static partial class Größe<TOuter>
        {
            public static partial class Ünïcode
            {
                [Differentiable]
                public static double Ω(double α, double β) => double.Hypot(α, β) + Math.Tanh(α);

                [Differentiable]
                public static T Generic<T>(T x) where T : IFloatingPointIeee754<T> => T.Exp(x) * x;
            }
        }
        """,
        """
        using System;
        using Leibniz;
        var a = 1.0;
        Console.WriteLine(Local(a));
        [Differentiable]
        static double Local(double x) => x * x;
        public static partial class AfterTopLevel
        {
            [Differentiable]
            public static double H(double x)
            {
                [Differentiable]
                double Inner(double y) => y * 2;
        #if DEBUG
                return Inner(x);
        #else
                return x;
        #endif
            }
        }
        """,
    ];

    private static readonly string[] Splices =
    [
        "{", "}", "}}", "(", ")", ";", "[Differentiable]", "[Differentiable(Order = 2)]", "\n#if DEBUG\n", "\n#endif\n", "\n#else\n",
        "static double L(double x) => x;", "x +", "Math.", "double.", "<", "T>", "global::", "\"", "/*", "=>", "return", "public static partial class Z {",
        "[Differentiable] public static double Q(double q) => q", "Ω", "f(", "new[] { x, ", "for (var i = 0; i <", "=> y * ",
    ];

    [Fact]
    public void ThousandsOfMutilatedSourcesNeverThrowAndNeverReportCS8785()
    {
        var random = new Random(20261206);
        for (var batch = 0; batch < Batches; batch++)
        {
            var sources = Enumerable.Range(0, FilesPerBatch).Select(_ => Mutilate(Seeds[random.Next(Seeds.Length)], random)).ToArray();
            var compilation = GeneratorHarness.Compilation(sources);
            GeneratorDriver driver = CSharpGeneratorDriver.Create([new DifferentiableGenerator().AsSourceGenerator()], parseOptions: GeneratorHarness.ParseOptions);

            driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics, TestContext.Current.CancellationToken);

            var result = driver.GetRunResult().Results.Single();
            Assert.True(result.Exception is null, $"Batch {batch}: {result.Exception}");
            var failures = diagnostics.Where(d => d.Id is "CS8785" or "LZ0009").ToList();
            Assert.True(failures.Count == 0, $"Batch {batch}: {string.Join("\n", failures)}\n---\n{string.Join("\n---\n", sources)}");
        }
    }

    [Fact]
    public void DifferentiableOnALocalFunctionOrInTopLevelStatementsIsReported()
    {
        var run = GeneratorHarness.Run(Seeds[3]);

        var reported = run.GeneratorDiagnostics.Where(d => d.Id == "LZ0010").Select(d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Contains(reported, m => m.Contains("'Local'", StringComparison.Ordinal) && m.Contains("top-level statements", StringComparison.Ordinal));
        Assert.Contains(reported, m => m.Contains("'Inner'", StringComparison.Ordinal) && m.Contains("a local function;", StringComparison.Ordinal));
    }

    private static string Mutilate(string seed, Random random)
    {
        var text = seed;
        for (var edits = random.Next(1, 4); edits > 0 && text.Length > 0; edits--)
        {
            var at = random.Next(text.Length);
            var from = random.Next(text.Length);
            text = random.Next(5) switch
            {
                0 => text.Remove(at, Math.Min(random.Next(1, 25), text.Length - at)),
                1 => text[..at],
                2 => text.Insert(at, Splices[random.Next(Splices.Length)]),
                3 => text.Insert(at, text.Substring(from, Math.Min(30, text.Length - from))),
                _ => text.Replace("Functions", "functions", StringComparison.Ordinal).Replace("{\n    [Differentiable]", "{\n    " + Splices[random.Next(Splices.Length)] + "\n    [Differentiable]", StringComparison.Ordinal),
            };
        }

        return text;
    }
}
