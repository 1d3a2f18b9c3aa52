using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Leibniz.Testing;

/// <summary>
/// Verify-style snapshots: text is compared with a checked-in <c>*.verified.cs</c>; on a mismatch the actual text is
/// written beside it as <c>*.received.cs</c> and the test fails with a line diff. Setting
/// <c>LEIBNIZ_ACCEPT_SNAPSHOTS=1</c> accepts the received text; a missing snapshot fails under CI.
/// </summary>
internal static class Snapshot
{
    private const string AcceptVariable = "LEIBNIZ_ACCEPT_SNAPSHOTS";

    /// <summary>Compares one snapshot; returns null when it matches, else what is wrong (files are written as for Verify).</summary>
    public static string? Compare(string verifiedPath, string actual)
    {
        actual = Normalize(actual);
        var receivedPath = verifiedPath.Replace(".verified.", ".received.", StringComparison.Ordinal);
        var accept = Environment.GetEnvironmentVariable(AcceptVariable) == "1";
        if (!File.Exists(verifiedPath))
        {
            if (accept || Environment.GetEnvironmentVariable("CI") is null)
            {
                Directory.CreateDirectory(Path.GetDirectoryName(verifiedPath)!);
                File.WriteAllText(verifiedPath, actual);
                return $"New snapshot {Path.GetFileName(verifiedPath)} written: review and commit it.";
            }

            return $"Snapshot {verifiedPath} is missing.";
        }

        var expected = Normalize(File.ReadAllText(verifiedPath));
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return null;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            return null;
        }

        File.WriteAllText(receivedPath, actual);
        return $"{Path.GetFileName(verifiedPath)} differs (actual in {Path.GetFileName(receivedPath)}; " +
               $"set {AcceptVariable}=1 to accept):\n{Diff(expected, actual)}";
    }

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    private static string Diff(string expected, string actual)
    {
        var model = InlineDiffBuilder.Diff(expected, actual);
        var lines = model.Lines
            .Where(l => l.Type is ChangeType.Inserted or ChangeType.Deleted)
            .Take(40)
            .Select(l => (l.Type == ChangeType.Inserted ? "+ " : "- ") + l.Text);
        return string.Join('\n', lines);
    }
}
