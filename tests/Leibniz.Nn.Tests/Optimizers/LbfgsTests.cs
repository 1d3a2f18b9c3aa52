namespace Leibniz.Nn.Tests.Optimizers;

/// <summary>
/// L-BFGS on the Rosenbrock function from (−1.2, 1) against the iterates of PyTorch 1.13's <c>torch.optim.LBFGS</c>
/// in float64 (computed with /usr/bin/python3 by the script in the test's comments), and convergence to (1, 1).
/// </summary>
public sealed class LbfgsTests
{
    // x = torch.tensor([-1.2, 1.0], dtype=torch.float64, requires_grad=True)
    // opt = torch.optim.LBFGS([x], lr=1, max_iter=…, history_size=…, line_search_fn=…)
    // closure: zero_grad; f = (1 - x[0])**2 + 100 * (x[1] - x[0]**2)**2; f.backward(); return f
    // after each opt.step(closure): (returned loss, x[0], x[1], state["func_evals"], state["n_iter"])
    private static readonly (double Loss, double X, double Y, int Evaluations, int Iterations)[] s_strongWolfe =
    [
        (24.199999999999996, -1.0276177663827242, 1.0584120782656612, 6, 4),
        (4.111816451757751, -0.7745797354515831, 0.5476256792320803, 12, 9),
        (3.4231654622927565, -0.25600484511812743, 0.037227495245057314, 19, 13),
        (1.6576993608388546, 0.3415181810584376, 0.0989800456155965, 27, 18),
        (0.4647668750070978, 0.6926775532048501, 0.46631386086462, 33, 22),
        (0.11264059591167447, 0.9009678097160453, 0.8046615256474061, 40, 27),
    ];

    private static readonly (double Loss, double X, double Y, int Evaluations, int Iterations)[] s_fixedStep =
    [
        (24.199999999999996, -0.9253632377854819, 1.020778699827523, 4, 4),
        (6.412442546983456, -0.9887683621609287, 0.9891625356353105, 8, 8),
        (3.9684238200809943, -0.1981486460559096, -0.30751738352334546, 12, 12),
    ];

    private static (Tensor A, Tensor B, Func<double> Closure) Rosenbrock()
    {
        var a = Tensor.FromArray(new[] { -1.2 }, DType.Float64).RequireGrad();
        var b = Tensor.FromArray(new[] { 1.0 }, DType.Float64).RequireGrad();
        double Closure()
        {
            a.ZeroGrad();
            b.ZeroGrad();
            var f = ((1 - a).Square() + ((b - a.Square()).Square() * 100)).Sum();
            f.Backward();
            return f.Item();
        }

        return (a, b, Closure);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void IteratesMatchPyTorch(bool strongWolfe)
    {
        var (a, b, closure) = Rosenbrock();
        var optimizer = strongWolfe
            ? new Lbfgs([a, b], maxIterations: 5, historySize: 10, lineSearch: LbfgsLineSearch.StrongWolfe)
            : new Lbfgs([a, b], maxIterations: 4, historySize: 3);
        foreach (var expected in strongWolfe ? s_strongWolfe : s_fixedStep)
        {
            var loss = optimizer.Step(closure);
            Assert.Equal(expected.Loss, loss, 1e-12);
            Assert.Equal(expected.X, a[0], 1e-10);
            Assert.Equal(expected.Y, b[0], 1e-10);
            Assert.Equal(expected.Evaluations, optimizer.FunctionEvaluations);
            Assert.Equal(expected.Iterations, optimizer.Iterations);
        }
    }

    [Fact]
    public void ConvergesToTheMinimumLikePyTorch()
    {
        var (a, b, closure) = Rosenbrock();
        var optimizer = new Lbfgs([a, b], maxIterations: 100, lineSearch: LbfgsLineSearch.StrongWolfe);
        optimizer.Step(closure);

        // PyTorch: (0.9999814210791363, 0.9999619651810985) after 35 iterations and 43 evaluations.
        Assert.Equal(0.9999814210791363, a[0], 1e-9);
        Assert.Equal(0.9999619651810985, b[0], 1e-9);
        Assert.Equal(35, optimizer.Iterations);
        Assert.Equal(43, optimizer.FunctionEvaluations);
        Assert.Equal(1, a[0], 1e-4);
        Assert.Equal(1, b[0], 1e-4);
    }

    [Fact]
    public void CubicInterpolationFindsTheMinimumOfACubic()
    {
        // f(x) = x³ − 3x has its local minimum at x = 1; f′(x) = 3x² − 3.
        static double F(double x) => (x * x * x) - (3 * x);
        static double G(double x) => (3 * x * x) - 3;
        Assert.Equal(1, Lbfgs.CubicInterpolate(0, F(0), G(0), 2, F(2), G(2)), 1e-12);
        Assert.Equal(0.5, Lbfgs.CubicInterpolate(0, F(0), G(0), 2, F(2), G(2), 0.25, 0.5), 1e-12);
    }

    [Fact]
    public void BadArgumentsAreRejected()
    {
        var p = Tensor.Zeros(2, DType.Float64).RequireGrad();
        Assert.Throws<ArgumentException>(() => new Lbfgs([]));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs([p], learningRate: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Lbfgs([p], historySize: 0));
        Assert.Throws<ArgumentException>(() => new Lbfgs([p * 2]));
    }
}
