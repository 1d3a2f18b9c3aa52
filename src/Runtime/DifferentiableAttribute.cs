namespace Leibniz;

/// <summary>
/// Marks a static method of a partial type for compile-time differentiation. The Leibniz source generator
/// emits, into the same type, <c>{Name}Gradient</c> (reverse mode: the value and every partial derivative)
/// and <c>{Name}Jvp</c> (forward mode: the value and a directional derivative).
/// </summary>
/// <remarks>
/// Code the generator cannot differentiate is reported as a compile-time diagnostic (IDs <c>LZ0001</c> and up)
/// at the exact location of the offending expression.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DifferentiableAttribute : Attribute
{
    /// <summary>
    /// The highest derivative order to generate: 1 (the default) emits the gradient and the Jacobian-vector
    /// product; 2 also emits the Hessian and the Hessian-vector product.
    /// </summary>
    public int Order { get; set; } = 1;
}
