using CsCheck;

namespace Leibniz.Tests;

public sealed class ElementaryTests
{
    [Fact]
    public void ReciprocalFunctionsMatchTheirDefinitions() =>
        Gen.Double[0.1, 3.0].Sample(x =>
        {
            Close.Relative(Math.Cos(x) / Math.Sin(x), Elementary.Cot(x), 1e-14, "Cot");
            Close.Relative(1 / Math.Cos(x), Elementary.Sec(x), 1e-14, "Sec");
            Close.Relative(1 / Math.Sin(x), Elementary.Csc(x), 1e-14, "Csc");
            Close.Relative(Math.Cosh(x) / Math.Sinh(x), Elementary.Coth(x), 1e-14, "Coth");
            Close.Relative(2 / (Math.Exp(x) + Math.Exp(-x)), Elementary.Sech(x), 1e-14, "Sech");
            Close.Relative(2 / (Math.Exp(x) - Math.Exp(-x)), Elementary.Csch(x), 1e-13, "Csch");
        }, iter: 2000);

    [Fact]
    public void InverseFunctionsInvertTheirFunctions()
    {
        Gen.Double[0.05, 3.1].Sample(x => Close.Relative(x, Elementary.Acot(Elementary.Cot(x)), 1e-13, "Acot∘Cot"));
        Gen.Double[0.05, 1.5].Sample(x => Close.Relative(x, Elementary.Asec(Elementary.Sec(x)), 1e-12, "Asec∘Sec"));
        Gen.Double[0.05, 1.5].Sample(x => Close.Relative(x, Elementary.Acsc(Elementary.Csc(x)), 1e-12, "Acsc∘Csc"));
        Gen.Double[0.05, 5.0].Sample(x => Close.Relative(x, Elementary.Acoth(Elementary.Coth(x)), 1e-12, "Acoth∘Coth"));
        Gen.Double[0.05, 5.0].Sample(x => Close.Relative(x, Elementary.Asech(Elementary.Sech(x)), 1e-12, "Asech∘Sech"));
        Gen.Double[-5.0, 5.0].Sample(x => Close.Relative(x, Elementary.Acsch(Elementary.Csch(x)), 1e-13, "Acsch∘Csch"));
    }

    [Fact]
    public void AcotIsTheContinuousBranchWithRangeZeroToPi()
    {
        Assert.Equal(Math.PI / 2, Elementary.Acot(0.0));
        Assert.Equal(Math.PI / 2, Elementary.Acot(-0.0));
        Assert.Equal(Math.PI / 4, Elementary.Acot(1.0), 15);
        Assert.Equal(3 * Math.PI / 4, Elementary.Acot(-1.0), 15);
        Assert.Equal(0.0, Elementary.Acot(double.PositiveInfinity));
        Assert.Equal(Math.PI, Elementary.Acot(double.NegativeInfinity));
        Gen.Double[-50.0, 50.0].Sample(x => Close.Relative(Math.PI / 2 - Math.Atan(x), Elementary.Acot(x), 1e-14, "Acot"));
    }

    [Fact]
    public void FunctionsWithAPoleAtZeroKeepFullPrecisionNearIt()
    {
        // coth x = 1/x + x/3 − …, csch x = 1/x − x/6 + …: the correction is below one ulp here.
        Close.Relative(1e8, Elementary.Coth(1e-8), 1e-15, "Coth(1e-8)");
        Close.Relative(1e8, Elementary.Csch(1e-8), 1e-15, "Csch(1e-8)");
        Close.Relative(-1e150, Elementary.Csch(-1e-150), 1e-15, "Csch(-1e-150)");
        Assert.Equal(double.PositiveInfinity, Elementary.Coth(0.0));
        Assert.Equal(double.NegativeInfinity, Elementary.Csch(-0.0));
    }

    [Fact]
    public void AcothIsAccurateNearOneAndForLargeArguments()
    {
        // acoth(1 + δ) = ½ ln((2 + δ)/δ): δ is exact, so this reference has full precision.
        var delta = Math.ScaleB(1.0, -40);
        Close.Relative(0.5 * Math.Log((2 + delta) / delta), Elementary.Acoth(1 + delta), 1e-15, "Acoth(1+2^-40)");
        Close.Relative(1e-10, Elementary.Acoth(1e10), 1e-15, "Acoth(1e10)");
        Close.Relative(-1e-10, Elementary.Acoth(-1e10), 1e-15, "Acoth(-1e10)");
        Assert.Equal(double.PositiveInfinity, Elementary.Acoth(1.0));
        Assert.Equal(double.NegativeInfinity, Elementary.Acoth(-1.0));
        Assert.Equal(0.0, Elementary.Acoth(double.PositiveInfinity));
    }

    [Fact]
    public void InverseReciprocalHyperbolicsAreAccurateAtTheirExtremes()
    {
        Close.Relative(Math.Log(2 / 1e-20), Elementary.Asech(1e-20), 1e-15, "Asech(1e-20)");
        Close.Relative(Math.Log(2) + 310 * Math.Log(10), Elementary.Asech(1e-310), 1e-14, "Asech(subnormal)");
        Close.Relative(Math.Log(2) + 310 * Math.Log(10), Elementary.Acsch(1e-310), 1e-14, "Acsch(subnormal)");
        Close.Relative(1e-20, Elementary.Acsch(1e20), 1e-15, "Acsch(1e20)");

        // asech(1 − δ) = √(2δ)·(1 + 5δ/12 + O(δ²)) near 1; δ = 2⁻⁴⁰ makes 1 − δ exact.
        var delta = Math.ScaleB(1.0, -40);
        Close.Relative(Math.Sqrt(2 * delta) * (1 + 5 * delta / 12), Elementary.Asech(1 - delta), 1e-15, "Asech(1-2^-40)");
        Assert.Equal(0.0, Elementary.Asech(1.0));
        Assert.Equal(double.PositiveInfinity, Elementary.Asech(0.0));
    }

    [Fact]
    public void SigmoidAndSoftplusNeitherOverflowNorLosePrecisionAtTheExtremes()
    {
        Assert.Equal(1.0, Elementary.Sigmoid(1000.0));
        Assert.Equal(0.0, Elementary.Sigmoid(-1000.0));
        Assert.Equal(1000.0, Elementary.Softplus(1000.0));
        Assert.Equal(0.0, Elementary.Softplus(-1000.0));
        Assert.Equal(0.5, Elementary.Sigmoid(0.0));
        Close.Relative(Math.Exp(-30) / (1 + Math.Exp(-30)), Elementary.Sigmoid(-30.0), 1e-15, "Sigmoid(-30)");
        Close.Relative(Math.Exp(-40), Elementary.Softplus(-40.0), 1e-15, "Softplus(-40)");
        Close.Relative(Math.Log(2), Elementary.Softplus(0.0), 1e-16, "Softplus(0)");
        Assert.Equal(1f, Elementary.Sigmoid(1000f));
        Assert.Equal(1000f, Elementary.Softplus(1000f));
        Gen.Double[-2.0, 30.0].Sample(x =>
        {
            Close.Relative(1 / (1 + Math.Exp(-x)), Elementary.Sigmoid(x), 1e-14, "Sigmoid");
            Close.Relative(Math.Log(1 + Math.Exp(x)), Elementary.Softplus(x), 1e-13, "Softplus");
        });
    }

    [Fact]
    public void ActivationsFollowTheLecturesConventions()
    {
        Assert.Equal(1.0, Elementary.Heaviside(0.0));
        Assert.Equal(1.0, Elementary.Heaviside(2.5));
        Assert.Equal(0.0, Elementary.Heaviside(-2.5));
        Assert.Equal(0.0, Elementary.Sign(0.0));
        Assert.Equal(0.0, Elementary.Sign(-0.0));
        Assert.Equal(1.0, Elementary.Sign(3.0));
        Assert.Equal(-1.0, Elementary.Sign(-3.0));
        Assert.Equal(0.0, Elementary.Relu(-2.0));
        Assert.Equal(0.0, Elementary.Relu(0.0));
        Assert.Equal(2.0, Elementary.Relu(2.0));
        Assert.Equal(-0.02, Elementary.LeakyRelu(-2.0));
        Assert.Equal(-1.0, Elementary.LeakyRelu(-2.0, 0.5));
        Assert.Equal(2.0, Elementary.LeakyRelu(2.0, 0.5));
        Assert.Equal(1f, Elementary.Heaviside(0f));
        Assert.Equal(0f, Elementary.Sign(0f));
        Assert.Equal(-0.02f, Elementary.LeakyRelu(-2f));
    }

    [Fact]
    public void NaNOutsideTheRealDomainAndForNaN()
    {
        Assert.True(double.IsNaN(Elementary.Acoth(0.5)));
        Assert.True(double.IsNaN(Elementary.Asec(0.5)));
        Assert.True(double.IsNaN(Elementary.Acsc(-0.5)));
        Assert.True(double.IsNaN(Elementary.Asech(1.5)));
        Assert.True(double.IsNaN(Elementary.Asech(-0.1)));
        Func<double, double>[] functions =
        [
            Elementary.Cot, Elementary.Sec, Elementary.Csc, Elementary.Acot, Elementary.Coth, Elementary.Sech,
            Elementary.Csch, Elementary.Acoth, Elementary.Asec, Elementary.Acsc, Elementary.Asech, Elementary.Acsch,
            Elementary.Sigmoid, Elementary.Softplus, Elementary.Relu, Elementary.LeakyRelu, Elementary.Heaviside,
            Elementary.Sign,
        ];
        Assert.All(functions, f => Assert.True(double.IsNaN(f(double.NaN)), f.Method.Name));
        Assert.True(float.IsNaN(Elementary.Acoth(0.5f)));
        Assert.True(float.IsNaN(Elementary.Sign(float.NaN)));
    }

    [Fact]
    public void SinglePrecisionOverloadsAreTheDoubleResultRoundedOnce()
    {
        (Func<float, float> Single, Func<double, double> Double, float Lo, float Hi)[] pairs =
        [
            (Elementary.Cot, Elementary.Cot, 0.1f, 3f), (Elementary.Sec, Elementary.Sec, -1.5f, 1.5f),
            (Elementary.Csc, Elementary.Csc, 0.1f, 3f), (Elementary.Acot, Elementary.Acot, -5f, 5f),
            (Elementary.Coth, Elementary.Coth, 0.1f, 5f), (Elementary.Sech, Elementary.Sech, -5f, 5f),
            (Elementary.Csch, Elementary.Csch, 0.1f, 5f), (Elementary.Acoth, Elementary.Acoth, 1.1f, 9f),
            (Elementary.Asec, Elementary.Asec, 1.1f, 9f), (Elementary.Acsc, Elementary.Acsc, 1.1f, 9f),
            (Elementary.Asech, Elementary.Asech, 0.1f, 0.9f), (Elementary.Acsch, Elementary.Acsch, 0.1f, 9f),
            (Elementary.Sigmoid, Elementary.Sigmoid, -9f, 9f), (Elementary.Softplus, Elementary.Softplus, -9f, 9f),
            (Elementary.Relu, Elementary.Relu, -9f, 9f),
            (Elementary.Heaviside, Elementary.Heaviside, -9f, 9f), (Elementary.Sign, Elementary.Sign, -9f, 9f),
        ];
        foreach (var (single, @double, lo, hi) in pairs)
        {
            Gen.Single[lo, hi].Sample(x => Assert.Equal((float)@double(x), single(x)), iter: 200);
        }
    }
}
