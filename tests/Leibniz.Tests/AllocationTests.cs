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

    [Fact]
    public void TableFunctionsOnDualAndTheTapeAllocateNothingAfterWarmUp()
    {
        var tape = new Tape();
        EveryFunction(Dual.Variable(0.6), tape);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = 0.0;
        for (var i = 1; i < 100; i++)
        {
            sum += EveryFunction(Dual.Variable(0.6 + i * 1e-3), tape);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.True(double.IsFinite(sum), $"sum {sum}");
    }

    /// <summary>Every function of the derivative table on a Dual and on a Var (each taking its partial from the table).</summary>
    private static double EveryFunction(Dual x, Tape tape)
    {
        var d = Dual.Sin(x) + Dual.Cos(x) + Dual.Tan(x) + Dual.Asin(x) + Dual.Acos(x) + Dual.Atan(x) + Dual.Sinh(x) + Dual.Cosh(x)
            + Dual.Tanh(x) + Dual.Asinh(x) + Dual.Acosh(x + 1) + Dual.Atanh(x) + Dual.Exp(x) + Dual.Exp2(x) + Dual.Exp10(x)
            + Dual.Log(x) + Dual.Log2(x) + Dual.Log10(x) + Dual.Log(x, 3.0) + Dual.Log(x, x + 2) + Dual.Sqrt(x) + Dual.Cbrt(x)
            + Dual.RootN(x, 3) + Dual.Pow(x, 2.5) + Dual.Pow(x, x) + Dual.Abs(x) + Dual.Atan2(x, x + 1) + Dual.Hypot(x, 0.5)
            + Dual.Cot(x) + Dual.Sec(x) + Dual.Csc(x) + Dual.Acot(x) + Dual.Coth(x) + Dual.Sech(x) + Dual.Csch(x)
            + Dual.Acoth(x + 1) + Dual.Asec(x + 1) + Dual.Acsc(x + 1) + Dual.Asech(x) + Dual.Acsch(x) + Dual.Sigmoid(x)
            + Dual.Softplus(x) + Dual.Relu(x) + Dual.LeakyRelu(x) + Dual.Heaviside(x) + Dual.Sign(x);
        tape.Clear();
        var v = tape.Variable(x.Value);
        var r = Var.Sin(v) + Var.Cos(v) + Var.Tan(v) + Var.Asin(v) + Var.Acos(v) + Var.Atan(v) + Var.Sinh(v) + Var.Cosh(v)
            + Var.Tanh(v) + Var.Asinh(v) + Var.Acosh(v + 1) + Var.Atanh(v) + Var.Exp(v) + Var.Exp2(v) + Var.Exp10(v)
            + Var.Log(v) + Var.Log2(v) + Var.Log10(v) + Var.Log(v, 3.0) + Var.Log(v, v + 2) + Var.Sqrt(v) + Var.Cbrt(v)
            + Var.RootN(v, 3) + Var.Pow(v, 2.5) + Var.Pow(v, v) + Var.Abs(v) + Var.Atan2(v, v + 1) + Var.Hypot(v, 0.5)
            + Var.Cot(v) + Var.Sec(v) + Var.Csc(v) + Var.Acot(v) + Var.Coth(v) + Var.Sech(v) + Var.Csch(v)
            + Var.Acoth(v + 1) + Var.Asec(v + 1) + Var.Acsc(v + 1) + Var.Asech(v) + Var.Acsch(v) + Var.Sigmoid(v)
            + Var.Softplus(v) + Var.Relu(v) + Var.LeakyRelu(v) + Var.Heaviside(v) + Var.Sign(v);
        tape.Backward(r);
        return d.Tangent + v.Gradient;
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
