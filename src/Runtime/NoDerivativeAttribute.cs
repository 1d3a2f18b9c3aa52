namespace Leibniz;

/// <summary>
/// Marks a parameter of a <see cref="DifferentiableAttribute">[Differentiable]</see> method that must not be
/// differentiated (data, fixed coefficients): the generated gradient has no output for it and treats it as a
/// constant. Integer parameters are never differentiated and need no mark.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class NoDerivativeAttribute : Attribute
{
}
