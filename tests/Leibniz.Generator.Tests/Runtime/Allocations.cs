namespace Leibniz.Generator.Tests.Runtime;

/// <summary>The zero-allocation check the runtime tests share.</summary>
internal static class Allocations
{
    /// <summary>
    /// Runs <paramref name="run"/> once to warm up (JIT, array pools), then <paramref name="repetitions"/> times more,
    /// and asserts that those allocated nothing on this thread and that their results are finite.
    /// </summary>
    public static void AssertNoneAfterWarmUp(Func<double> run, int repetitions)
    {
        var sink = run();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var k = 0; k < repetitions; k++)
        {
            sink += run();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sink), $"the results summed to {sink}");
    }
}
