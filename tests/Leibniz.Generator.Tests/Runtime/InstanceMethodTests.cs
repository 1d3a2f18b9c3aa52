using CsCheck;
using static Leibniz.Generator.Tests.Runtime.Numeric;

namespace Leibniz.Generator.Tests.Runtime;

/// <summary>Instance methods of a class and a record struct: fields and properties are constants, against Dual and central differences.</summary>
public sealed class InstanceMethodTests
{
    [Fact]
    public void ClassFieldsArrayFieldsAndPropertiesAreConstants() =>
        Gen.Select(Gen.Double[0.5, 3], Gen.Double[0.5, 3], Gen.Double[-0.5, 0.5].Array[0, 4], Gen.Double[-1.5, 1.5], Gen.Double[-2, 2]).Sample((m, k, harmonics, x, v) =>
        {
            var oscillator = new Oscillator(m, k, harmonics);
            var (energy, dx, dv) = oscillator.EnergyGradient(x, v);
            Close(oscillator.Energy(x, v), energy, 1e-15);
            Close(DualEnergy(m, k, harmonics, new Dual(x, 1), new Dual(v, 0)).Tangent, dx, 1e-13);
            Close(m * v, dv, 1e-14);
            Close(CentralGradient(p => oscillator.Energy(p[0], p[1]), [x, v])[0], dx, 1e-7);
            Close(dx - 2 * dv, oscillator.EnergyJvp(x, v, 1, -2).Tangent, 1e-13);

            var (action, ax, av, at) = oscillator.ActionGradient(x, v, 0.7);
            Close(oscillator.Action(x, v, 0.7), action, 1e-15);
            Close(0.7 * (dx - 2 * k * Math.Cos(x)), ax, 1e-13);
            Close(0.7 * dv, av, 1e-13);
            Close(energy - 2 * k * Math.Sin(x), at, 1e-13);
            Close(ax + at, oscillator.ActionJvp(x, v, 0.7, 1, 0, 1).Tangent, 1e-13);
        });

    [Fact]
    public void RecordStructPropertiesAreConstants() =>
        Gen.Select(Gen.Double[-2, 2], Gen.Double[-2, 2], Gen.Double[-2, 2].Array[1, 8]).Sample((slope, intercept, xs) =>
        {
            var line = new Line(slope, intercept);
            var ys = xs.Select(x => Math.Sin(3 * x)).ToArray();
            var (error, dx, dy) = line.SquaredErrorGradient(xs[0], ys[0]);
            var r = slope * xs[0] + intercept - ys[0];
            Close(r * r, error, 1e-14);
            Close(2 * r * slope, dx, 1e-14);
            Close(-2 * r, dy, 1e-14);

            var dxs = new double[xs.Length];
            var spread = line.SpreadGradient(xs, ys, dxs);
            Close(line.Spread(xs, ys), spread, 1e-15);
            for (var i = 0; i < xs.Length; i++)
            {
                Close(2 * (slope * xs[i] + intercept - ys[i]) * slope / xs.Length, dxs[i], 1e-13);
            }

            var direction = xs.Select((_, i) => Math.Cos(i)).ToArray();
            Close(dxs.Zip(direction, (a, b) => a * b).Sum(), line.SpreadJvp(xs, ys, direction).Tangent, 1e-13);
        });

    [Fact]
    public void IntPropertiesAreLoopBoundsAndSecondOrderInstanceMethodsWork() =>
        Gen.Select(Gen.Double[-1, 1].Array[1, 6], Gen.Double[-1.5, 1.5], Gen.Double[-2, 2]).Sample((c, x, y) =>
        {
            var polynomial = new Polynomial(c);
            var (value, dx, ds) = polynomial.AtGradient(x, 0.5);
            Close(polynomial.At(x, 0.5), value, 1e-15);
            Dual p = 0;
            var dual = new Dual(x, 1);
            for (var k = c.Length - 1; k >= 0; k--)
            {
                p = p * dual + c[k];
            }

            Close(0.5 * p.Tangent, dx, 1e-13);
            Close(p.Value, ds, 1e-13);
            Close(dx + ds, polynomial.AtJvp(x, 0.5, 1, 1).Tangent, 1e-13);

            var (bowl, bx, by, bxx, bxy, byy) = polynomial.BowlHessian(x, y);
            Close(polynomial.Bowl(x, y), bowl, 1e-15);
            Close(2 * c[0] * x * y + y * Math.Cos(x * y), bx, 1e-13);
            Close(c[0] * x * x + x * Math.Cos(x * y), by, 1e-13);
            Close(2 * c[0] * y - y * y * Math.Sin(x * y), bxx, 1e-12);
            Close(2 * c[0] * x + Math.Cos(x * y) - x * y * Math.Sin(x * y), bxy, 1e-12);
            Close(-x * x * Math.Sin(x * y), byy, 1e-12);
        });

    private static Dual DualEnergy(double mass, double stiffness, double[] harmonics, Dual x, Dual v)
    {
        var potential = 0.5 * stiffness * x * x;
        var power = x * x;
        foreach (var h in harmonics)
        {
            power *= x;
            potential += h * power;
        }

        return 0.5 * mass * v * v + potential;
    }
}
