namespace Leibniz.Tests;

/// <summary>Every public entry point rejects bad input with an ArgumentException that names the argument.</summary>
public sealed class BadInputTests
{
    private static readonly MultivariateFunction<double> Sum = x => x[0] + x[^1];

    public static TheoryData<string, string, Action> Cases => new()
    {
        { "Dual.Derivative null", "f", () => Dual.Derivative(null!, 1) },
        { "Dual.Gradient null", "f", () => Dual.Gradient(null!, [1.0]) },
        { "Dual.Gradient empty", "x", () => Dual.Gradient(x => x[0], []) },
        { "Dual.Gradient lengths", "gradient", () => Dual.Gradient(x => x[0], [1.0, 2.0], new double[1]) },
        { "Tape capacity", "capacity", () => _ = new Tape(-1) },
        { "Tape.Variables lengths", "variables", () => new Tape().Variables([1.0, 2.0], new Var[1]) },
        { "Tape.Gradient null", "f", () => new Tape().Gradient(null!, [1.0], new double[1]) },
        { "Tape.Gradient empty", "x", () => new Tape().Gradient(x => x[0], [], []) },
        { "Tape.Gradient lengths", "gradient", () => new Tape().Gradient(x => x[0], [1.0], new double[2]) },
        { "Tape.Gradient array null", "f", () => new Tape().Gradient(null!, [1.0]) },
        { "Tape.Gradient array empty", "x", () => new Tape().Gradient(x => x[0], []) },
        { "Tape.Backward constant", "output", () => new Tape().Backward(1.0) },
        { "Derivative null", "f", () => FiniteDifference.Derivative(null!, 1) },
        { "Derivative NaN step", "step", () => FiniteDifference.Derivative(Math.Sin, 1, step: double.NaN) },
        { "Derivative negative step", "step", () => FiniteDifference.Derivative(Math.Sin, 1, step: -1e-3) },
        { "Derivative zero step", "step", () => FiniteDifference.Derivative(Math.Sin, 1, step: 0) },
        { "Derivative infinite step", "step", () => FiniteDifference.Derivative(Math.Sin, 1, step: double.PositiveInfinity) },
        { "Derivative central O(h)", "accuracy", () => FiniteDifference.Derivative(Math.Sin, 1, DifferenceScheme.Central, 1) },
        { "Derivative forward O(h⁴)", "accuracy", () => FiniteDifference.Derivative(Math.Sin, 1, DifferenceScheme.Forward, 4) },
        { "Derivative bad scheme", "scheme", () => FiniteDifference.Derivative(Math.Sin, 1, (DifferenceScheme)7) },
        { "SecondDerivative null", "f", () => FiniteDifference.SecondDerivative(null!, 1) },
        { "SecondDerivative NaN step", "step", () => FiniteDifference.SecondDerivative(Math.Sin, 1, step: double.NaN) },
        { "SecondDerivative negative step", "step", () => FiniteDifference.SecondDerivative(Math.Sin, 1, step: -1) },
        { "SecondDerivative O(h³)", "accuracy", () => FiniteDifference.SecondDerivative(Math.Sin, 1, accuracy: 3) },
        { "DefaultStep derivative 3", "derivative", () => FiniteDifference.DefaultStep(1, derivative: 3) },
        { "DefaultStep backward O(h⁴)", "accuracy", () => FiniteDifference.DefaultStep(1, DifferenceScheme.Backward, 4) },
        { "Gradient null", "f", () => FiniteDifference.Gradient(null!, [1.0]) },
        { "Gradient empty", "x", () => FiniteDifference.Gradient(Sum, []) },
        { "Gradient lengths", "gradient", () => FiniteDifference.Gradient(Sum, [1.0, 2.0], new double[3]) },
        { "Gradient NaN step", "step", () => FiniteDifference.Gradient(Sum, [1.0], step: double.NaN) },
        { "Gradient negative step", "step", () => FiniteDifference.Gradient(Sum, [1.0], step: -1) },
        { "Gradient bad accuracy", "accuracy", () => FiniteDifference.Gradient(Sum, [1.0], accuracy: 3) },
        { "PartialDerivative null", "f", () => FiniteDifference.PartialDerivative(null!, [1.0], 0) },
        { "PartialDerivative empty", "x", () => FiniteDifference.PartialDerivative(Sum, [], 0) },
        { "PartialDerivative index", "index", () => FiniteDifference.PartialDerivative(Sum, [1.0], 1) },
        { "PartialDerivative negative index", "index", () => FiniteDifference.PartialDerivative(Sum, [1.0], -1) },
        { "PartialDerivative NaN step", "step", () => FiniteDifference.PartialDerivative(Sum, [1.0], 0, step: double.NaN) },
        { "GradientCheck null", "f", () => GradientCheck.Check(null!, [1.0], [1.0]) },
        { "GradientCheck empty", "x", () => GradientCheck.Check(Sum, [], []) },
        { "GradientCheck lengths", "analyticGradient", () => GradientCheck.Check(Sum, [1.0, 2.0], [1.0]) },
        { "GradientCheck atol", "absoluteTolerance", () => GradientCheck.Check(Sum, [1.0], [2.0], absoluteTolerance: -1) },
        { "GradientCheck rtol", "relativeTolerance", () => GradientCheck.Check(Sum, [1.0], [2.0], relativeTolerance: double.NaN) },
        { "Dual.CompareTo", "obj", () => Dual.Variable(1).CompareTo("one") },
        { "Var.CompareTo", "obj", () => ((Var)1.0).CompareTo("one") },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ThrowsAnArgumentExceptionNamingTheArgument(string entryPoint, string argument, Action call)
    {
        var error = Assert.ThrowsAny<ArgumentException>(call);
        Assert.True(argument == error.ParamName, $"{entryPoint}: expected paramName {argument}, got {error.ParamName}");
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }
}
