namespace Leibniz.Nn.Tests;

public sealed class NnSmokeTests
{
    [Fact]
    public void NnAssemblyIsNamedLeibnizNn() => Assert.Equal("Leibniz.Nn", typeof(NnAssembly).Assembly.GetName().Name);
}
