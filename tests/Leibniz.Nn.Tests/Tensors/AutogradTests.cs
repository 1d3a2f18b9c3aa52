namespace Leibniz.Nn.Tests.Tensors;

public sealed class AutogradTests
{
    [Fact]
    public void GradientsAccumulateAcrossBackwardCallsUntilZeroGrad()
    {
        var x = Tensor.FromArray([2.0], DType.Float64).RequireGrad();
        (x * x).Sum().Backward();
        (x * x).Sum().Backward();
        Assert.Equal(8.0, x.Grad[0]);
        x.ZeroGrad();
        Assert.False(x.HasGrad);
        Assert.Equal(0.0, x.Grad[0]);
        (3 * x).Sum().Backward();
        Assert.Equal(3.0, x.Grad[0]);
    }

    [Fact]
    public void LectureGraphNeedsTopologicalOrder()
    {
        // z = (x·y) + (x·y)² with a shared node: its gradient must be complete before it is propagated further.
        var x = Tensor.Scalar(3, DType.Float64).RequireGrad();
        var y = Tensor.Scalar(-2, DType.Float64).RequireGrad();
        var p = x * y;
        var z = p + (p * p);
        z.Backward();
        var dzdp = 1 + (2 * -6.0);
        Assert.Equal(dzdp * -2, x.Grad.Item());
        Assert.Equal(dzdp * 3, y.Grad.Item());
        Assert.Equal(dzdp, p.Grad.Item());
    }

    [Fact]
    public void NoGradScopeRecordsNothing()
    {
        var w = Tensor.Ones(2).RequireGrad();
        Tensor y;
        using (Tensor.NoGrad())
        {
            Assert.False(Tensor.IsGradEnabled);
            y = w * 2;
        }

        Assert.True(Tensor.IsGradEnabled);
        Assert.False(y.RequiresGrad);
        Assert.True(y.IsLeaf);
        Assert.Throws<InvalidOperationException>(() => y.Sum().Backward());
    }

    [Fact]
    public void DetachCutsTheGraph()
    {
        var x = Tensor.FromArray([1.0, 2.0], DType.Float64).RequireGrad();
        var y = x * 3;
        var d = y.Detach();
        Assert.False(d.RequiresGrad);
        (y.Sum() + (d * x).Sum()).Backward();
        Assert.Equal([3.0 + 3.0, 3.0 + 6.0], x.Grad.ToArray());
    }

    [Fact]
    public void DetachedValuesSurviveRecycling()
    {
        var w = Tensor.FromArray([1.0, 2.0]).RequireGrad();
        var y = w * 2;
        var kept = y.Detach();
        var cloned = y.Clone();
        y.Sum().Backward();
        Assert.Equal(4.0, y[1]);
        Assert.Throws<InvalidOperationException>(() => y.Sum());
        Assert.Throws<InvalidOperationException>(() => y[1]);
        Assert.False(y.IsValid);
        Assert.Equal([2.0, 4.0], kept.ToArray());
        Assert.Equal([2.0, 4.0], cloned.ToArray());
    }

    [Fact]
    public void GraphTensorsStayReadableUntilTheNextGraphStarts()
    {
        var w = Tensor.FromArray([3.0]).RequireGrad();
        var loss = (w * w).Sum();
        loss.Backward();
        Assert.Equal(9.0, loss.Item());
        Assert.Equal(6.0, w.Grad[0]);
        var next = (w * 2).Sum();
        Assert.Equal(6.0, next.Item());
        var error = Assert.Throws<InvalidOperationException>(() => loss.Item());
        Assert.Contains("Clone()", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void InPlaceUpdateOfAParameterNeedsNoGrad()
    {
        var w = Tensor.FromArray([1.0]).RequireGrad();
        Assert.Throws<InvalidOperationException>(() => w -= Tensor.FromArray([0.5]));
        using (Tensor.NoGrad())
        {
            w -= Tensor.FromArray([0.5]);
            w *= 4;
            w += Tensor.FromArray([1.0]);
            w.SubtractInPlace(Tensor.FromArray([0.5]), 2);
            w.AddInPlace(Tensor.Scalar(0.25), 4);
            w.MultiplyInPlace(0.5);
        }

        Assert.Equal(1.5, w[0]);
    }

    [Fact]
    public void ShapeMismatchNamesBothShapesAndTheOperation()
    {
        var error = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3) + Tensor.Zeros(3, 2));
        Assert.Contains("'+'", error.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[3, 2]", error.Message, StringComparison.Ordinal);
        var matmul = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).MatMul(Tensor.Zeros(2, 3)));
        Assert.Contains("MatMul", matmul.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => Tensor.Zeros(2) + Tensor.Zeros(2, DType.Float64));
    }

    [Fact]
    public void DefaultTensorIsRejectedWithAnExplanation()
    {
        var error = Assert.Throws<InvalidOperationException>(() => default(Tensor).Item());
        Assert.Contains("default", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackwardWithExplicitGradientIsAVectorJacobianProduct()
    {
        var x = Tensor.FromArray([1.0, 2.0, 3.0], DType.Float64).RequireGrad();
        var y = x * x;
        y.Backward(Tensor.FromArray([1.0, 0.5, -1.0], DType.Float64));
        Assert.Equal([2.0, 2.0, -6.0], x.Grad.ToArray());
        Assert.Throws<InvalidOperationException>(() => (x * 1).Backward());
    }

    [Fact]
    public void BackwardThroughARecycledInputIsRejected()
    {
        var w = Tensor.FromArray([1.0, 2.0]).RequireGrad();
        var hidden = w * 3;
        var auxiliary = hidden * 2;
        var kept = auxiliary.Sum();
        hidden.Sum().Backward();
        _ = (w * 5).Sum();
        var error = Assert.Throws<InvalidOperationException>(() => kept.Backward());
        Assert.Contains("recycled", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BackwardOnAnotherThreadIsCorrect()
    {
        // An async training loop may resume on another thread between forward and backward.
        var w = Tensor.FromArray([1.0, -2.0], DType.Float64).RequireGrad();
        var loss = (w * w * w).Sum();
        var thread = new Thread(() => loss.Backward());
        thread.Start();
        thread.Join();
        Assert.Equal([3.0, 12.0], w.Grad.ToArray());
        (w * 2).Sum().Backward();
        Assert.Equal([5.0, 14.0], w.Grad.ToArray());
    }

    [Fact]
    public void AViewOfARecycledTensorIsRejected()
    {
        var w = Tensor.FromArray([1.0, 2.0, 3.0, 4.0]).RequireGrad();
        var y = w * 2;
        var view = y.Reshape(2, 2);
        y.Sum().Backward();
        Assert.Equal(8.0, view[1, 1]);
        _ = (w * 3).Sum();
        Assert.False(view.IsValid);
        Assert.Throws<InvalidOperationException>(() => view[1, 1]);
    }
}
