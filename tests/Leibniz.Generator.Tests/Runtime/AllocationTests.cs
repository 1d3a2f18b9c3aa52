namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Generated derivative code allocates nothing (measured after warm-up).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void GeneratedGradientsAndJvpsDoNotAllocate()
    {
        Allocations.AssertNoneOnceTheJitSettles(Run, warmUp: 50_000, measured: 10_000);
    }

    private static double Run(int iterations)
    {
        var sink = 0.0;
        for (var i = 0; i < iterations; i++)
        {
            var x = 0.1 + (i % 17) * 0.05;
            var y = -0.3 + (i % 13) * 0.07;
            sink += Functions.RastriginGradient(x, y).dx;
            sink += Functions.PiecewiseGradient(x, y).dy;
            sink += Functions.CallerGradient(x, y).Value;
            sink += Functions.ElementaryFunctionsGradient(x, y).dx;
            sink += Functions.LogsJvp(x, y, 1, 0).Tangent;
            sink += Functions.SingleGradient((float)x, (float)y).dy;
        }

        return sink;
    }
}
