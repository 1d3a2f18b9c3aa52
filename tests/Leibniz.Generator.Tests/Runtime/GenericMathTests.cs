using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>One generic-math method, differentiated once, against Dual for double and against the double result for float.</summary>
public sealed class GenericMathTests
{
    [Fact]
    public void GenericGradientJvpAndHessianMatchDualForDoubleAndFloat() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2]).Sample((x, y) =>
        {
            var (value, dx, dy) = GenericFunctions.WaveGradient(x, y);
            Close(GenericFunctions.Wave(x, y), value, 1e-14);
            Close(DualWave(new Dual(x, 1), new Dual(y, 0)).Tangent, dx, 1e-10);
            Close(DualWave(new Dual(x, 0), new Dual(y, 1)).Tangent, dy, 1e-10);
            var (_, tangent) = GenericFunctions.WaveJvp(x, y, 0.25, -2.0);
            Close(0.25 * dx - 2 * dy, tangent, 1e-10);

            var h = GenericFunctions.WaveHessian(x, y);
            Close(dx, h.dx, 1e-12);
            var (_, _, _, hvx, hvy) = GenericFunctions.WaveHvp(x, y, 1.0, 0.0);
            Close(h.dxdx, hvx, 1e-10);
            Close(h.dxdy, hvy, 1e-10);

            var (valueF, dxF, dyF) = GenericFunctions.WaveGradient((float)x, (float)y);
            Assert.True(Math.Abs(valueF - value) <= 1e-3 * (1 + Math.Abs(value)) || Math.Abs(x - y) < 1e-3, $"float value {valueF} vs {value}");
            if (Math.Abs(x - y) > 1e-2)
            {
                Assert.True(Math.Abs(dxF - dx) <= 1e-3 * (1 + Math.Abs(dx)), $"float dx {dxF} vs {dx}");
                Assert.True(Math.Abs(dyF - dy) <= 1e-3 * (1 + Math.Abs(dy)), $"float dy {dyF} vs {dy}");
            }
        });

    private static Dual DualWave(Dual x, Dual y)
    {
        var r = Dual.Sin(2 * x) * Dual.Exp(-y * y) + Dual.Log(1 + x * x) / (2 + Dual.Cos(y));
        if (x.Value > y.Value)
        {
            r += Dual.Sqrt(1 + y * y) * Dual.Atan2(y, x) + Dual.Pow(x, 3);
        }

        return r + Dual.Abs(x - y) * Math.PI + Dual.Tanh(x) * Dual.Max(x, y);
    }
}
