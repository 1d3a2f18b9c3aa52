using System.Runtime.CompilerServices;
using System.Text;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Leibniz.Generator.Tests.Infrastructure;

/// <summary>
/// Verify-style snapshots: <c>{Class}.{Test}#{hint}.verified.cs</c> next to the test file. A mismatch writes
/// <c>.received.cs</c> and fails with a diff; LEIBNIZ_ACCEPT_SNAPSHOTS=1 accepts; a missing snapshot fails when CI=true.
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
        var failures = new StringBuilder();
        foreach (var (hint, source) in sources)
        {
            var stem = Path.Combine(directory, $"{testClass}.{test}#{Path.GetFileNameWithoutExtension(hint)}");
            Compare(stem, source, failures);
        }

        Assert.True(failures.Length == 0, failures.ToString());
    }

    private static void Compare(string stem, string actual, StringBuilder failures)
    {
        var verified = stem + ".verified.cs";
        var received = stem + ".received.cs";
        var accept = Environment.GetEnvironmentVariable("LEIBNIZ_ACCEPT_SNAPSHOTS") == "1";
        if (!File.Exists(verified))
        {
            if (accept || !string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                File.WriteAllText(verified, actual);
                if (!accept)
                {
                    failures.AppendLine($"New snapshot written: {verified}; review it and run again.");
                }

                return;
            }

            failures.AppendLine($"Missing snapshot {verified} (CI=true).");
            return;
        }

        var expected = File.ReadAllText(verified).Replace("\r\n", "\n");
        if (expected == actual)
        {
            File.Delete(received);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verified, actual);
            return;
        }

        File.WriteAllText(received, actual);
        failures.AppendLine($"Snapshot mismatch: {verified} (actual text in {Path.GetFileName(received)}; LEIBNIZ_ACCEPT_SNAPSHOTS=1 accepts):");
        var diff = InlineDiffBuilder.Diff(expected, actual);
        foreach (var line in diff.Lines.Where(l => l.Type != ChangeType.Unchanged).Take(40))
        {
            failures.AppendLine((line.Type == ChangeType.Inserted ? "+ " : "- ") + line.Text);
        }
    }
}
