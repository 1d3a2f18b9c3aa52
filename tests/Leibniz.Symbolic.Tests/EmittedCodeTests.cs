using System.Collections.Immutable;
using System.Reflection;
using System.Runtime.CompilerServices;
using Leibniz.Generator;
using Leibniz.Symbolic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Symbolic.Tests;

public sealed class EmittedCodeTests
{
    private static readonly ImmutableArray<MetadataReference> References =
        [.. Basic.Reference.Assemblies.Net100.References.All, MetadataReference.CreateFromFile(typeof(DifferentiableAttribute).Assembly.Location)];

    private static Term X => Term.Input(0);

    private static Term Y => Term.Input(1);

    private static Term K(double value) => Term.Constant(value);

    private static Term F(Symbol symbol, params Term[] operands) => Term.Apply(symbol, operands);

    [Fact]
    public void Rastrigin_is_emitted_as_readable_math_and_as_CSharp_with_the_columns_as_parameters()
    {
        var twoPi = Term.Constant(2 * Math.PI, new KnownConstant("2π", "(2.0 * Math.PI)"));
        var term = F(Symbol.Add, F(Symbol.Add, K(20), F(Symbol.Add, F(Symbol.Mul, X, X), F(Symbol.Mul, K(-10), F(Symbol.Cos, F(Symbol.Mul, twoPi, X))))),
            F(Symbol.Add, F(Symbol.Mul, Y, Y), F(Symbol.Mul, K(-10), F(Symbol.Cos, F(Symbol.Mul, twoPi, Y)))));
        var model = new SymbolicModel(term, ["x", "y"], 0);

        Assert.Equal("20 + x² − 10·cos(2π·x) + y² − 10·cos(2π·y)", model.ToMath());
        var code = model.ToCSharp("Rastrigin", "Value", "Distilled");
        Assert.Contains("public static double Value(double x, double y) =>", code, StringComparison.Ordinal);
        Assert.Contains("20.0 + x * x - 10.0 * Math.Cos((2.0 * Math.PI) * x) + y * y - 10.0 * Math.Cos((2.0 * Math.PI) * y)", code, StringComparison.Ordinal);

        var gradient = Compile(code, "Distilled.Rastrigin", "Value");
        CheckGradient(gradient, model, [0.3, -4.1]);
        CheckGradient(gradient, model, [7.7, 2.2]);
    }

    [Fact]
    public void Every_function_compiles_with_no_diagnostic_and_its_generated_gradient_matches_finite_differences()
    {
        // One formula with all eighteen functions; at the point below every argument is inside its domain.
        var term = F(Symbol.Add,
            F(Symbol.Add,
                F(Symbol.Div, F(Symbol.Sin, X), F(Symbol.Add, K(2), F(Symbol.Cos, Y))),
                F(Symbol.Mul, F(Symbol.Exp, F(Symbol.Mul, K(-0.5), X)), F(Symbol.Log, F(Symbol.Add, K(3), Y)))),
            F(Symbol.Add,
                F(Symbol.Sub, F(Symbol.Sqrt, F(Symbol.Abs, Y)), F(Symbol.Tan, F(Symbol.Mul, K(0.25), X))),
                F(Symbol.Add,
                    F(Symbol.Mul, F(Symbol.Asin, F(Symbol.Mul, K(0.3), X)), F(Symbol.Acos, F(Symbol.Mul, K(0.2), Y))),
                    F(Symbol.Add,
                        F(Symbol.Add, F(Symbol.Atan, X), F(Symbol.Tanh, Y)),
                        F(Symbol.Add, F(Symbol.Sinh, F(Symbol.Mul, K(0.1), X)), F(Symbol.Pow, F(Symbol.Cosh, Y), K(1.5)))))));
        var model = new SymbolicModel(term, ["mass kg", "class"], 0);
        var code = model.ToCSharp();
        Assert.Contains("public static double F(double mass_kg, double @class) =>", code, StringComparison.Ordinal);

        var gradient = Compile(code, "C", "F");
        CheckGradient(gradient, model, [0.7, 1.3]);
        CheckGradient(gradient, model, [-1.1, -0.4]);
    }

    [Fact]
    public void Division_of_integer_constants_stays_floating_point()
    {
        var third = F(Symbol.Div, K(1), F(Symbol.Add, K(2), X));
        var code = CSharpEmitter.Expression(third, ["x"]);
        Assert.Equal("1.0 / (2.0 + x)", code);
        Assert.Throws<ArgumentException>("className", () => CSharpEmitter.Emit(third, ["x"], className: "2C"));
        Assert.Throws<ArgumentException>("methodName", () => CSharpEmitter.Emit(third, ["x"], methodName: "class"));
    }

    private static MethodInfo Compile(string code, string typeName, string methodName)
    {
        var compilation = CSharpCompilation.Create("Emitted" + Guid.NewGuid().ToString("N"),
            [CSharpSyntaxTree.ParseText(code, new CSharpParseOptions(LanguageVersion.Latest))], References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new DifferentiableGenerator());
        driver = driver.RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.Empty(generatorDiagnostics);
        var diagnostics = output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(diagnostics.Count == 0, string.Join("\n", diagnostics) + "\n" + code);
        Assert.NotEmpty(driver.GetRunResult().GeneratedTrees);

        using var stream = new MemoryStream();
        Assert.True(output.Emit(stream).Success);
        var type = Assembly.Load(stream.ToArray()).GetType(typeName)!;
        return type.GetMethod(methodName + "Gradient")!;
    }

    private static void CheckGradient(MethodInfo gradient, SymbolicModel model, double[] point)
    {
        var result = (ITuple)gradient.Invoke(null, [.. point.Cast<object>()])!;
        Close.Assert(model.Evaluate(point), (double)result[0]!, 1e-13, "value");
        for (var j = 0; j < point.Length; j++)
        {
            const double h = 1e-5;
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[j] += h;
            minus[j] -= h;
            var central = (model.Evaluate(plus) - model.Evaluate(minus)) / (2 * h);
            Close.Assert(central, (double)result[j + 1]!, 1e-7, $"∂/∂{model.Names[j]}");
        }
    }
}
