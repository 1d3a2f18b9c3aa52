namespace Leibniz.Symbolic;

/// <summary>
/// Functions whose vectorized <c>TensorPrimitives</c> form loses relative accuracy near zero: its sinh computes
/// (eˣ − e⁻ˣ)/2, which cancels (1.4·10⁻³ relative error at x = 10⁻¹³), and its tanh is off by 2.4·10⁻⁴ there. Formulas
/// are evaluated with the same answers as <see cref="Math"/> gives the emitted C#, so these run element by element.
/// </summary>
internal static class ScalarKernels
{
    public static void Sinh(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Sinh(x[i]);
        }
    }

    public static void Tanh(ReadOnlySpan<double> x, Span<double> destination)
    {
        for (var i = 0; i < x.Length; i++)
        {
            destination[i] = Math.Tanh(x[i]);
        }
    }
}
