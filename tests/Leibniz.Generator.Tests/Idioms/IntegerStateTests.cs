using CsCheck;
using static Leibniz.Generator.Tests.Idioms.IdiomChecks;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>Integer locals that change inside loops: counters, running indices, iteration caps.</summary>
public sealed class IntegerStateTests
{
    [Fact]
    public void ACounterUnderABranchDividesTheSum() =>
        Gen.Select(Gen.Double[0.05, 1.5].Array[0, 10], Gen.Bool.Array[10], Gen.Double[-2, 2]).Sample((magnitudes, signs, a) =>
        {
            var x = magnitudes.Select((v, i) => signs[i] ? v : -v).ToArray();
            Check("Integers", "MeanOfPositives", x, a);
        }, iter: 80);

    [Fact]
    public void ARunningIndexWalksAPackedTriangle() =>
        Gen.Select(Gen.Int[0, 6], Gen.Double[-1, 1].Array[21], Gen.Double[-2, 2]).Sample((n, pool, a) =>
        {
            CheckSized("Integers", "PackedTriangle", pool[..(n * (n + 1) / 2)], a, n);
            CheckSized("Integers", "Strided", pool[..(n + 2)], a, n);
        }, iter: 60);

    [Fact]
    public void AnIterationCapInAWhileLoopAndAStepCounterInARecurrence() =>
        Gen.Select(Gen.Double[-2, 2].Array[1, 8], Gen.Double[-2, 2]).Sample((x, a) =>
        {
            Check("Integers", "HeronWithCap", x, a);
            Check("Integers", "CountedRecurrence", x, a, smooth: false);
        }, iter: 60);

    [Fact]
    public void ACounterUsedAsAStoreIndexAndAsALoopBound() =>
        Gen.Select(Gen.Double[-1.5, 1.5].Array[0, 10], Gen.Double[-1, 1]).Sample((x, a) =>
            Check("MoreIntegers", "Compact", x.Where(v => Math.Abs(v - a) > 0.01).ToArray(), a), iter: 80);

    [Fact]
    public void ARunningIndexAdvancedInBothBranchesIsCarriedThroughTheTriangle() =>
        Gen.Select(Gen.Int[0, 6], Gen.Double[-1, 1].Array[21], Gen.Double[-2, 2]).Sample((n, pool, a) =>
            CheckSized("MoreIntegers", "AdvancedInBothBranches", pool[..(n * (n + 1) / 2)].Select(v => Math.Abs(v) < 0.01 ? 0.5 : v).ToArray(), a, n), iter: 60);

    [Fact]
    public void TheCounterReachesItsCap()
    {
        var gradient = IdiomAssembly.Generated<Gradient>("Integers", "HeronWithCapGradient");
        var dx = new double[1];
        var value = gradient([3], 0, dx, out _);
        Assert.Equal(Math.Sqrt(10), value, 12);
        Assert.Equal(3 / Math.Sqrt(10), dx[0], 9);
    }
}
