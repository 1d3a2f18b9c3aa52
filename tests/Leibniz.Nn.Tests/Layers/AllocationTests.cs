namespace Leibniz.Nn.Tests.Layers;

/// <summary>A steady-state training step reuses the previous step's graph memory: it allocates nothing.</summary>
public sealed class AllocationTests
{
    [Theory]
    [InlineData(DType.Float32, "adam")]
    [InlineData(DType.Float64, "adam")]
    [InlineData(DType.Float32, "sgd")]
    [InlineData(DType.Float32, "rmsprop")]
    public void TrainingStepAllocatesNothingAfterWarmUp(DType dtype, string optimizerName)
    {
        var random = new Random(1);
        var model = new Sequential(
            new Linear(2, 64, random: random, dtype: dtype), new ReLU(),
            new Linear(64, 64, random: random, dtype: dtype), new Tanh(),
            new Linear(64, 1, random: random, dtype: dtype));
        Optimizer optimizer = optimizerName switch
        {
            "adam" => new Adam(model.Parameters()),
            "sgd" => new SGD(model.Parameters(), 0.01, momentum: 0.9, weightDecay: 1e-4, nesterov: true),
            _ => new RMSprop(model.Parameters(), centered: true, momentum: 0.5),
        };
        var loss = new MSELoss();
        var data = Tensor.Randn(256, 2, random, dtype);
        var targets = Tensor.Randn(256, 1, random, dtype);
        var batchX = Tensor.Zeros(32, 2, dtype);
        var batchY = Tensor.Zeros(32, 1, dtype);
        var indices = new int[32];
        var lossSum = 0.0;

        void Step(int step)
        {
            for (var i = 0; i < indices.Length; i++)
            {
                indices[i] = ((step * 32) + (i * 7)) % 256;
            }

            data.CopyRowsTo(indices, batchX);
            targets.CopyRowsTo(indices, batchY);
            optimizer.ZeroGrad();
            var value = loss.Forward(model.Forward(batchX), batchY);
            value.Backward();
            optimizer.Step();
            lossSum += value.Item();
        }

        Assert.Equal(0, BytesPerStep(Step));
        Assert.True(double.IsFinite(lossSum));
    }

    /// <summary>
    /// A PINN step written as PyTorch code is — u_xx by two nested Autograd.Grad calls with createGraph, then the
    /// loss's Backward — allocates nothing either: the network's output u and the last product of u_x, which no
    /// derivative reads, are recycled with the step's graph (they used to take fresh buffers every step).
    /// </summary>
    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void NestedGradientStepAllocatesNothingAfterWarmUp(DType dtype)
    {
        var random = new Random(3);
        var model = new Sequential(
            new Linear(1, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 32, random: random, dtype: dtype), new Tanh(),
            new Linear(32, 1, random: random, dtype: dtype));
        var optimizer = new Adam(model.Parameters(), 1e-3);
        var x = Tensor.Linspace(-1, 1, 64, dtype).Reshape(64, 1);
        x.RequiresGrad = true;
        var ones = Tensor.OnesLike(x);
        var lossSum = 0.0;

        void Step()
        {
            optimizer.ZeroGrad();
            var ux = Autograd.Grad(model.Forward(x), x, ones, createGraph: true);
            var uxx = Autograd.Grad(ux, x, ones, createGraph: true);
            var loss = (uxx + 1.0).Square().Mean();
            loss.Backward();
            optimizer.Step();
            lossSum += loss.Item();
        }

        Assert.Equal(0, BytesPerStep(_ => Step()));
        Assert.True(double.IsFinite(lossSum));
    }

    /// <summary>
    /// Burgers-shaped: u of concatenated columns (x, t), the multi-output Grad for (u_x, u_t), then u_xx. The pad that
    /// puts a constant seed back into its column is a constant of the gradient graph, recycled with it (it was a
    /// fresh tensor the size of the batch every step); what is left per step is the array Grad returns and the
    /// concatenation's list of parts, a few hundred bytes.
    /// </summary>
    [Fact]
    public void NestedGradientThroughColumnsAllocatesOnlyItsSmallArrays()
    {
        var random = new Random(4);
        var model = new Sequential(new Linear(2, 16, random: random), new Tanh(), new Linear(16, 1, random: random));
        var optimizer = new Adam(model.Parameters(), 1e-3);
        var points = Tensor.Randn(512, 2, random);
        var x = points.SliceColumns(0, 1);
        var t = points.SliceColumns(1, 1);
        x.RequiresGrad = true;
        t.RequiresGrad = true;
        var ones = Tensor.OnesLike(x);

        void Step()
        {
            optimizer.ZeroGrad();
            var u = model.Forward(Tensor.ConcatColumns(x, t));
            var first = Autograd.Grad([u], [x, t], [ones], createGraph: true);
            var uxx = Autograd.Grad(first[0], x, ones, createGraph: true);
            (first[1] + (u * first[0]) - (0.01 * uxx)).Square().Mean().Backward();
            optimizer.Step();
        }

        var perStep = BytesPerStep(_ => Step());
        Assert.True(perStep < 400, $"{perStep} bytes per step; a tensor of the batch is 2 KB");
    }

    /// <summary>Runs 50 warm-up steps (the pool fills, the JIT settles), then 200 more; their bytes per step.</summary>
    private static double BytesPerStep(Action<int> step)
    {
        for (var i = 0; i < 50; i++)
        {
            step(i);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 200; i++)
        {
            step(i);
        }

        return (GC.GetAllocatedBytesForCurrentThread() - before) / 200.0;
    }
}
