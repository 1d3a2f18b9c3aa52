using Leibniz;

namespace Leibniz.Samples.CustomFunctions;

/// <summary>One function checked at one point.</summary>
/// <param name="Function">The call, e.g. <c>Huber(2, 1)</c>.</param>
/// <param name="Value">f at the point.</param>
/// <param name="Gradient">The generated gradient.</param>
/// <param name="Check">The runtime's gradient check of it against finite differences.</param>
public sealed record FunctionCheck(string Function, double Value, double[] Gradient, GradientCheckResult Check);

/// <summary>What the sample measured.</summary>
/// <param name="Checks">Every function at every point.</param>
/// <param name="SwishJvp">Forward mode: d/dt Swish(x + t) at x = 1, from SwishJvp.</param>
public sealed record CustomFunctionsResult(IReadOnlyList<FunctionCheck> Checks, double SwishJvp);

/// <summary>Writing your own [Differentiable] functions, and what the generator says when it cannot help.</summary>
public static class CustomFunctionsSample
{
    /// <summary>Runs the sample.</summary>
    public static CustomFunctionsResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var directory = SampleDirectory.Of(typeof(CustomFunctionsSample).Assembly);
        context.Heading("Your own [Differentiable] functions (samples/CustomFunctions/MyFunctions.cs)");
        context.Line("Locals, compound assignment, if/else, calls between [Differentiable] methods, float, and the");
        context.Line("functions of the derivative table. For each method F the generator writes FGradient (reverse");
        context.Line("mode) and FJvp (forward mode); their documentation shows each partial derivative as a formula:");
        foreach (var name in new[] { "Gaussian", "Huber", "Swish", "Softplus", "Bell" })
        {
            context.Line();
            var file = GeneratedSource.FindFile(directory, name + "Gradient");
            var doc = file is null ? [] : GeneratedSource.DocumentationOf(file, name + "Gradient");
            foreach (var line in doc.Count > 0 ? doc : [$"{name}Gradient (build the sample to see its generated file)"])
            {
                context.Line("    " + line);
            }
        }

        context.Line();
        context.Line("The branch of Huber stays a branch: HuberGradient runs only the side that applies (the other");
        context.Line("side could be NaN), its value and derivatives together, so the condition is tested once:");
        var huber = GeneratedSource.FindFile(directory, "HuberGradient");
        foreach (var line in huber is null ? [] : GeneratedSource.BodyOf(huber, "HuberGradient"))
        {
            context.Line("    " + line);
        }

        context.Heading("Checked against finite differences (GradientCheck)");
        var checks = new List<FunctionCheck>
        {
            Check("Gaussian(0.3, 0, 1.5)", [0.3, 0, 1.5], x => MyFunctions.Gaussian(x[0], x[1], x[2]),
                x => MyFunctions.GaussianGradient(x[0], x[1], x[2]) switch { var (_, dx, dmu, dsigma) => [dx, dmu, dsigma] }),
            Check("Huber(0.4, 1)   (inside)", [0.4, 1], x => MyFunctions.Huber(x[0], x[1]),
                x => MyFunctions.HuberGradient(x[0], x[1]) switch { var (_, dr, ddelta) => [dr, ddelta] }),
            Check("Huber(-2.5, 1)  (outside)", [-2.5, 1], x => MyFunctions.Huber(x[0], x[1]),
                x => MyFunctions.HuberGradient(x[0], x[1]) switch { var (_, dr, ddelta) => [dr, ddelta] }),
            Check("Swish(1)", [1], x => MyFunctions.Swish(x[0]),
                x => [MyFunctions.SwishGradient(x[0]).dx]),
            Check("Softplus(0.5f)", [0.5], x => MyFunctions.Softplus((float)x[0]),
                x => [MyFunctions.SoftplusGradient((float)x[0]).dx], single: true),
            Check("Bell(0.2, -0.6)", [0.2, -0.6], x => MyFunctions.Bell(x[0], x[1]),
                x => MyFunctions.BellGradient(x[0], x[1]) switch { var (_, dx, dy) => [dx, dy] }),
        };
        var table = new ResultTable("call", "value", "generated gradient", "gradient check");
        foreach (var check in checks)
        {
            table.Add(check.Function, check.Value, "(" + string.Join(", ", check.Gradient.Select(ResultTable.Num)) + ")",
                check.Check.Passed ? "passed" : "FAILED: " + check.Check.Message);
        }

        context.Show(table);
        context.Line("Softplus is float: it is checked with float-sized tolerances (atol 1e-4, rtol 1e-3).");

        var jvp = MyFunctions.SwishJvp(1, 1).Tangent;
        context.Line();
        context.Line($"Forward mode: SwishJvp(x: 1, dx: 1).Tangent = {ResultTable.Num(jvp)} (the same derivative, one pass per direction).");

        ShowDiagnostics(context);
        return new CustomFunctionsResult(checks, jvp);
    }

    private static FunctionCheck Check(string call, double[] point, Func<double[], double> f,
        Func<double[], double[]> gradient, bool single = false)
    {
        var analytic = gradient(point);
        var check = GradientCheck.Check(x => f(x.ToArray()), point, analytic,
            absoluteTolerance: single ? 1e-4 : GradientCheck.DefaultAbsoluteTolerance);
        return new FunctionCheck(call, f(point), analytic, check);
    }

    private static void ShowDiagnostics(SampleContext context)
    {
        context.Heading("When the generator cannot differentiate your code");
        context.Line("It never guesses and never crashes the build: it reports an error at the exact place, saying");
        context.Line("what is wrong and what to do. Three methods of a 'partial class Examples', and the error each one");
        context.Line("gets in the IDE and in dotnet build (the tests compile these very snippets to keep the text true):");
        foreach (var example in DiagnosticExamples.All)
        {
            context.Line();
            foreach (var line in example.Code.Split('\n'))
            {
                context.Line("    " + line);
            }

            context.Markup($"  [red]error {Spectre.Console.Markup.Escape(example.Id)}[/]: {Spectre.Console.Markup.Escape(example.Message)}");
        }
    }
}
