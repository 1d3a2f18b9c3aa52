using Leibniz.Samples.CustomFunctions;

namespace Leibniz.Samples.Tests;

public sealed class CustomFunctionsSampleTests
{
    [Fact]
    public void Every_generated_gradient_passes_the_gradient_check()
    {
        var (result, output, _) = SampleRun.Quick(CustomFunctionsSample.Run);

        Assert.All(result.Checks, c => Assert.True(c.Check.Passed, $"{c.Function}: {c.Check.Message}"));
        Assert.Equal(6, result.Checks.Count);
        Assert.Equal(result.Checks.Single(c => c.Function == "Swish(1)").Gradient[0], result.SwishJvp, 1e-14);
        Assert.Contains("∂/∂delta", output, StringComparison.Ordinal);
    }

    public static TheoryData<int> Examples() => new(Enumerable.Range(0, DiagnosticExamples.All.Count));

    [Theory]
    [MemberData(nameof(Examples))]
    public void The_diagnostic_the_sample_prints_is_the_one_the_generator_reports(int index)
    {
        var example = DiagnosticExamples.All[index];
        var source = $$"""
            using Leibniz;

            public partial class Examples
            {
            {{example.Code}}
            }
            """;

        var diagnostics = GeneratedSourceTests.Run([("Examples.cs", source)]).Diagnostics;

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(example.Id, diagnostic.Id);
        Assert.Equal(example.Message, diagnostic.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
