namespace Leibniz;

/// <summary>
/// A scalar function of several variables, f: Rⁿ → R, written once for any number type <typeparamref name="T"/>
/// (<see cref="double"/> for finite differences, <see cref="Dual"/> for forward mode, <see cref="Var"/> for
/// reverse mode).
/// </summary>
/// <typeparam name="T">The number type.</typeparam>
/// <param name="x">The point, one element per variable. The callee must not keep the span.</param>
/// <returns>f(x).</returns>
public delegate T MultivariateFunction<T>(ReadOnlySpan<T> x);
