namespace Leibniz;

/// <summary>A scalar function of a few arguments with its gradient, evaluated point by point by a fused node.</summary>
internal abstract class PointwiseFunction(int arity)
{
    public int Arity { get; } = arity;

    /// <summary>f(x) and, into <paramref name="partials"/>, ∂f/∂xₖ for each argument.</summary>
    public abstract double Evaluate(ReadOnlySpan<double> x, Span<double> partials);
}
