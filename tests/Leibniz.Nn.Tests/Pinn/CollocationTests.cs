using Leibniz.Nn.Pinn;

namespace Leibniz.Nn.Tests.Pinn;

public sealed class CollocationTests
{
    [Fact]
    public void SobolStartsLikeSciPysUnscrambledSequence()
    {
        var points = Collocation.Sobol(8, [0, 0], [1, 1], DType.Float64).ToArray();
        double[] expected = [0, 0, 0.5, 0.5, 0.75, 0.25, 0.25, 0.75, 0.375, 0.375, 0.875, 0.875, 0.625, 0.125, 0.125, 0.625];
        Assert.Equal(expected, points);
    }

    [Theory]
    [InlineData(10, 256)]
    [InlineData(3, 1024)]
    public void EveryAxisOfSobolAndLatinHypercubeHoldsOnePointPerSlice(int dimensions, int count)
    {
        var lower = Enumerable.Repeat(-1.0, dimensions).ToArray();
        var upper = Enumerable.Repeat(3.0, dimensions).ToArray();
        foreach (var sample in new[] { Collocation.Sobol(count, lower, upper, DType.Float64), Collocation.LatinHypercube(count, lower, upper, new Random(1), DType.Float64) })
        {
            var values = sample.ToArray();
            for (var c = 0; c < dimensions; c++)
            {
                var hits = new int[count];
                for (var i = 0; i < count; i++)
                {
                    hits[(int)((values[(i * dimensions) + c] + 1) / 4 * count)]++;
                }

                Assert.All(hits, h => Assert.Equal(1, h));
            }
        }
    }

    [Fact]
    public void UniformPointsStayInTheBoxAndBadBoxesAreRejected()
    {
        var values = Collocation.Uniform(500, [-1, 0], [1, 0.5], new Random(3), DType.Float64).ToArray();
        for (var i = 0; i < 500; i++)
        {
            Assert.InRange(values[2 * i], -1, 1);
            Assert.InRange(values[(2 * i) + 1], 0, 0.5);
        }

        Assert.Contains("Coordinate 1", Assert.Throws<ArgumentException>(() => Collocation.Sobol(4, [0, 1], [1, 1])).Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => Collocation.Sobol(4, new double[11], Enumerable.Repeat(1.0, 11).ToArray()));
    }

    [Fact]
    public void RefinementPicksTheLargestAbsoluteResidualsAndAppendsThem()
    {
        var candidates = Tensor.FromArray(new double[] { 0, 1, 2, 3, 4 }, 5, 1, DType.Float64);
        var residual = Tensor.FromArray(new double[] { 0.1, -5, 2, double.NaN, 3 }, 5, 1, DType.Float64);
        var picked = AdaptiveRefinement.Largest(candidates, residual, 2);
        Assert.Equal(new double[] { 1, 4 }, picked.ToArray());
        var points = AdaptiveRefinement.Append(Tensor.FromArray(new double[] { 9 }, 1, 1, DType.Float64), picked);
        Assert.Equal(new double[] { 9, 1, 4 }, points.ToArray());
    }
}
