using CsCheck;
using static Leibniz.Generator.Tests.Idioms.IdiomChecks;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>Loop headers in their equivalent spellings, each against Dual, central differences and its Jvp.</summary>
public sealed class LoopHeaderTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.2, 1.2].Array[0, 12];

    [Theory]
    [InlineData("PlusOneBelow")]
    [InlineData("BoundOnTheLeft")]
    [InlineData("NotEqualUp")]
    [InlineData("NotEqualDown")]
    [InlineData("LessOrEqualMinusOne")]
    [InlineData("MinusOneOnTheLeft")]
    [InlineData("StepTwoFromTheRight")]
    public void EquivalentBoundsDifferentiateLikeTheirCanonicalForm(string name) =>
        Gen.Select(Vectors, Gen.Double[-1.2, 1.2]).Sample((x, a) => Check("Headers", name, x, a), iter: 60);

    [Fact]
    public void ADataConditionBesideTheCounterStopsTheLoopLikeABreak() =>
        Gen.Select(Gen.Double[-2, 2].Array[1, 6], Gen.Double[-2, 2]).Sample((x, a) =>
        {
            Check("Headers", "NewtonWithCap", x, a);
            Check("Headers", "DataFirstCondition", x, a, smooth: false);
        }, iter: 60);

    [Fact]
    public void TheDataConditionIsTestedBeforeTheFirstIteration()
    {
        var f = IdiomAssembly.Generated<Func<double[], double, double>>("Headers", "DataFirstCondition");
        var gradient = IdiomAssembly.Generated<Gradient>("Headers", "DataFirstConditionGradient");
        double[] x = [2, 1, 1];
        var dx = new double[3];
        // s = 4 + a² after the first element (≥ 3 stops the loop): later elements have no influence.
        Assert.Equal(4.25, f(x, 0.5));
        Assert.Equal(4.25, gradient(x, 0.5, dx, out var da));
        Assert.Equal([4.0, 0, 0], dx);
        Assert.Equal(1.0, da);
    }
}
