namespace Leibniz.Nn.Tests.Tensors;

/// <summary>Compares reverse-mode gradients with central finite differences in float64 (PyTorch's gradcheck idea).</summary>
internal static class GradCheck
{
    /// <summary>
    /// Asserts that ∂f/∂input from Backward() matches (f(x + h) − f(x − h)) / 2h for every element of every input.
    /// </summary>
    public static void Assert(Func<Tensor[], Tensor> f, params Tensor[] inputs)
    {
        foreach (var input in inputs)
        {
            Xunit.Assert.Equal(DType.Float64, input.DType);
            input.RequiresGrad = true;
            input.ZeroGrad();
        }

        var output = f(inputs);
        Xunit.Assert.True(output.Length == 1, "the checked function must return one element");
        output.Backward();
        var analytic = inputs.Select(input => input.Grad.ToArray()).ToArray();
        const double h = 1e-6;
        for (var k = 0; k < inputs.Length; k++)
        {
            var input = inputs[k];
            for (var i = 0; i < input.Length; i++)
            {
                var original = Get(input, i);
                double plus, minus;
                using (Tensor.NoGrad())
                {
                    Set(input, i, original + h);
                    plus = f(inputs).Item();
                    Set(input, i, original - h);
                    minus = f(inputs).Item();
                    Set(input, i, original);
                }

                var numeric = (plus - minus) / (2 * h);
                var tolerance = 1e-5 + (1e-4 * Math.Abs(numeric));
                Xunit.Assert.True(
                    Math.Abs(analytic[k][i] - numeric) <= tolerance,
                    $"input {k} element {i}: analytic {analytic[k][i]:R}, numeric {numeric:R}");
            }
        }
    }

    private static double Get(Tensor t, int i) => t.AsSpan<double>()[i];

    private static void Set(Tensor t, int i, double value) => t.AsSpan<double>()[i] = value;

    /// <summary>A float64 tensor with the given shape (rank 0, 1 or 2) and values from <paramref name="random"/>.</summary>
    public static Tensor Random(Random random, int[] shape, double low = -2, double high = 2, double avoidBelow = 0)
    {
        var tensor = shape.Length switch
        {
            0 => Tensor.Scalar(0, DType.Float64),
            1 => Tensor.Zeros(shape[0], DType.Float64),
            _ => Tensor.Zeros(shape[0], shape[1], DType.Float64),
        };
        var span = tensor.AsSpan<double>();
        for (var i = 0; i < span.Length; i++)
        {
            double value;
            do
            {
                value = low + ((high - low) * random.NextDouble());
            }
            while (Math.Abs(value) < avoidBelow);
            span[i] = value;
        }

        return tensor;
    }

    /// <summary>Σ f(x) ⊙ R for fixed random weights R, so every output element gets a distinct upstream gradient.</summary>
    public static Tensor WeightedSum(Tensor output, Random random)
    {
        var weights = Random(random, output.Shape);
        return (output * weights).Sum();
    }
}
