namespace Leibniz.Samples.Tests;

/// <summary>Runs a sample in-process in quick mode, with plain text output and a fresh output folder.</summary>
internal static class SampleRun
{
    public static (T Result, string Output, SampleContext Context) Quick<T>(Func<SampleContext, T> sample,
        IReadOnlyDictionary<string, string>? values = null, int seed = SampleOptions.DefaultSeed)
    {
        var folder = Path.Combine(Path.GetTempPath(), "leibniz-samples-tests", Guid.NewGuid().ToString("N"));
        var writer = new StringWriter();
        var context = new SampleContext(SampleOptions.Create(folder, seed, quick: true, values),
            SampleConsole.ForWriter(writer));
        var result = sample(context);
        foreach (var file in context.WrittenFiles)
        {
            Assert.True(new FileInfo(file).Length > 1000, $"{file} should be a real picture.");
        }

        return (result, writer.ToString(), context);
    }
}
