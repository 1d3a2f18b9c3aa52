using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Diagnostics;

/// <summary>A differentiated double[,] parameter at Order = 2: one LZ0010 at the parameter (its Hvp would need 2-D direction arrays).</summary>
public sealed class SecondOrderGridDiagnosticTests
{
    [Fact]
    public void ADifferentiatedGridAtOrderTwoGetsOneDiagnosticAtTheParameter()
    {
        const string source = """
            using System;
            using Leibniz;

            public static partial class C
            {
                [Differentiable(Order = 2)]
                public static double Grid(double[,] u, [NoDerivative] double[,] weights)
                {
                    var e = 0.0;
                    for (var i = 0; i + 1 < u.GetLength(0); i++)
                    {
                        for (var j = 0; j < u.GetLength(1); j++)
                        {
                            var d = u[i + 1, j] - u[i, j];
                            e += weights[i, j] * d * d * d * d;
                        }
                    }

                    return e;
                }
            }
            """;

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);
        Assert.Equal("LZ0010", diagnostic.Id);
        Assert.Equal("double[,] u", source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
        Assert.Contains("flat span", diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }
}
