using CsCheck;
using static Leibniz.Generator.Tests.Idioms.IdiomChecks;

namespace Leibniz.Generator.Tests.Idioms;

/// <summary>In-place *= and /= on local arrays after their elements were read (normalisation, scaling).</summary>
public sealed class InPlaceTests
{
    private static readonly Gen<double[]> Vectors = Gen.Double[-1.2, 1.2].Array[0, 10];

    [Fact]
    public void NormalisingAndScalingInPlaceKeepTheOldElementsForTheReversePass() =>
        Gen.Select(Vectors, Gen.Double[-1.5, 1.5]).Sample((x, a) =>
        {
            Check("InPlace", "Softmax", x, a);
            Check("InPlace", "Scaled", x, a);
            Check("MoreInPlace", "ScaledTwice", x, a);
        }, iter: 80);

    [Fact]
    public void AnArrayDeclaredInTheLoopBodyIsNormalisedInPlaceInEachIteration() =>
        Gen.Select(Gen.Int[0, 4], Gen.Double[-1, 1].Array[16], Gen.Double[-1.5, 1.5]).Sample((n, pool, a) =>
            CheckSized("MoreInPlace", "NormalisedPerRow", pool[..(n * n)], a, n), iter: 60);
}
