using System.Runtime.CompilerServices;
using Leibniz.Testing;

namespace Leibniz.Generator.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots of a generator run: one <c>{Class}.{Test}#{hint}.verified.cs</c> per generated file, next
/// to the test file, compared by the shared <see cref="Testing.Snapshot"/> helper.
/// </summary>
internal static class Snapshot
{
    public static void Verify(GeneratorRun run, [CallerFilePath] string testFile = "", [CallerMemberName] string test = "")
    {
        var errors = run.CompileErrors;
        Assert.True(errors.Count == 0, "Generated code does not compile:\n" + string.Join("\n", errors.Take(10)));
        Assert.Empty(run.GeneratorDiagnostics);
        var sources = run.Sources.ToList();
        Assert.NotEmpty(sources);
        var directory = Path.GetDirectoryName(testFile)!;
        var testClass = Path.GetFileNameWithoutExtension(testFile);
        var problems = sources
            .Select(s => Testing.Snapshot.Compare(
                Path.Combine(directory, $"{testClass}.{test}#{Path.GetFileNameWithoutExtension(s.HintName)}.verified.cs"),
                s.Source))
            .OfType<string>()
            .ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
