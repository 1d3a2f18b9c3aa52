using System.Runtime.CompilerServices;

namespace Leibniz.Tests;

/// <summary>
/// The graphs that createGraph gradients differentiated wait for the step's backward to be recycled; without one
/// (derivatives evaluated in a loop) only the newest few are kept, the rest are left to the garbage collector.
/// </summary>
public sealed class GradientRootTests
{
    [Fact]
    public void CreateGraphGradientsWithoutABackwardKeepOnlyTheNewestGraphsAlive()
    {
        var x = Tensor.FromArray([0.1, 0.2, 0.3], DType.Float64).RequireGrad();
        var ones = Tensor.OnesLike(x);
        var oldest = Differentiate(x, ones);
        for (var i = 0; i < 40; i++)
        {
            Differentiate(x, ones);
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Assert.False(oldest.TryGetTarget(out _), "the first graph is still referenced after 40 more createGraph gradients without a backward");
    }

    // The output's node, weakly: the only strong references left are the pool's.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static WeakReference<TensorNode> Differentiate(Tensor x, Tensor ones)
    {
        var u = (x * x).Sin();
        var ux = Autograd.Grad(u, x, ones, createGraph: true);
        Assert.True(ux.IsValid);
        return new WeakReference<TensorNode>(u.Node);
    }
}
