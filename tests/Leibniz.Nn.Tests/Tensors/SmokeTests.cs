namespace Leibniz.Nn.Tests.Tensors;

public sealed class SmokeTests
{
    [Fact]
    public void LectureLinearRegressionStepProducesGradients()
    {
        var random = new Random(1);
        var x = Tensor.Randn(100, 1, random) * 10;
        var y = (3 * x) + 2 + (Tensor.Randn(100, 1, random) * 0.5);
        var w = Tensor.Randn(1, random).RequireGrad();
        var b = Tensor.Randn(1, random).RequireGrad();
        for (var epoch = 0; epoch < 1000; epoch++)
        {
            var loss = ((w * x) + b - y).Pow(2).Mean();
            loss.Backward();
            using (Tensor.NoGrad())
            {
                w -= 0.005 * w.Grad;
                b -= 0.005 * b.Grad;
            }

            w.ZeroGrad();
            b.ZeroGrad();
        }

        Assert.Equal(3.0, w.Item(), 0.05);
        Assert.Equal(2.0, b.Item(), 0.2);
    }
}
