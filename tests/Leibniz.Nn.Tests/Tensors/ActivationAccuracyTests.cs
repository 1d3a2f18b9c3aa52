namespace Leibniz.Nn.Tests.Tensors;

/// <summary>
/// Activations evaluated on spans long enough to take the vectorized path (67 elements: whole vectors and a tail),
/// against <see cref="Math.Tanh"/> at every magnitude from the smallest subnormal to saturation, both signs, with
/// signed zero, NaN and infinities: TensorPrimitives' tanh loses all its digits near zero (it goes through e^{2x}).
/// </summary>
public sealed class ActivationAccuracyTests
{
    private static double[] Points()
    {
        var points = new List<double> { 0.0, -0.0, double.NaN, double.PositiveInfinity, double.NegativeInfinity, double.Epsilon, 1e-310, 0.1, -0.1 };
        for (var e = -38.0; e <= 1.4; e += 0.25)
        {
            points.Add(Math.Pow(10, e));
            points.Add(-Math.Pow(10, e) * 1.37);
        }

        return [.. points];
    }

    public static TheoryData<DType> Types => [DType.Float64, DType.Float32];

    [Theory]
    [MemberData(nameof(Types))]
    public void TensorTanhIsAccurateFromSubnormalsToSaturation(DType type)
    {
        foreach (var chunk in Points().Chunk(67))
        {
            var actual = Tensor.FromArray(chunk, type).Tanh().ToArray();
            AssertClose(chunk, actual, type);
        }
    }

    [Theory]
    [MemberData(nameof(Types))]
    public void TaylorTanhValueIsAccurateFromSubnormalsToSaturation(DType type)
    {
        var points = Points();
        if (type == DType.Float64)
        {
            var values = new double[points.Length];
            TaylorRule.Tanh.Value<double>(points, values);
            AssertClose(points, values, type);
        }
        else
        {
            var singles = points.Select(p => (float)p).ToArray();
            var values = new float[points.Length];
            TaylorRule.Tanh.Value<float>(singles, values);
            AssertClose(points, values.Select(v => (double)v).ToArray(), type);
        }
    }

    // Within four units in the last place of the exact tanh of the input as the tensor holds it: TensorPrimitives'
    // own accuracy away from zero (3 ulp at 0.1 in both types), where the series does not replace it.
    private static void AssertClose(double[] inputs, double[] actual, DType type)
    {
        var single = type == DType.Float32;
        for (var i = 0; i < inputs.Length; i++)
        {
            var x = single ? (float)inputs[i] : inputs[i];
            var exact = single ? (float)Math.Tanh(x) : Math.Tanh(x);
            var ulp = single ? MathF.BitIncrement((float)Math.Abs(exact)) - (float)Math.Abs(exact) : Math.BitIncrement(Math.Abs(exact)) - Math.Abs(exact);
            Assert.True(exact.Equals(actual[i]) || Math.Abs(exact - actual[i]) <= 4 * ulp,
                $"tanh({x:R}) in {type}: {actual[i]:R}, exact {exact:R}");
            Assert.True(double.IsNaN(exact) || double.IsNegative(exact) == double.IsNegative(actual[i]), $"tanh({x:R}) in {type}: the sign of {actual[i]:R}");
        }
    }
}
