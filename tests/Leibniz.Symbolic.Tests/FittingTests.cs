using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

public sealed class FittingTests
{
    // NIST StRD Misra1a: y = b1·(1 − exp(−b2·x)), a "lower difficulty" nonlinear least-squares problem with certified values.
    private static readonly double[] MisraX = [77.6, 114.9, 141.1, 190.8, 239.9, 289.0, 332.8, 378.4, 434.8, 477.3, 536.8, 593.1, 689.1, 760.0];
    private static readonly double[] MisraY = [10.07, 14.73, 17.94, 23.93, 29.61, 35.18, 40.02, 44.82, 50.76, 55.05, 61.01, 66.40, 75.47, 81.78];

    private sealed class Misra1a : ILeastSquaresProblem
    {
        public int ResidualCount => MisraX.Length;

        public void Residuals(ReadOnlySpan<double> b, Span<double> r)
        {
            for (var i = 0; i < MisraX.Length; i++)
            {
                r[i] = b[0] * (1 - Math.Exp(-b[1] * MisraX[i])) - MisraY[i];
            }
        }

        public void Jacobian(ReadOnlySpan<double> b, Span<double> r, Span<double> j)
        {
            Residuals(b, r);
            var n = MisraX.Length;
            for (var i = 0; i < n; i++)
            {
                var e = Math.Exp(-b[1] * MisraX[i]);
                j[i] = 1 - e;
                j[n + i] = b[0] * MisraX[i] * e;
            }
        }
    }

    [Fact]
    public void Levenberg_Marquardt_reaches_the_certified_values_of_NIST_Misra1a_from_its_first_start()
    {
        double[] b = [500, 1e-4];
        var result = new LevenbergMarquardt().Minimize(new Misra1a(), b, 200);

        Close.Assert(2.3894212918E+02, b[0], 1e-6, "b1");
        Close.Assert(5.5015643181E-04, b[1], 1e-6, "b2");
        Close.Assert(1.2455138894E-01, result.Cost, 1e-6, "residual sum of squares");
    }

    [Fact]
    public void Constant_fitting_recovers_the_constants_of_an_exponential_decay_through_the_interpreter()
    {
        // y = 3 · exp(−0.7 · x) + 2; the tree exp(w · x) (from w = −0.1: w = 0 is a singular ridge where a·exp(w·x) degenerates to a line) gets w by LM and 3, 2 as the outer scale and offset.
        var data = RandomTrees.Data(1, 200, seed: 2, 0, 4);
        for (var i = 0; i < data.Rows; i++)
        {
            data.Target[i] = 3 * Math.Exp(-0.7 * data.Column(0)[i]) + 2;
        }

        Node[] nodes = [Node.Input(0, -0.1), Node.Function(Symbol.Exp)];
        var fit = new ConstantFitter().Fit(nodes, data, 30);

        Assert.Equal(-0.7, nodes[0].Value, 1e-9);
        Assert.Equal(3, fit.Scale, 1e-8);
        Assert.Equal(2, fit.Offset, 1e-8);
        Assert.True(fit.Error < 1e-20, $"error {fit.Error}");
    }

    [Fact]
    public void Linear_scaling_is_the_least_squares_line()
    {
        double[] f = [1, 2, 3, 4];
        double[] y = [5, 7, 9, 11];
        var (a, b) = LinearScaling.Fit(f, y);
        Assert.Equal(2, a, 1e-14);
        Assert.Equal(3, b, 1e-14);
        Assert.Equal((1, 1.5), LinearScaling.Fit([1, 1, 1, 1], [1, 2, 3, 4]));
        Assert.True(double.IsNaN(LinearScaling.Fit([double.NaN, 1], [1, 2]).Scale));
    }

    [Fact]
    public void A_model_that_is_not_finite_on_the_data_has_infinite_error()
    {
        var data = RandomTrees.Data(1, 50, seed: 3, -1, 1);
        Node[] nodes = [Node.Input(0), Node.Function(Symbol.Log)];
        Assert.Equal(double.PositiveInfinity, new ConstantFitter().Fit(nodes, data, 5).Error);
    }

    [Fact]
    public void Constant_fitting_allocates_nothing_after_warm_up()
    {
        var data = RandomTrees.Data(2, 300, seed: 4);
        for (var i = 0; i < data.Rows; i++)
        {
            data.Target[i] = Math.Sin(1.3 * data.Column(0)[i]) * data.Column(1)[i];
        }

        var fitter = new ConstantFitter();
        Node[] template = [Node.Input(0), Node.Function(Symbol.Sin), Node.Input(1), Node.Function(Symbol.Mul)];
        var nodes = (Node[])template.Clone();
        fitter.Fit(nodes, data, 5);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 5; i++)
        {
            template.CopyTo(nodes, 0);
            fitter.Fit(nodes, data, 5);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
