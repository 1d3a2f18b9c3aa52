using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.Loader;
using Leibniz.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Benchmarks.Generator;

/// <summary>
/// The generator an IDE-cost benchmark runs: "current" (this commit) or "baseline", the Leibniz.Generator.dll of
/// another commit named by LEIBNIZ_BASELINE_GENERATOR, loaded in its own context.
/// </summary>
internal static class GeneratorUnderTest
{
    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.Latest);

    public static readonly ImmutableArray<MetadataReference> References =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location)];

    /// <summary>The values of a benchmark's Generator parameter: "current", and "baseline" when one is given.</summary>
    public static IEnumerable<string> Names() =>
        Environment.GetEnvironmentVariable("LEIBNIZ_BASELINE_GENERATOR") is { Length: > 0 } ? ["baseline", "current"] : ["current"];

    /// <summary>A driver with step tracking on, as an IDE runs it.</summary>
    public static GeneratorDriver Driver(string name) => CSharpGeneratorDriver.Create(
        [Load(name).AsSourceGenerator()],
        parseOptions: ParseOptions,
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));

    private static IIncrementalGenerator Load(string name) => name == "current"
        ? new DifferentiableGenerator()
        : (IIncrementalGenerator)Activator.CreateInstance(Baseline.Value.GetType("Leibniz.Generator.DifferentiableGenerator", throwOnError: true)!)!;

    private static readonly Lazy<Assembly> Baseline = new(() =>
        new AssemblyLoadContext("baseline generator").LoadFromAssemblyPath(Path.GetFullPath(Environment.GetEnvironmentVariable("LEIBNIZ_BASELINE_GENERATOR")!)));
}
