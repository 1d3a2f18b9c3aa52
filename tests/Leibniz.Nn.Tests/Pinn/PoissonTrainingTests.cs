using Leibniz.Nn.Pinn;

namespace Leibniz.Nn.Tests.Pinn;

/// <summary>A physics-informed network learns −u″ = π² sin πx on [−1, 1] with u(±1) = 0 (exact: sin πx) in seconds.</summary>
public sealed class PoissonTrainingTests
{
    private sealed class Problem
    {
        public Problem(DType dtype)
        {
            var random = new Random(0);
            Model = new Sequential(
                new Linear(1, 16, random: random, dtype: dtype), new Tanh(),
                new Linear(16, 16, random: random, dtype: dtype), new Tanh(),
                new Linear(16, 1, random: random, dtype: dtype));
            Taylor = new TaylorForward(Model, new InputDerivatives([0], [(0, 0)]));
            Points = Collocation.Sobol(64, [-1], [1], dtype);
            Boundary = Tensor.FromArray(new[] { -1.0, 1.0 }, 2, 1, dtype);
        }

        public Sequential Model { get; }

        public TaylorForward Taylor { get; }

        public Tensor Points { get; }

        public Tensor Boundary { get; }

        public Residual Residual { get; } = Residual.Of(Equations.PoissonGradient);

        public Tensor Loss()
        {
            var jet = Taylor.Forward(Points);
            var r = Residual.Evaluate(jet, JetTerm.D2(0), JetTerm.Input(0));
            return r.Square().Mean() + Model.Forward(Boundary).Square().Mean();
        }

        public double RelativeL2Error()
        {
            using (Tensor.NoGrad())
            {
                var x = Tensor.Uniform(200, 1, -1, 1, new Random(9), DType.Float64).To(Points.DType);
                var u = Model.Forward(x).ToArray();
                var xs = x.ToArray();
                double error = 0, norm = 0;
                for (var i = 0; i < u.Length; i++)
                {
                    var exact = Math.Sin(Math.PI * xs[i]);
                    error += (u[i] - exact) * (u[i] - exact);
                    norm += exact * exact;
                }

                return Math.Sqrt(error / norm);
            }
        }
    }

    [Fact]
    public void AdamThenLbfgsReachesRelativeErrorBelowOneInAThousand()
    {
        var problem = new Problem(DType.Float64);
        var adam = new Adam(problem.Model.Parameters(), learningRate: 1e-2);
        for (var step = 0; step < 500; step++)
        {
            adam.ZeroGrad();
            problem.Loss().Backward();
            adam.Step();
        }

        var afterAdam = problem.RelativeL2Error();
        var lbfgs = new Lbfgs(problem.Model.Parameters(), maxIterations: 300, lineSearch: LbfgsLineSearch.StrongWolfe);
        lbfgs.Step(() =>
        {
            problem.Model.ZeroGrad();
            var loss = problem.Loss();
            loss.Backward();
            return loss.Item();
        });
        var afterLbfgs = problem.RelativeL2Error();
        Assert.True(afterLbfgs < 1e-3, $"relative L2 error {afterLbfgs:E2} after L-BFGS ({afterAdam:E2} after Adam)");
        Assert.True(afterLbfgs < afterAdam / 3, $"L-BFGS should improve on Adam: {afterAdam:E2} → {afterLbfgs:E2}");
    }

    [Theory]
    [InlineData(DType.Float32)]
    [InlineData(DType.Float64)]
    public void TrainingStepAllocatesNothingAfterWarmUp(DType dtype)
    {
        var problem = new Problem(dtype);
        var adam = new Adam(problem.Model.Parameters(), learningRate: 1e-3);
        void Step()
        {
            adam.ZeroGrad();
            problem.Loss().Backward();
            adam.Step();
        }

        for (var i = 0; i < 20; i++)
        {
            Step();
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 50; i++)
        {
            Step();
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
