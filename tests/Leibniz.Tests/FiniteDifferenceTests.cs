using CsCheck;

namespace Leibniz.Tests;

public sealed class FiniteDifferenceTests
{
    // A point where f′, f″ and the leading error terms of every stencil are all well away from 0.
    private const double X0 = 0.3;

    /// <summary>Every stencil: derivative order, scheme, accuracy order, and the range of steps 2^-k measured.</summary>
    public static TheoryData<int, DifferenceScheme, int, int, int> Stencils => new()
    {
        { 1, DifferenceScheme.Forward, 1, 3, 10 },
        { 1, DifferenceScheme.Backward, 1, 3, 10 },
        { 1, DifferenceScheme.Forward, 2, 3, 10 },
        { 1, DifferenceScheme.Backward, 2, 3, 10 },
        { 1, DifferenceScheme.Central, 2, 3, 10 },
        { 1, DifferenceScheme.Central, 4, 2, 7 },
        { 2, DifferenceScheme.Forward, 1, 3, 10 },
        { 2, DifferenceScheme.Backward, 1, 3, 10 },
        { 2, DifferenceScheme.Forward, 2, 3, 9 },
        { 2, DifferenceScheme.Backward, 2, 3, 9 },
        { 2, DifferenceScheme.Central, 2, 3, 9 },
        { 2, DifferenceScheme.Central, 4, 2, 6 },
    };

    [Theory]
    [MemberData(nameof(Stencils))]
    public void EveryStencilConvergesWithItsTheoreticalOrder(
        int derivative, DifferenceScheme scheme, int accuracy, int firstExponent, int lastExponent)
    {
        var slope = MeasuredOrder(derivative, scheme, accuracy, firstExponent, lastExponent);
        TestContext.Current.TestOutputHelper?.WriteLine(
            FormattableString.Invariant($"derivative {derivative}, {scheme}, O(h^{accuracy}): measured order {slope:F2}"));
        Assert.True(
            Math.Abs(slope - accuracy) <= 0.3,
            $"f{new string('\'', derivative)} {scheme} O(h^{accuracy}): measured order {slope:F3}");
    }

    [Fact]
    public void TheLecturesDeltaXCubedDivisorWouldDivergeWhileDeltaXSquaredConverges()
    {
        // (2f₀ − 5f₁ + 4f₂ − f₃) ≈ h²·f″: over Δx² it converges to f″, over Δx³ (the lecture's typo) it blows up.
        var exact = SecondDerivative(X0);
        foreach (var h in new[] { 1e-2, 1e-3 })
        {
            var sum = 2 * F(X0) - 5 * F(X0 + h) + 4 * F(X0 + 2 * h) - F(X0 + 3 * h);
            Assert.Equal(FiniteDifference.SecondDerivative(F, X0, DifferenceScheme.Forward, 2, h), sum / (h * h), 12);
            Assert.True(Math.Abs(sum / (h * h) - exact) < 10 * h * h);
            Assert.True(Math.Abs(sum / (h * h * h) - exact) > 0.5 * Math.Abs(exact) / h);
        }
    }

    [Theory]
    [MemberData(nameof(Stencils))]
    public void TheDefaultStepGivesAnAccurateEstimate(
        int derivative, DifferenceScheme scheme, int accuracy, int firstExponent, int lastExponent)
    {
        Assert.True(firstExponent < lastExponent);
        var tolerance = (derivative, accuracy) switch
        {
            (1, 1) => 1e-7,
            (1, 2) => 1e-9,
            (1, _) => 1e-11,
            (2, 1) => 1e-4,
            (2, 2) => 1e-6,
            _ => 1e-7,
        };
        Gen.Double[-3, 3].Sample(x =>
        {
            var (estimate, exact) = derivative == 1
                ? (FiniteDifference.Derivative(F, x, scheme, accuracy), FirstDerivative(x))
                : (FiniteDifference.SecondDerivative(F, x, scheme, accuracy), SecondDerivative(x));
            Close.Within(exact, estimate, tolerance, tolerance, $"{scheme} O(h^{accuracy}) at {x}");
        }, iter: 200);
    }

    [Fact]
    public void DefaultStepsFollowTheDocumentedPowersOfEpsilon()
    {
        var epsilon = Math.ScaleB(1.0, -52);
        Assert.Equal(Math.Sqrt(epsilon), FiniteDifference.DefaultStep(0, DifferenceScheme.Forward, 1), 15);
        Assert.Equal(Math.Cbrt(epsilon), FiniteDifference.DefaultStep(0), 15);
        Assert.Equal(Math.Pow(epsilon, 0.2), FiniteDifference.DefaultStep(0, DifferenceScheme.Central, 4), 12);
        Assert.Equal(Math.Pow(epsilon, 0.25), FiniteDifference.DefaultStep(0, derivative: 2), 12);
        Assert.Equal(Math.Pow(epsilon, 1.0 / 6), FiniteDifference.DefaultStep(0, DifferenceScheme.Central, 4, 2), 12);
        Close.Relative(1000 * Math.Cbrt(epsilon), FiniteDifference.DefaultStep(1000), 1e-6, "scaled by |x|");
        var h = FiniteDifference.DefaultStep(0.3);
        Assert.Equal(h, 0.3 + h - 0.3);
    }

    [Fact]
    public void GradientAndPartialDerivativesOfAFunctionOfSeveralVariables()
    {
        static double Field(ReadOnlySpan<double> x) => x[0] * x[0] * x[1] + Math.Sin(x[2]) * x[1];

        double[] point = [1.5, -2, 0.4];
        double[] exact = [2 * 1.5 * -2, 1.5 * 1.5 + Math.Sin(0.4), Math.Cos(0.4) * -2];
        var gradient = FiniteDifference.Gradient(Field, point, DifferenceScheme.Central, 4);
        for (var i = 0; i < point.Length; i++)
        {
            Close.Within(exact[i], gradient[i], 1e-10, 1e-10, $"∂/∂x{i}");
            Close.Within(exact[i], FiniteDifference.PartialDerivative(Field, point, i), 1e-8, 1e-8, $"partial {i}");
        }

        Assert.Equal([1.5, -2, 0.4], point);
        var large = Enumerable.Range(0, 100).Select(i => i * 0.01).ToArray();
        var largeGradient = FiniteDifference.Gradient(x => x[99] * x[99], large);
        Close.Within(2 * 0.99, largeGradient[99], 1e-8, 1e-8, "100 variables");
    }

    internal static double MeasuredOrder(
        int derivative, DifferenceScheme scheme, int accuracy, int firstExponent, int lastExponent)
    {
        var exact = derivative == 1 ? FirstDerivative(X0) : SecondDerivative(X0);
        var logH = new List<double>();
        var logError = new List<double>();
        for (var k = firstExponent; k <= lastExponent; k++)
        {
            var h = Math.ScaleB(1.0, -k);
            var estimate = derivative == 1
                ? FiniteDifference.Derivative(F, X0, scheme, accuracy, h)
                : FiniteDifference.SecondDerivative(F, X0, scheme, accuracy, h);
            logH.Add(Math.Log(h));
            logError.Add(Math.Log(Math.Abs(estimate - exact)));
        }

        return Slope(logH, logError);
    }

    private static double Slope(List<double> x, List<double> y)
    {
        var meanX = x.Average();
        var meanY = y.Average();
        var covariance = x.Zip(y, (a, b) => (a - meanX) * (b - meanY)).Sum();
        var variance = x.Sum(a => (a - meanX) * (a - meanX));
        return covariance / variance;
    }

    private static double F(double x) => Math.Exp(Math.Sin(x));

    private static double FirstDerivative(double x) => Math.Cos(x) * Math.Exp(Math.Sin(x));

    private static double SecondDerivative(double x) =>
        (Math.Cos(x) * Math.Cos(x) - Math.Sin(x)) * Math.Exp(Math.Sin(x));
}
