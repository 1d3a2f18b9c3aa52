using System.Reflection;
using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>
/// <see cref="IdiomSource"/> and its <see cref="Dual"/> twin (namespace IdiomsDual: double spelled Dual, Math spelled
/// Dual, attributes removed) in one compilation with the generator, compiled once for all tests of the class.
/// </summary>
internal static class IdiomAssembly
{
    private static readonly Lazy<(Assembly Assembly, GeneratorRun Run)> Compiled = new(() =>
    {
        var run = GeneratorHarness.Run(GeneratorHarness.Compilation(Microsoft.CodeAnalysis.NullableContextOptions.Disable, IdiomSource.Text, DualTwin(IdiomSource.Text)));
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return (run.Load(), run);
    });

    public static GeneratorRun Run => Compiled.Value.Run;

    /// <summary>The generated member <paramref name="member"/> of type Idioms.<paramref name="type"/> as a delegate.</summary>
    public static T Generated<T>(string type, string member) where T : Delegate =>
        Compiled.Value.Assembly.GetType("Idioms." + type)!.GetMethod(member)!.CreateDelegate<T>();

    /// <summary>The Dual twin of Idioms.<paramref name="type"/>.<paramref name="member"/>.</summary>
    public static T Twin<T>(string type, string member) where T : Delegate =>
        Compiled.Value.Assembly.GetType("IdiomsDual." + type)!.GetMethod(member)!.CreateDelegate<T>();

    private static string DualTwin(string source) => source
        .Replace("namespace Idioms;", "namespace IdiomsDual;", StringComparison.Ordinal)
        .Replace("[Differentiable]", "", StringComparison.Ordinal)
        .Replace("[NoDerivative] ", "", StringComparison.Ordinal)
        .Replace("double", "global::Leibniz.Dual", StringComparison.Ordinal)
        .Replace("Math.", "global::Leibniz.Dual.", StringComparison.Ordinal);
}
