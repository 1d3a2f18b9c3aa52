using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace Leibniz.Samples.Tests;

/// <summary>
/// Verify-style snapshots: text is compared with a checked-in <c>*.verified.cs</c>; on a mismatch the actual text is
/// written beside it as <c>*.received.cs</c> and the test fails with a line diff. Setting
/// <c>LEIBNIZ_ACCEPT_SNAPSHOTS=1</c> accepts the received text; a missing snapshot fails under CI.
/// </summary>
internal static class Snapshot
{
    public const string AcceptVariable = "LEIBNIZ_ACCEPT_SNAPSHOTS";

    public static void Verify(string verifiedPath, string actual)
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
                Assert.Fail($"New snapshot {Path.GetFileName(verifiedPath)} written: review and commit it.");
            }

            Assert.Fail($"Snapshot {verifiedPath} is missing.");
        }

        var expected = Normalize(File.ReadAllText(verifiedPath));
        if (expected == actual)
        {
            File.Delete(receivedPath);
            return;
        }

        if (accept)
        {
            File.WriteAllText(verifiedPath, actual);
            return;
        }

        File.WriteAllText(receivedPath, actual);
        Assert.Fail($"{Path.GetFileName(verifiedPath)} differs (actual in {Path.GetFileName(receivedPath)}; " +
                    $"set {AcceptVariable}=1 to accept):\n{Diff(expected, actual)}");
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
