namespace Leibniz.Tests;

public sealed class TapeTests
{
    /// <summary>
    /// The lecture's computational graph, micrograd style: L = (a·b + c)·f with a = 2, b = −3, c = 10, f = −2.
    /// Every node's value and gradient, checked by hand: e = a·b = −6, d = e + c = 4, L = d·f = −8;
    /// ∂L/∂d = f = −2, ∂L/∂f = d = 4, ∂L/∂e = ∂L/∂c = −2, ∂L/∂a = −2·b = 6, ∂L/∂b = −2·a = −4.
    /// </summary>
    [Fact]
    public void LecturesComputationalGraphHasTheExpectedValueAndGradientAtEveryNode()
    {
        var tape = new Tape();
        var a = tape.Variable(2);
        var b = tape.Variable(-3);
        var c = tape.Variable(10);
        var f = tape.Variable(-2);
        var e = a * b;
        var d = e + c;
        var loss = d * f;
        tape.Backward(loss);

        Assert.Equal([2.0, -3.0, 10.0, -2.0, -6.0, 4.0, -8.0], [a.Value, b.Value, c.Value, f.Value, e.Value, d.Value, loss.Value]);
        Assert.Equal([6.0, -4.0, -2.0, 4.0, -2.0, -2.0, 1.0], [a.Gradient, b.Gradient, c.Gradient, f.Gradient, e.Gradient, d.Gradient, loss.Gradient]);
        Assert.Equal(7, tape.Count);
    }

    [Fact]
    public void ANodeUsedTwiceReceivesTheSumOfBothPaths()
    {
        var tape = new Tape();
        var x = tape.Variable(3);
        var y = x * x + Var.Sin(x);
        tape.Backward(y);
        Assert.Equal(2 * 3 + Math.Cos(3), x.Gradient, 15);
    }

    [Fact]
    public void GradientsAccumulateAcrossOutputsUntilZeroed()
    {
        var tape = new Tape();
        var x = tape.Variable(2);
        var shared = Var.Exp(x);
        var first = shared * 3;
        var second = shared * shared;
        tape.Backward(first);
        Assert.Equal(3 * Math.Exp(2), x.Gradient, 12);
        tape.Backward(second);
        Assert.Equal(3 * Math.Exp(2) + 2 * Math.Exp(4), x.Gradient, 11);

        tape.ZeroGradients();
        Assert.Equal(0.0, x.Gradient);
        tape.Backward(second);
        Assert.Equal(2 * Math.Exp(4), x.Gradient, 11);
    }

    [Fact]
    public void ClearReusesTheTapeForANewComputation()
    {
        var tape = new Tape(capacity: 4);
        for (var step = 0; step < 3; step++)
        {
            tape.Clear();
            var w = tape.Variable(step);
            var loss = (w - 5) * (w - 5);
            tape.Backward(loss);
            Assert.Equal(2.0 * (step - 5), w.Gradient);
            Assert.Equal(4, tape.Count);
        }
    }

    [Fact]
    public void ATapeGrowsFromZeroCapacityAndMatchesForwardMode()
    {
        var tape = new Tape(capacity: 0);
        Span<Var> inputs = new Var[2];
        tape.Variables([0.3, -0.8], inputs);
        var (x, y) = (Dual.Variable(0.3), Dual.Constant(-0.8));
        var (accVar, accDual) = (inputs[0], x);
        for (var i = 0; i < 500; i++)
        {
            accVar = Var.Sin(accVar * inputs[1]) + inputs[0] / (1 + accVar * accVar);
            accDual = Dual.Sin(accDual * y) + x / (1 + accDual * accDual);
        }

        tape.Backward(accVar);
        Assert.Equal(accDual.Value, accVar.Value);
        Assert.Equal(accDual.Tangent, inputs[0].Gradient, 12);
        Assert.True(tape.Count > 3000);
    }

    [Fact]
    public void ConstantsAreNotRecorded()
    {
        var tape = new Tape();
        var x = tape.Variable(1.5);
        Var two = 2.0;
        var constant = two * Var.Sin(two) + 1;
        Assert.True(constant.IsConstant);
        Assert.Equal(1, tape.Count);
        var y = constant * x;
        Assert.Equal(2, tape.Count);
        tape.Backward(y);
        Assert.Equal(constant.Value, x.Gradient);
    }

    [Fact]
    public void TheGradientConvenienceMatchesTheAnalyticGradient()
    {
        var tape = new Tape();
        var gradient = new double[2];
        var value = tape.Gradient(x => x[0] * x[0] * x[1] + Var.Exp(x[1]), [3.0, 0.5], gradient);
        Assert.Equal(9 * 0.5 + Math.Exp(0.5), value, 14);
        Assert.Equal([2 * 3 * 0.5, 9 + Math.Exp(0.5)], gradient);

        tape.Gradient(_ => 7.0, [1.0, 2.0], gradient);
        Assert.Equal([0.0, 0.0], gradient);

        var (sameValue, sameGradient) = tape.Gradient(x => x[0] * x[0] * x[1] + Var.Exp(x[1]), [3.0, 0.5]);
        Assert.Equal(value, sameValue);
        Assert.Equal([2 * 3 * 0.5, 9 + Math.Exp(0.5)], sameGradient);
    }

    [Fact]
    public void MixingTwoTapesThrows()
    {
        var (first, second) = (new Tape(), new Tape());
        var x = first.Variable(1);
        var y = second.Variable(2);
        var error = Assert.Throws<InvalidOperationException>(() => x + y);
        Assert.Contains("two different tapes", error.Message);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => second.Backward(x * 2)).ParamName);
    }

    [Fact]
    public void ReadingAGradientBeforeBackwardThrows()
    {
        var tape = new Tape();
        var x = tape.Variable(1);
        var error = Assert.Throws<InvalidOperationException>(() => x.Gradient);
        Assert.Contains("Backward", error.Message);

        tape.Backward(x * 3);
        var later = tape.Variable(2);
        Assert.Throws<InvalidOperationException>(() => later.Gradient);
    }

    [Fact]
    public void UsingAVarAfterClearThrows()
    {
        var tape = new Tape();
        var x = tape.Variable(1);
        var y = x * 2;
        tape.Backward(y);
        tape.Clear();
        Assert.Contains("cleared", Assert.Throws<InvalidOperationException>(() => x + 1).Message);
        Assert.Contains("cleared", Assert.Throws<InvalidOperationException>(() => x.Gradient).Message);
        Assert.Contains("cleared", Assert.Throws<InvalidOperationException>(() => tape.Backward(y)).Message);
    }

    [Fact]
    public void ConstantsHaveNoGradientAndCannotBeDifferentiated()
    {
        var tape = new Tape();
        Var constant = 3.0;
        Assert.Contains("constant", Assert.Throws<InvalidOperationException>(() => constant.Gradient).Message);
        Assert.Equal("output", Assert.Throws<ArgumentException>(() => tape.Backward(constant)).ParamName);
    }

    [Fact]
    public void TapesOnSeparateThreadsAreIndependent()
    {
        var results = new double[4];
        Parallel.For(0, results.Length, i =>
        {
            var tape = new Tape();
            var x = tape.Variable(i);
            for (var step = 0; step < 1000; step++)
            {
                tape.Clear();
                x = tape.Variable(i);
                tape.Backward(x * x * x);
            }

            results[i] = x.Gradient;
        });
        Assert.Equal([0.0, 3.0, 12.0, 27.0], results);
    }
}
