namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// No allocation per call once the pool is warm, for gradients and Jvps that call span helpers with scratch buffers
/// on the stack and rented from the pool. It runs alone: tests running in parallel share <c>ArrayPool.Shared</c>
/// and can take the rented arrays this thread returned, which makes the next rent allocate.
/// </summary>
[Collection(nameof(ArrayCallAllocationTests))]
[CollectionDefinition(nameof(ArrayCallAllocationTests), DisableParallelization = true)]
public sealed class ArrayCallAllocationTests
{
    [Fact]
    public void ArrayCallsDoNotAllocate()
    {
        var small = Enumerable.Range(0, 50).Select(i => Math.Cos(i)).ToArray();
        var large = Enumerable.Range(0, 3000).Select(i => Math.Sin(i)).ToArray();
        var (dSmall, dLarge) = (new double[small.Length], new double[large.Length]);
        Allocations.AssertNoneAfterWarmUp(() => Run(small, large, dSmall, dLarge), repetitions: 100);
    }

    private static double Run(double[] small, double[] large, double[] dSmall, double[] dLarge) =>
        ArrayCallFunctions.LossGradient(small.AsSpan(0, 5), 0.1, small, large, 40, dSmall.AsSpan(0, 5), out var dbias) + dbias
        + ArrayCallFunctions.LossGradient(large, 0.1, small, large, 3, dLarge, out _)
        + ArrayCallFunctions.LossJvp(large, 0.1, small, large, 3, large, 1).Tangent
        + ArrayCallFunctions.RecurrenceGradient(small, 0.2, 30, dSmall, out _)
        + ArrayCallFunctions.CentredEnergyGradient(small, 0.7, dSmall, out _) + ArrayCallFunctions.CentredEnergyGradient(large, 0.7, dLarge, out _)
        + ArrayCallFunctions.CentredEnergyJvp(large, 0.7, large, 1).Tangent
        + ArrayCallFunctions.AgainstDataGradient(large, large, 0.1, dLarge, out _) + ArrayCallFunctions.AgainstDataJvp(large, large, 0.1, large, 1).Tangent
        + ArrayCallFunctions.NestedGradient(large, 0.3, 3, dLarge, out _) + ArrayCallFunctions.SumOfPredictionsGradient(small, large, dSmall);
}
