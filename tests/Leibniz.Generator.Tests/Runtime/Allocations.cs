namespace Leibniz.Generator.Tests.Runtime;

/// <summary>The zero-allocation check the runtime tests share.</summary>
internal static class Allocations
{
    private const int Trials = 3;

    /// <summary>
    /// Runs <paramref name="run"/> once to warm up (JIT, array pools), then <paramref name="repetitions"/> times more,
    /// and asserts that those allocated nothing on this thread and that their results are finite.
    /// </summary>
    /// <remarks>
    /// Generated code rents its scratch arrays from <see cref="System.Buffers.ArrayPool{T}.Shared"/>, which gives its
    /// arrays back to the GC when a gen-2 collection finds memory pressure; tests running in parallel can cause one in the
    /// middle of a measurement, and the next rent then allocates once. So the measurement is repeated up to three times:
    /// an allocation made by the code itself shows in every trial.
    /// </remarks>
    public static void AssertNoneAfterWarmUp(Func<double> run, int repetitions)
    {
        var sink = run();
        var fewest = long.MaxValue;
        for (var trial = 0; trial < Trials && fewest > 0; trial++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var k = 0; k < repetitions; k++)
            {
                sink += run();
            }

            fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        Assert.Equal(0, fewest);
        Assert.True(double.IsFinite(sink), $"the results summed to {sink}");
    }

    /// <summary>
    /// Runs <paramref name="run"/> for <paramref name="warmUp"/> iterations, long enough for the tiered JIT to settle (its
    /// transitions must not fall inside the measured window), then for <paramref name="measured"/> iterations, and asserts
    /// that those allocated nothing on this thread and that their result is finite.
    /// </summary>
    public static void AssertNoneOnceTheJitSettles(Func<int, double> run, int warmUp, int measured)
    {
        run(warmUp);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sink = run(measured);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"{allocated} bytes allocated");
        Assert.True(double.IsFinite(sink));
    }
}
