using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Diagnostics;

/// <summary>A running index incremented inside an index expression (`packed[idx++]`): one LZ0001 at the increment, at both orders.</summary>
public sealed class SecondOrderNaturalFormDiagnosticTests
{
    [Theory]
    [InlineData("[Differentiable]")]
    [InlineData("[Differentiable(Order = 2)]")]
    public void AnIncrementInsideAnIndexGetsOneDiagnosticSayingHowToWriteIt(string attribute)
    {
        var source = """
            using System;
            using Leibniz;

            public static partial class C
            {
                ATTRIBUTE
                public static double Packed(ReadOnlySpan<double> x, [NoDerivative] double[] packed)
                {
                    var idx = 0;
                    var sum = 0.0;
                    for (var i = 0; i < x.Length; i++)
                    {
                        for (var j = 0; j <= i; j++)
                        {
                            sum += packed[idx++] * x[i] * x[j];
                        }
                    }

                    return sum;
                }
            }
            """.Replace("ATTRIBUTE", attribute, StringComparison.Ordinal);

        var diagnostic = Assert.Single(GeneratorHarness.Run(source).GeneratorDiagnostics);
        Assert.Equal("LZ0001", diagnostic.Id);
        Assert.Equal("idx++", source[diagnostic.Location.SourceSpan.Start..diagnostic.Location.SourceSpan.End]);
        var message = diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("increment or decrement used as a value", message, StringComparison.Ordinal);
        Assert.Contains("idx++;", message, StringComparison.Ordinal);
    }
}
