using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using Leibniz.Generator.Parse;
using Leibniz.Generator.Tests.Infrastructure;
using Leibniz.Rules;

namespace Leibniz.Generator.Tests.Registry;

/// <summary>
/// PyTorch's OpInfo idea for the derivative table: one loop over every rule checks that the generated gradient and
/// Jvp, <see cref="Dual"/>, the <see cref="Tape"/> and the tensor kernel (where there is one, in float64 and float32)
/// agree with each other and with the exact derivative (where it is finite), at random points and at the rule's
/// declared edge points (saturation included). A second loop checks the generated second derivative (Order = 2)
/// against the table applied to its own derivative and against differences of the exact one.
/// All generated methods come from one compilation.
/// </summary>
public sealed class DerivativeRegistryTests
{
    private const int RandomPoints = 16;
    private const double Tolerance = 1e-9;
    private const double Float32Tolerance = 1e-5;
    private const double SecondOrderTolerance = 1e-8;
    private const double DifferenceTolerance = 1e-5;

    /// <summary>Below this, float32 results are subnormal and have lost their relative precision.</summary>
    private const double FloatMinNormal = 1.1754944e-38;

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

    /// <summary>
    /// Second derivatives have no rules of their own: they are the table applied to its own derivatives. For every
    /// function of one argument, the generated Order = 2 second derivative (forward mode over the generated gradient,
    /// whose partials are table nodes) must equal the table's first-derivative rule evaluated on <see cref="Dual"/>
    /// (the runtime's path: Dual functions take their partials from the same table), at random and edge points, and
    /// central differences of the independent exact first derivative at the random points.
    /// </summary>
    [Fact]
    public void SecondDerivativesAreTheTableAppliedToItsOwnDerivatives()
    {
        var failures = new List<string>();
        var random = new Random(17);
        var compared = 0;
        foreach (var rule in RuleCases.All.Where(r => r.Arity == 1))
        {
            var samples = Enumerable.Range(0, RandomPoints).Select(_ => rule.Low[0] + (rule.High[0] - rule.Low[0]) * random.NextDouble()).ToList();
            foreach (var x in samples.Concat(rule.Edges.Select(e => e[0])))
            {
                var at = $"{rule.Name}({x:R})";
                var generated = (double)((ITuple)Generated.Value.Assembly.GetType("SecondOrder")!.GetMethod(rule.MethodName + "Hessian")!.Invoke(null, [x])!)[2]!;
                var variable = Dual.Variable(x);
                var table = DerivativeRules.Partial<Dual, bool, DualRuleAlgebra>(default, rule.Name, [variable], rule.OnDual([variable]), 0, RuleCases.ScaleBExponent).Tangent;
                if (!Close(table, generated, SecondOrderTolerance))
                {
                    failures.Add($"{at}: generated f″ {generated:R}, table on Dual {table:R}");
                }

                // Past overflow (tanh, coth at ±1000) f′ underflows to 0 and so must f″: not ∞/∞ = NaN.
                if (double.IsNaN(generated) && double.IsFinite(rule.Exact([x])[0]))
                {
                    failures.Add($"{at}: generated f″ is NaN where f′ = {rule.Exact([x])[0]:R}");
                }

                if (samples.Contains(x))
                {
                    var h = 1e-5 * Math.Max(1, Math.Abs(x));
                    var difference = (rule.Exact([x + h])[0] - rule.Exact([x - h])[0]) / (2 * h);
                    if (Math.Abs(difference - generated) > DifferenceTolerance * Math.Max(1, Math.Abs(difference)))
                    {
                        failures.Add($"{at}: generated f″ {generated:R}, differences of the exact f′ {difference:R}");
                    }
                }

                compared++;
            }
        }

        Assert.True(compared > 500, $"only {compared} points compared");
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
                failures.AddRange(sides.Where(s => !Close(exact[k], s.Value, Tolerance))
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

        CheckFloat32Tensor(rule, point[0], failures);
    }

    /// <summary>
    /// The float32 kernel against the exact derivative at the float32 point, rounded to float32 (where the point is a
    /// normal float32 of moderate size: far arguments of sin and cos, and huge or tiny ones, are not float32 questions).
    /// </summary>
    private static void CheckFloat32Tensor(RuleCase rule, double x, List<string> failures)
    {
        var single = (float)x;
        if (rule.OnTensor is null || !float.IsNormal(single) && single != 0 || Math.Abs(single) > 1000)
        {
            return;
        }

        var exact = (float)rule.Exact([single])[0];
        var input = Tensor.FromArray([single], DType.Float32).RequireGrad();
        rule.OnTensor(input).Sum().Backward();
        var actual = input.Grad.ToArray()[0];
        if (float.IsFinite(exact) && !(Close(exact, actual, Float32Tolerance) || Math.Abs(exact - actual) < FloatMinNormal))
        {
            failures.Add($"{rule.Name}({single:R}) float32 tensor {actual:R}, exact {exact:R}");
        }
    }

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
        var secondOrder = RuleCases.All.Where(rule => rule.Arity == 1)
            .Select(rule => $"    [Differentiable(Order = 2)] public static double {rule.MethodName}(double x) => {rule.Source};");
        var source = "using System;\nusing Leibniz;\n\npublic static partial class Registry\n{\n" + string.Join("\n", methods) + "\n}\n\n"
            + "public static partial class SecondOrder\n{\n" + string.Join("\n", secondOrder) + "\n}\n";
        var run = GeneratorHarness.Run(source);
        Assert.Empty(run.GeneratorDiagnostics.Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        return run.Load().GetType("Registry")!;
    }
}
