namespace Leibniz.Generator.Tests.Runtime;

/// <summary>
/// The derivative code of switch, local functions, constant tables (static readonly arrays), instance methods and float
/// casts allocates nothing after warm-up.
/// </summary>
public sealed class NaturalFormAllocationTests
{
    private static readonly double[] Signal = [0.3, -1.2, 2.5, 0.7, -0.4, 1.1, 3.4, -2.2];
    private static readonly float[] SignalSingle = [0.3f, -1.2f, 2.5f, 0.7f, -0.4f];
    private static readonly double[] Gradient = new double[Signal.Length];
    private static readonly float[] GradientSingle = new float[SignalSingle.Length];
    private static readonly Oscillator Model = new(1.5, 2.0, [0.1, -0.05]);
    private static readonly Line Fit = new(0.5, -0.25);

    [Fact]
    public void GeneratedCodeOfTheNaturalFormsDoesNotAllocate()
    {
        Allocations.AssertNoneOnceTheJitSettles(Run, warmUp: 30_000, measured: 5_000);
    }

    private static double Run(int iterations)
    {
        var sink = 0.0;
        for (var i = 0; i < iterations; i++)
        {
            var x = -2 + (i % 17) * 0.3;
            // Not GaussIntegral: a Debug build of .NET 10 copies a ReadOnlySpan<double> property over literal data at every
            // read (the method's own code too; a Release build reads the assembly's data), so its tables allocate here.
            sink += NaturalFormFunctions.TableCallGradient(x).dx;
            sink += NaturalFormFunctions.PiecewiseGradient(x).dx + NaturalFormFunctions.PiecewiseJvp(x, 1).Tangent;
            sink += NaturalFormFunctions.ActivationGradient(x, i % 5).dx;
            sink += NaturalFormFunctions.SimpsonGradient(Signal, 0.1, Gradient, out var dh) + dh;
            sink += NaturalFormFunctions.ClippedJvp(Signal, x, Signal, 1).Tangent;
            sink += NaturalFormFunctions.EnergyGradient(Signal, x, Gradient, out var dk) + dk;
            sink += NaturalFormFunctions.SmoothL1Gradient(Signal, 0.5, Gradient, out var dbeta) + dbeta;
            sink += NaturalFormFunctions.HarmonicsGradient<double>(Signal, 3, Gradient);
            sink += NaturalFormFunctions.DampedGradient(0.5, 4).dx;
            sink += NaturalFormFunctions.SmoothGradient(SignalSingle, GradientSingle);
            sink += NaturalFormFunctions.BlendGradient((float)x, 0.5f).da;
            sink += Model.EnergyGradient(x, 0.5).dx + Model.ActionJvp(x, 0.5, 1, 1, 0, 0).Tangent;
            sink += Fit.SpreadGradient(Signal, Signal, Gradient);
        }

        return sink;
    }
}
