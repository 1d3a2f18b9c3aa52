using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Leibniz.Generator.Parse;
using Leibniz.Generator.Tests.Infrastructure;

namespace Leibniz.Generator.Tests.Registry;

/// <summary>
/// PyTorch's OpInfo idea for the derivative table: one loop over every rule checks that the generated gradient and
/// Jvp, <see cref="Dual"/>, the <see cref="Tape"/> and the tensor kernel (where there is one) agree with each other
/// and with the exact derivative (where it is finite), at random points and at the rule's declared edge points.
/// All generated methods come from one compilation.
/// </summary>
public sealed class DerivativeRegistryTests
{
    private const int RandomPoints = 16;
    private const double Tolerance = 1e-9;
    private const double TensorTolerance = 1e-8;

    private static readonly Lazy<Type> Generated = new(Compile);

    [Fact]
    public void EveryFunctionOfTheTableHasARegistryCaseWithEdgePoints()
    {
        Assert.Equal(Intrinsics.TableNames.Order(StringComparer.Ordinal), RuleCases.All.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(RuleCases.All, c => Assert.True(c.Edges.Length > 0, $"{c.Name} declares no edge points."));
        Assert.All(RuleCases.All, c => Assert.All(c.Edges, e => Assert.Equal(c.Arity, e.Length)));
    }

    [Fact]
    public void GeneratedDualTapeAndTensorAgreeWithTheExactDerivativeAtRandomAndEdgePoints()
    {
        var failures = new List<string>();
        var random = new Random(16);
        foreach (var rule in RuleCases.All)
        {
            var samples = Enumerable.Range(0, RandomPoints)
                .Select(_ => rule.Low.Select((low, i) => low + (rule.High[i] - low) * random.NextDouble()).ToArray());
            foreach (var point in samples.Concat(rule.Edges))
            {
                Check(rule, point, failures);
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} disagreements:\n" + string.Join("\n", failures.Take(60)));
    }

    private static void Check(RuleCase rule, double[] point, List<string> failures)
    {
        var at = rule.Name + "(" + string.Join(", ", point.Select(p => p.ToString("R", CultureInfo.InvariantCulture))) + ")";
        var exact = rule.Exact(point);
        var generated = GeneratedGradient(rule, point);
        var tape = TapeGradient(rule, point);
        var allFinite = exact.All(double.IsFinite);
        for (var k = 0; k < rule.Arity; k++)
        {
            var sides = new List<(string Name, double Value)> { ("generated gradient", generated[k]) };
            if (rule.RuntimeDifferentiates(k))
            {
                sides.Add(("Dual", DualTangent(rule, point, k)));
                sides.Add(("tape", tape[k]));
            }

            if (rule.OnTensor is not null)
            {
                sides.Add(("tensor", TensorDerivative(rule, point[0])));
            }

            if (double.IsFinite(exact[k]))
            {
                failures.AddRange(sides.Where(s => !(s.Name == "tensor" ? CloseAbsolutely(exact[k], s.Value) : Close(exact[k], s.Value, Tolerance)))
                    .Select(s => $"{at} ∂{k}: {s.Name} {s.Value:R}, exact {exact[k]:R}"));
            }
            else
            {
                failures.AddRange(sides.Where(s => !Close(generated[k], s.Value, Tolerance))
                    .Select(s => $"{at} ∂{k}: {s.Name} {s.Value:R}, generated {generated[k]:R} (exact {exact[k]:R})"));
            }

            // Along one direction the Jvp is that partial; where another partial is infinite, it is NaN (0·∞), as on Dual.
            var jvp = GeneratedJvp(rule, point, k);
            var expected = allFinite ? exact[k] : rule.RuntimeDifferentiates(k) ? DualTangent(rule, point, k) : jvp;
            if (!Close(expected, jvp, Tolerance))
            {
                failures.Add($"{at} Jvp along {k}: {jvp:R}, expected {expected:R}");
            }
        }
    }

    /// <summary>
    /// The tensor kernels compute tanh′ as 1 − tanh² and σ′ as σ·(1 − σ), which cancel to 0 in saturation (tanh′(20),
    /// σ′(40)): they agree with the table only to an absolute 10⁻⁸·(1 + |f′|), not relatively.
    /// </summary>
    private static bool CloseAbsolutely(double expected, double actual) =>
        Math.Abs(expected - actual) <= TensorTolerance * (1 + Math.Abs(expected));

    private static bool Close(double expected, double actual, double tolerance) =>
        expected.Equals(actual) || (double.IsNaN(expected) && double.IsNaN(actual))
        || Math.Abs(expected - actual) <= tolerance * Math.Abs(expected) + 1e-300;

    private static double[] GeneratedGradient(RuleCase rule, double[] point)
    {
        var result = (ITuple)Generated.Value.GetMethod(rule.MethodName + "Gradient")!.Invoke(null, point.Cast<object>().ToArray())!;
        return Enumerable.Range(1, rule.Arity).Select(i => (double)result[i]!).ToArray();
    }

    private static double GeneratedJvp(RuleCase rule, double[] point, int direction)
    {
        var arguments = point.Cast<object>().Concat(Enumerable.Range(0, rule.Arity).Select(i => (object)(i == direction ? 1.0 : 0.0))).ToArray();
        var result = (ITuple)Generated.Value.GetMethod(rule.MethodName + "Jvp")!.Invoke(null, arguments)!;
        return (double)result[1]!;
    }

    private static double DualTangent(RuleCase rule, double[] point, int direction) =>
        rule.OnDual(point.Select((p, i) => new Dual(p, i == direction ? 1 : 0)).ToArray()).Tangent;

    private static double[] TapeGradient(RuleCase rule, double[] point)
    {
        var tape = new Tape();
        var variables = point.Select(tape.Variable).ToArray();
        tape.Backward(rule.OnVar(variables));
        return variables.Select(v => v.Gradient).ToArray();
    }

    private static double TensorDerivative(RuleCase rule, double x)
    {
        var input = Tensor.FromArray([x], DType.Float64).RequireGrad();
        rule.OnTensor!(input).Sum().Backward();
        return input.Grad.ToArray()[0];
    }

    private static Type Compile()
    {
        string Parameters(RuleCase rule) => string.Join(", ", "xyz".Take(rule.Arity).Select(p => "double " + p));
        var methods = RuleCases.All.Select(rule => $"    [Differentiable] public static double {rule.MethodName}({Parameters(rule)}) => {rule.Source};");
        var source = "using System;\nusing Leibniz;\n\npublic static partial class Registry\n{\n" + string.Join("\n", methods) + "\n}\n";
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return run.Load().GetType("Registry")!;
    }
}
