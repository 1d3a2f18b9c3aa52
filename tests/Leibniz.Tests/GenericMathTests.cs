using System.Numerics;

namespace Leibniz.Tests;

/// <summary>One method written against the .NET generic-math interfaces runs on double, Dual and Var alike.</summary>
public sealed class GenericMathTests
{
    [Fact]
    public void OneGenericMethodRunsOnDoubleDualAndVar()
    {
        const double x = 0.7;
        var plain = Model(x);

        var dual = Model(Dual.Variable(x));

        var tape = new Tape();
        var input = tape.Variable(x);
        var output = Model(input);
        tape.Backward(output);

        Assert.Equal(plain, dual.Value);
        Assert.Equal(plain, output.Value);
        Assert.Equal(dual.Tangent, input.Gradient, 14);
        Assert.Equal(FiniteDifference.Derivative(Model, x, accuracy: 4), dual.Tangent, 9);
    }

    [Fact]
    public void MethodsConstrainedOnIFloatingPointIeee754RunOnAllThree()
    {
        double[] point = [0.7, -1.27];
        var plain = Ieee([.. point]);
        var (dualValue, dualGradient) = Dual.Gradient(x => Ieee([x[0], x[1]]), point);
        var (tapeValue, tapeGradient) = new Tape().Gradient(x => Ieee([x[0], x[1]]), point);
        var numeric = FiniteDifference.Gradient(x => Ieee([x[0], x[1]]), point, accuracy: 4);

        Assert.Equal(plain, dualValue);
        Assert.Equal(plain, tapeValue);
        for (var i = 0; i < point.Length; i++)
        {
            Close.Within(dualGradient[i], tapeGradient[i], 1e-14, 1e-14, $"∂/∂x{i} Dual vs Tape");
            Close.Within(numeric[i], dualGradient[i], 1e-9, 1e-9, $"∂/∂x{i} Dual vs finite differences");
        }

        Assert.True(IsNaN(Nan<Dual>()) && IsNaN(Nan<Var>()));
        Assert.Equal(1, ILogB(Dual.Variable(2.5)));
    }

    [Fact]
    public void GenericConstantsConversionsAndPredicatesBehaveLikeDouble()
    {
        Assert.Equal(1.0, Constants<Dual>().Value);
        Assert.Equal(1.0, Constants<Var>().Value);
        Assert.True(Create<Dual, int>(2) == 2.0);
        Assert.Equal(2.5, double.CreateChecked(Dual.Variable(2.5)));
        Assert.True(Create<Var, float>(2.5f).IsConstant);
        Assert.Equal(-1, Sign(Dual.Variable(-3)));
        Assert.Equal(1.5, Parse<Dual>("1.5").Value);
        Assert.Equal("1.5", Parse<Var>("1.5").ToString());
        Assert.Equal("1.5 + 1ε", Dual.Variable(1.5).ToString());
    }

    private static T Model<T>(T x)
        where T : INumber<T>, ITrigonometricFunctions<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T>,
            IPowerFunctions<T>, IRootFunctions<T>, IHyperbolicFunctions<T>
    {
        var two = T.CreateChecked(2);
        var y = T.Sin(x) * T.Exp(x) / (T.One + x * x) + T.Log(two + T.Cos(x)) + T.Pow(x, two) + T.Sqrt(x + two);
        y += T.Tanh(x) * T.Cbrt(x) + T.Atan(x) - T.Hypot(x, two) + T.Log2(x + two) + T.Asinh(x);
        return x < T.Zero ? -y : y;
    }

    // Piecewise-constant rounding contributes value but no derivative; the rest is smooth near the test point.
    private static T Ieee<T>(T[] x)
        where T : IFloatingPointIeee754<T>
    {
        var (a, b) = (x[0], x[1]);
        var scaled = T.ScaleB(a, 3) + T.FusedMultiplyAdd(a, b, T.Floor(b * T.CreateChecked(10)));
        return T.Atan2(b, a) + scaled * T.Ieee754Remainder(a + T.CreateChecked(5), T.CreateChecked(3))
            + T.BitIncrement(a * a) + T.Round(b, 1) + T.Truncate(a) + T.Ceiling(b) + T.Atan2Pi(a, T.One);
    }

    private static bool IsNaN<T>(T x)
        where T : INumberBase<T> => T.IsNaN(x);

    private static T Nan<T>()
        where T : IFloatingPointIeee754<T> => T.NaN;

    private static int ILogB<T>(T x)
        where T : IFloatingPointIeee754<T> => T.ILogB(x);

    private static T Constants<T>()
        where T : INumberBase<T>, ITrigonometricFunctions<T> =>
        T.One + T.Zero * T.Pi + T.AdditiveIdentity * T.E;

    private static T Create<T, TFrom>(TFrom value)
        where T : INumberBase<T>
        where TFrom : INumberBase<TFrom> => T.CreateChecked(value);

    private static T Parse<T>(string text)
        where T : IParsable<T> => T.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static int Sign<T>(T x)
        where T : INumber<T> => T.Sign(x);
}
