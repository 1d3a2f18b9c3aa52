using CsCheck;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>[DerivativeOf] derivatives are used by the generated gradient and Jvp.</summary>
public sealed class CustomDerivativeTests
{
    [Fact]
    public void GradientAndJvpUseTheHandWrittenDerivative() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[0.1, 3]).Sample((x, y) =>
        {
            var (value, dx, dy) = CustomDerivativeFunctions.UsesLambertWGradient(x, y);
            Assert.Equal(CustomDerivativeFunctions.UsesLambertW(x, y), value, 14);
            var expected = FiniteDifference.Gradient(v => CustomDerivativeFunctions.UsesLambertW(v[0], v[1]), [x, y], accuracy: 4);
            Assert.True(Math.Abs(expected[0] - dx) <= 1e-6 * (1 + Math.Abs(dx)), $"dx: expected {expected[0]:R}, got {dx:R}");
            Assert.True(Math.Abs(expected[1] - dy) <= 1e-6 * (1 + Math.Abs(dy)), $"dy: expected {expected[1]:R}, got {dy:R}");

            var (jvpValue, tangent) = CustomDerivativeFunctions.UsesLambertWJvp(x, y, 0.4, -1.3);
            Assert.Equal(value, jvpValue, 14);
            Assert.True(Math.Abs(0.4 * dx - 1.3 * dy - tangent) <= 1e-12 * (1 + Math.Abs(tangent)));
        }, iter: 200);
}
