using CsCheck;

namespace Leibniz.Nn.Tests.Tensors;

/// <summary>Recycled graph memory never leaks old values into new results or gradients.</summary>
public sealed class RecyclingTests
{
    /// <summary>A step that exercises every kind of buffer use: overwrite, accumulate, scatter, concatenation.</summary>
    private static (double Loss, double[] Gradient) Step(Tensor w, int batch, int seed)
    {
        var random = new Random(seed);
        var x = Tensor.Randn(batch, 12, random);
        var h = Tensor.Linear(x, w, null).Tanh();
        var rows = h.IndexRows([batch - 1, 0, batch / 2]);
        var both = Tensor.ConcatRows(h.SliceRows(0, 1), rows, h.Mean(0));
        var loss = (both.Square().Sum(1) + h.Sum()).Mean() + h.MatMul(w).Relu().Sum();
        w.ZeroGrad();
        loss.Backward();
        return (loss.Item(), w.Grad.ToArray());
    }

    [Fact]
    public void DirtyPoolGivesBitIdenticalResultsToAFreshThread() =>
        Gen.Select(Gen.Int[1, 300].Array[5, 20], Gen.Int).Sample((batches, seed) =>
        {
            var w = Tensor.Randn(16, 12, new Random(seed)).RequireGrad();
            foreach (var batch in batches)
            {
                var dirty = Step(w, batch, seed + batch);
                (double Loss, double[] Gradient) fresh = default;
                var thread = new Thread(() => fresh = Step(w, batch, seed + batch));
                thread.Start();
                thread.Join();
                Assert.Equal(fresh.Loss, dirty.Loss);
                Assert.Equal(fresh.Gradient, dirty.Gradient);
            }
        }, iter: 20);
}
