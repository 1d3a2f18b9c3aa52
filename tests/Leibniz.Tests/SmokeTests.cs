using Leibniz;

namespace Leibniz.Tests;

public sealed class SmokeTests
{
    [Fact]
    public void DifferentiableAttributeDefaultsToFirstOrder() => Assert.Equal(1, new DifferentiableAttribute().Order);
}
