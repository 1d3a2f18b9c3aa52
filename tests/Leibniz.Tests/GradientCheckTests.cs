namespace Leibniz.Tests;

public sealed class GradientCheckTests
{
    private static double Rosenbrock(ReadOnlySpan<double> x) =>
        (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]);

    [Fact]
    public void ACorrectTapeGradientPasses()
    {
        double[] point = [-1.2, 1.0];
        var gradient = new double[2];
        new Tape().Gradient(
            x => (1 - x[0]) * (1 - x[0]) + 100 * (x[1] - x[0] * x[0]) * (x[1] - x[0] * x[0]), point, gradient);

        var result = GradientCheck.Check(Rosenbrock, point, gradient);

        Assert.True(result.Passed, result.Message);
        Assert.StartsWith("Gradient check passed", result.Message);
    }

    [Fact]
    public void AWrongComponentFailsAndIsReportedAsTheWorst()
    {
        double[] point = [-1.2, 1.0];
        double[] wrong = [-215.6, -88.0 * 1.01];

        var result = GradientCheck.Check(Rosenbrock, point, wrong);

        Assert.False(result.Passed);
        Assert.Equal(1, result.WorstIndex);
        Assert.Equal(-88.0 * 1.01, result.Analytic);
        Assert.Equal(-88.0, result.Numeric, 6);
        Assert.Equal(0.88, result.AbsoluteError, 6);
        Assert.Equal(1e-5 + 1e-3 * 88.0, result.Tolerance, 9);
        Assert.StartsWith("Gradient check FAILED: worst component [1]: analytic -88.88, numeric -8", result.Message);
        Assert.Contains("> tolerance 0.088", result.Message);
    }

    [Fact]
    public void ANaNComponentIsTheWorst()
    {
        var result = GradientCheck.Check(Rosenbrock, [-1.2, 1.0], [-215.6 * 2, double.NaN]);
        Assert.False(result.Passed);
        Assert.Equal(1, result.WorstIndex);
    }

    [Fact]
    public void TolerancesAreHonoured()
    {
        double[] point = [-1.2, 1.0];
        double[] slightlyOff = [-215.6 + 0.05, -88.0];
        Assert.True(GradientCheck.Check(Rosenbrock, point, slightlyOff).Passed);
        Assert.False(GradientCheck.Check(Rosenbrock, point, slightlyOff, relativeTolerance: 1e-5).Passed);
        Assert.True(GradientCheck.Check(Rosenbrock, point, slightlyOff, absoluteTolerance: 0.06, relativeTolerance: 0).Passed);
    }
}
