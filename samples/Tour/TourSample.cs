using Leibniz;

namespace Leibniz.Samples.Tour;

/// <summary>What the tour measured, for the tests and the docs.</summary>
/// <param name="RastriginGradient">The generated gradient of Rastrigin at (1.2, −0.7): value, ∂x, ∂y.</param>
/// <param name="WorstTableErrors">Per method (generated, dual, tape, central difference), the worst relative error over the table.</param>
/// <param name="Stencils">Every stencil's measured order and round-off floor.</param>
/// <param name="Graph">The computational graph's nodes after backward.</param>
public sealed record TourResult(
    (double Value, double Dx, double Dy) RastriginGradient,
    IReadOnlyDictionary<string, double> WorstTableErrors,
    IReadOnlyList<StencilMeasurement> Stencils,
    IReadOnlyList<GraphNode> Graph);

/// <summary>The tour: the README's first command. A few screens through the lecture's first half.</summary>
public static class TourSample
{
    /// <summary>The method names of the derivative check, in the order of the table's columns.</summary>
    public static readonly string[] Methods = ["generated", "Dual", "Tape", "central difference"];

    /// <summary>Runs the tour.</summary>
    public static TourResult Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var gradient = ShowGeneratedGradient(context);
        var worst = CheckDerivativeTable(context);
        var stencils = MeasureStencils(context);
        var graph = ShowComputationalGraph(context);
        PointToSamples(context);
        return new TourResult(gradient, worst, stencils, graph);
    }

    private static (double, double, double) ShowGeneratedGradient(SampleContext context)
    {
        context.Heading("1. A [Differentiable] method and the derivative code generated for it");
        context.Line("You write an ordinary C# method and mark it:");
        context.Line();
        context.Line("    [Differentiable]");
        context.Line("    public static double Rastrigin(double x, double y) =>");
        context.Line("        20 + (x * x - 10 * Math.Cos(2 * Math.PI * x)) + (y * y - 10 * Math.Cos(2 * Math.PI * y));");
        context.Line();
        context.Line("At compile time the generator adds RastriginGradient (reverse mode) and RastriginJvp (forward");
        context.Line("mode) to the same partial class. What it wrote (obj/generated), documentation first:");
        context.Line();
        var file = GeneratedSource.FindFile(SampleDirectory.Of(typeof(TourSample).Assembly), "RastriginGradient");
        if (file is null)
        {
            context.Line("    (build the sample to see the generated file)");
        }
        else
        {
            foreach (var line in GeneratedSource.DocumentationOf(file, "RastriginGradient")
                         .Concat(GeneratedSource.BodyOf(file, "RastriginGradient")))
            {
                context.Line("    " + line);
            }

            context.Line();
            context.Line("Straight-line code, one local per intermediate, sin and cos computed once: no tape, no allocation.");
        }

        context.Line();
        var table = new ResultTable("(x, y)", "f", "∂f/∂x generated", "∂f/∂x central diff.", "∂f/∂y generated",
            "∂f/∂y central diff.");
        foreach (var (x, y) in new[] { (1.2, -0.7), (0.0, 0.0), (-3.3, 4.5) })
        {
            var g = Functions.RastriginGradient(x, y);
            var fdx = Central(t => Functions.Rastrigin(t, y), x);
            var fdy = Central(t => Functions.Rastrigin(x, t), y);
            table.Add($"({ResultTable.Num(x)}, {ResultTable.Num(y)})", g.Value, g.dx, fdx, g.dy, fdy);
        }

        context.Show(table);
        var jvp = Functions.RastriginJvp(1.2, -0.7, 1, 0);
        context.Line($"Forward mode agrees: RastriginJvp(1.2, -0.7, dx: 1, dy: 0).Tangent = {ResultTable.Num(jvp.Tangent)}");
        return Functions.RastriginGradient(1.2, -0.7);
    }

    private static IReadOnlyDictionary<string, double> CheckDerivativeTable(SampleContext context)
    {
        context.Heading("2. The derivative table, checked live");
        context.Line("Each row: the table's f′ coded by hand is the reference; the other columns are the relative");
        context.Line("errors of the generated gradient, dual numbers (forward), the tape (reverse) and a central difference.");
        var table = new ResultTable("f(x)", "f′(x)", "x", "f′ (table)", "generated", "Dual", "Tape", "central diff.");
        var worst = Methods.ToDictionary(m => m, _ => 0.0);
        foreach (var entry in DerivativeTable.Entries)
        {
            var exact = entry.Analytic(entry.X);
            var tape = new Tape();
            var v = tape.Variable(entry.X);
            tape.Backward(entry.Reverse(v));
            double[] values =
            [
                entry.Generated(entry.X),
                entry.Forward(Dual.Variable(entry.X)).Tangent,
                v.Gradient,
                Central(entry.Primal, entry.X),
            ];
            var errors = values.Select(d => Math.Abs(d - exact) / Math.Max(1, Math.Abs(exact))).ToArray();
            for (var m = 0; m < Methods.Length; m++)
            {
                worst[Methods[m]] = Math.Max(worst[Methods[m]], errors[m]);
            }

            table.Add(entry.Function, entry.Derivative, entry.X, exact, errors[0], errors[1], errors[2], errors[3]);
        }

        context.Show(table);
        context.Line(string.Join(", ", worst.Select(w => $"worst {w.Key}: {ResultTable.Num(w.Value)}")));
        context.Line("The three automatic methods are exact to the last bits; the difference quotient is not (section 3).");
        return worst;
    }

    private static IReadOnlyList<StencilMeasurement> MeasureStencils(SampleContext context)
    {
        context.Heading("3. Finite differences: error against step h");
        context.Line("f(x) = eˣ·sin x at x = 1. For each stencil of the lecture, the error |approximation − exact|");
        context.Line("for h from 0.3 down to 1e-12. The order is the slope of log error against log h over a decade where");
        context.Line("truncation dominates (1e-3 ≤ h ≤ 1e-2; 1e-2 ≤ h ≤ 0.1 for O(h⁴)); below the smallest error,");
        context.Line("round-off (≈ ε/hᵈ for the d-th derivative) takes over and smaller steps make things worse.");
        var steps = StencilStudy.Steps(context.Quick);
        var measurements = Stencils.All.Select(s => StencilStudy.Measure(s, steps)).ToArray();
        var table = new ResultTable("stencil", "order (theory)", "order (measured)", "smallest error", "at step h");
        foreach (var m in measurements)
        {
            table.Add(m.Stencil.Name, m.Stencil.Order,
                Math.Round(m.MeasuredOrder, 2), m.BestError, m.BestStep);
        }

        var typo = StencilStudy.Measure(Stencils.LectureForwardSecondDerivativeTypo, steps);
        table.Add(typo.Stencil.Name, "", Math.Round(typo.MeasuredOrder, 2), typo.BestError, typo.BestStep);
        context.Show(table);
        context.Line("The lecture's one-sided O(Δx²) f″ stencils divide by Δx³: a typo. With Δx³ the 'approximation'");
        context.Line("is the true value divided by h, so the error grows like 1/h (order −1, last row); Leibniz uses Δx².");

        foreach (var derivative in new[] { 1, 2 })
        {
            var chart = new Chart(derivative == 1 ? "First derivative: error against step" : "Second derivative: error against step",
                "step h", "|error|").LogX().LogY().LegendOutside();
            foreach (var m in measurements.Where(m => m.Stencil.Derivative == derivative))
            {
                chart.Line(m.Stencil.Name, m.Steps, m.Errors, markers: true);
            }

            chart.Save(context, derivative == 1 ? "stencils-first-derivative.png" : "stencils-second-derivative.png", 950);
        }

        return measurements;
    }

    private static IReadOnlyList<GraphNode> ShowComputationalGraph(SampleContext context)
    {
        context.Heading("4. Automatic differentiation on a computational graph");
        context.Line("z = (x·y + sin x)·(x·y) at x = 1.5, y = 0.5, recorded on a Tape node by node:");
        context.Line("    a = x·y   b = sin x   c = a + b   z = c·a");
        context.Line("a feeds both c and z, so ∂z/∂a is only complete after both children have sent their share back:");
        context.Line("that is why backpropagation needs a topological order. The tape records nodes as they are");
        context.Line("evaluated, which is already such an order, so Backward is one reverse sweep.");
        var nodes = ComputationalGraph.Evaluate(1.5, 0.5);
        var table = new ResultTable("node", "definition", "value", "∂z/∂node (tape)", "by hand (chain rule)");
        foreach (var node in nodes)
        {
            table.Add(node.Name, node.Definition, node.Value, node.Gradient, node.ByHand);
        }

        context.Show(table);
        var generated = ComputationalGraph.ZGradient(1.5, 0.5);
        context.Line($"The generated ZGradient(1.5, 0.5) = (Value {ResultTable.Num(generated.Value)}, dx {ResultTable.Num(generated.dx)}, dy {ResultTable.Num(generated.dy)}).");
        return nodes;
    }

    private static void PointToSamples(SampleContext context)
    {
        context.Heading("Where next");
        var table = new ResultTable("command", "what it shows");
        table.Add("dotnet run --project samples/CustomFunctions", "your own [Differentiable] code, and its diagnostics");
        table.Add("dotnet run --project samples/LinearRegression", "gradient descent on w and b: tape by hand, then Leibniz.Nn");
        table.Add("dotnet run --project samples/FromPyTorch", "the lecture's three PyTorch training loops, line for line");
        table.Add("dotnet run --project samples/Perceptron", "Rosenblatt's rule: learns a separable set, never XOR");
        table.Add("dotnet run --project samples/Xor", "how many layers XOR needs, with evidence");
        table.Add("dotnet run --project samples/Rastrigin", "an MLP fits Rastrigin; and outside the training square?");
        table.Add("dotnet run --project samples/HousingPrices", "California house prices: MLP against a linear baseline");
        context.Show(table);
    }

    private static double Central(Func<double, double> f, double x) => FiniteDifference.Derivative(f, x);
}
