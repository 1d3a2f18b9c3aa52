using System.Reflection;

namespace Leibniz.Tests;

public sealed class DifferentiableAttributeTests
{
    [Fact]
    public void OrderDefaultsToFirstAndCanAskForSecond()
    {
        Assert.Equal(1, new DifferentiableAttribute().Order);
        Assert.Equal(2, new DifferentiableAttribute { Order = 2 }.Order);
    }

    [Fact]
    public void AppliesOnceToMethodsOnly()
    {
        var usage = typeof(DifferentiableAttribute).GetCustomAttribute<AttributeUsageAttribute>()!;
        Assert.Equal(AttributeTargets.Method, usage.ValidOn);
        Assert.False(usage.AllowMultiple);
        Assert.False(usage.Inherited);
        Assert.True(typeof(DifferentiableAttribute).IsSealed);
    }

    [Fact]
    public void IsFoundOnAnAnnotatedMethod()
    {
        var method = typeof(DifferentiableAttributeTests).GetMethod(nameof(Square), BindingFlags.NonPublic | BindingFlags.Static)!;
        Assert.Equal(2, method.GetCustomAttribute<DifferentiableAttribute>()!.Order);
        Assert.Equal(9.0, Square(3));
    }

    [Differentiable(Order = 2)]
    private static double Square(double x) => x * x;
}
