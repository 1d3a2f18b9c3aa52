namespace Leibniz.Samples.CustomFunctions;

/// <summary>A method the generator rejects, and the diagnostic it reports (tests compile each one to prove it).</summary>
/// <param name="Code">The method, as a user would write it inside a <c>partial class Examples</c>.</param>
/// <param name="Id">The diagnostic ID.</param>
/// <param name="Message">The diagnostic's message, exactly as the compiler prints it.</param>
public sealed record DiagnosticExample(string Code, string Id, string Message);

/// <summary>The examples the sample shows. They are text, not code of this sample: the sample must compile.</summary>
public static class DiagnosticExamples
{
    /// <summary>All examples.</summary>
    public static IReadOnlyList<DiagnosticExample> All { get; } =
    [
        new(
            """
            static double Clip(double x) => x > 1 ? 1 : x;   // not marked [Differentiable]

            [Differentiable]
            public static double Loss(double x) => 2 * Clip(x);
            """,
            "LZ0002",
            "'Examples.Clip' has no derivative: it is neither in the derivative table nor marked [Differentiable]; mark 'Clip' [Differentiable] (static, double or float parameters and result, in a partial type)"),
        new(
            """
            [Differentiable]
            public static double Safe(double x)
            {
                try { return Math.Log(x); } catch (ArithmeticException) { return 0; }
            }
            """,
            "LZ0001",
            "'try { return Math.Log(x); } catch (ArithmeticException) {...' cannot be differentiated: the try statement is not supported in a [Differentiable] method; remove the try statement; differentiated code cannot throw or catch"),
        new(
            """
            [Differentiable]
            public static double Rate(double x) => x switch { > 0 => x, _ => throw new ArgumentOutOfRangeException(nameof(x)) };
            """,
            "LZ0001",
            "'throw new ArgumentOutOfRangeException(nameof(x))' cannot be differentiated: the switch arm that throws is not supported in a [Differentiable] method; return a value instead (for example double.NaN), or check the argument before calling the method"),
    ];
}
