namespace Leibniz;

/// <summary>
/// A Hessian-vector product of f: Rⁿ → R at a point: it writes ∇f(x) into <paramref name="gradient"/> and
/// H(x)·v into <paramref name="product"/> and returns f(x). The generated <c>FHvp</c> of a
/// <c>[Differentiable(Order = 2)]</c> method with one span parameter has exactly this shape, so it converts as a
/// method group: <c>pattern.Evaluate(Objectives.RosenbrockHvp, x, dx, values)</c>.
/// </summary>
/// <typeparam name="T">The floating type (double or float).</typeparam>
/// <param name="x">The point, one element per variable.</param>
/// <param name="v">The direction, as long as <paramref name="x"/>.</param>
/// <param name="gradient">Receives ∇f(x); as long as <paramref name="x"/>.</param>
/// <param name="product">Receives H(x)·v; as long as <paramref name="x"/>.</param>
/// <returns>f(x).</returns>
public delegate T HessianVectorProduct<T>(ReadOnlySpan<T> x, ReadOnlySpan<T> v, Span<T> gradient, Span<T> product);
