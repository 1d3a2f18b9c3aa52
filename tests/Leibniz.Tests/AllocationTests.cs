namespace Leibniz.Tests;

/// <summary>The hot paths allocate nothing once warmed up (measured on the current thread only).</summary>
public sealed class AllocationTests
{
    [Fact]
    public void TapeForwardAndBackwardOverTenThousandOperationsAllocateNothingAfterWarmUp()
    {
        var tape = new Tape();
        RunTenThousandOperations(tape);
        RunTenThousandOperations(tape);

        var before = GC.GetAllocatedBytesForCurrentThread();
        var gradient = RunTenThousandOperations(tape);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        Assert.True(tape.Count >= 10_000, $"recorded {tape.Count} operations");
        Assert.True(double.IsFinite(gradient) && gradient != 0, $"gradient {gradient}");
    }

    [Fact]
    public void AccumulatingBackwardPassesAllocateNothingAfterWarmUp()
    {
        var tape = new Tape();
        var x = tape.Variable(0.5);
        var y = Var.Sin(x) * x;
        tape.Backward(y);
        tape.Backward(y);

        var before = GC.GetAllocatedBytesForCurrentThread();
        tape.Backward(y);
        tape.ZeroGradients();
        tape.Backward(y);
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void DualArithmeticAllocatesNothing()
    {
        Rastrigin(Dual.Variable(0.3), 0.7);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Dual.Constant(0);
        for (var i = 0; i < 1000; i++)
        {
            sum += Rastrigin(Dual.Variable(i * 1e-3), 0.7) / (1 + Dual.Sigmoid(sum));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sum.Tangent));
    }

    private static double RunTenThousandOperations(Tape tape)
    {
        tape.Clear();
        var x = tape.Variable(0.1);
        var y = tape.Variable(0.2);
        var acc = x;
        for (var i = 0; i < 2_000; i++)
        {
            // Five recorded operations per iteration.
            acc = Var.Tanh(acc * y + x) - Var.Sin(acc) * 0.5;
        }

        tape.Backward(acc);
        return x.Gradient;
    }

    private static Dual Rastrigin(Dual x, Dual y) =>
        20 + (x * x - 10 * Dual.Cos(2 * Math.PI * x)) + (y * y - 10 * Dual.Cos(2 * Math.PI * y));
}
