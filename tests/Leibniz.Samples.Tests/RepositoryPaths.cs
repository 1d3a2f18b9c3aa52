namespace Leibniz.Samples.Tests;

internal static class RepositoryPaths
{
    public static string Root { get; } = FindRoot();

    public static string SnapshotDirectory => Path.Combine(Root, "tests", "Leibniz.Samples.Tests", "Snapshots");

    public static IEnumerable<string> SourceFiles(string sample) =>
        Directory.EnumerateFiles(Path.Combine(Root, "samples", sample), "*.cs", SearchOption.AllDirectories)
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}", StringComparison.Ordinal)
                           && !path.Contains($"{Path.DirectorySeparatorChar}out{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal);

    public static IEnumerable<string> SamplesWithDifferentiableMethods() =>
        Directory.EnumerateDirectories(Path.Combine(Root, "samples"))
            .Select(Path.GetFileName)
            .OfType<string>()
            .Where(name => SourceFiles(name).Any(path => File.ReadAllText(path).Contains("[Differentiable]", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leibniz.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"No Leibniz.slnx above {AppContext.BaseDirectory}.");
    }
}
