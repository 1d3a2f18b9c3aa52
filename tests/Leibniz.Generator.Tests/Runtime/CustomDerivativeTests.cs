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

    [Fact]
    public void SecondOrderDerivativesGiveHvpsAndHessians() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[0.1, 3], Gen.Double[-1, 1], Gen.Double[-1, 1]).Sample((x, y, vx, vy) =>
        {
            var (value, dx, dy) = CustomDerivativeFunctions.UsesBothGradient(x, y);
            // The value comes from the derivative's own Value (x·e^y), the primal from Opaque's series: equal to rounding.
            var primal = CustomDerivativeFunctions.UsesBoth(x, y);
            Assert.True(Math.Abs(primal - value) <= 1e-14 * (1 + Math.Abs(primal)), $"value: expected {primal:R}, got {value:R}");
            var expected = FiniteDifference.Gradient(v => CustomDerivativeFunctions.UsesBoth(v[0], v[1]), [x, y], accuracy: 4);
            Assert.True(Math.Abs(expected[0] - dx) <= 1e-6 * (1 + Math.Abs(dx)), $"dx: expected {expected[0]:R}, got {dx:R}");
            Assert.True(Math.Abs(expected[1] - dy) <= 1e-6 * (1 + Math.Abs(dy)), $"dy: expected {expected[1]:R}, got {dy:R}");

            // H·v against central differences (steps h and h/2, Richardson) of the generated gradient along v.
            var hvp = CustomDerivativeFunctions.UsesBothHvp(x, y, vx, vy);
            // The Hvp's gradient comes from the Dual program: equal up to rounding (a different operation order).
            Assert.True(Math.Abs(value - hvp.Value) <= 1e-13 * (1 + Math.Abs(value)), $"value {value:R} vs {hvp.Value:R}");
            Assert.True(Math.Abs(dx - hvp.dx) <= 1e-13 * (1 + Math.Abs(dx)), $"dx {dx:R} vs {hvp.dx:R}");
            Assert.True(Math.Abs(dy - hvp.dy) <= 1e-13 * (1 + Math.Abs(dy)), $"dy {dy:R} vs {hvp.dy:R}");
            (double X, double Y) Difference(double h)
            {
                var up = CustomDerivativeFunctions.UsesBothGradient(x + h * vx, y + h * vy);
                var down = CustomDerivativeFunctions.UsesBothGradient(x - h * vx, y - h * vy);
                return ((up.dx - down.dx) / (2 * h), (up.dy - down.dy) / (2 * h));
            }

            var (coarse, fine) = (Difference(1e-3), Difference(5e-4));
            var (hx, hy) = ((4 * fine.X - coarse.X) / 3, (4 * fine.Y - coarse.Y) / 3);
            Assert.True(Math.Abs(hx - hvp.hvx) <= 1e-6 * (1 + Math.Abs(hx)), $"(H·v)x: differences {hx:R}, Hvp {hvp.hvx:R}");
            Assert.True(Math.Abs(hy - hvp.hvy) <= 1e-6 * (1 + Math.Abs(hy)), $"(H·v)y: differences {hy:R}, Hvp {hvp.hvy:R}");

            var h = CustomDerivativeFunctions.UsesBothHessian(x, y);
            Assert.True(Math.Abs(h.dxdx * vx + h.dxdy * vy - hvp.hvx) <= 1e-12 * (1 + Math.Abs(h.dxdx * vx) + Math.Abs(h.dxdy * vy)), $"Hessian row x · v vs {hvp.hvx:R}");
            Assert.True(Math.Abs(h.dxdy * vx + h.dydy * vy - hvp.hvy) <= 1e-12 * (1 + Math.Abs(h.dxdy * vx) + Math.Abs(h.dydy * vy)), $"Hessian row y · v vs {hvp.hvy:R}");
        }, iter: 300);
}
