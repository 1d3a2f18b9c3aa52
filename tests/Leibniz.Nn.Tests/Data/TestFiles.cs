namespace Leibniz.Nn.Tests.Data;

/// <summary>Finds checked-in files from the repository root, so tests need no copy-to-output rules.</summary>
internal static class TestFiles
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Leibniz.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Leibniz.slnx not found above " + AppContext.BaseDirectory);
    });

    public static string Fixture(string name) => Path.Combine(Root.Value, "tests", "Leibniz.Nn.Tests", "TestData", name);

    public static string CaliforniaHousing => Path.Combine(Root.Value, "samples", "data", "california_housing.csv");
}
