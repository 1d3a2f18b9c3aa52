namespace Leibniz;

/// <summary>
/// Registers the marked method as the hand-written derivative of another static method of the same type (Swift's
/// <c>@derivative(of:)</c>, JAX's <c>custom_jvp</c>): calls to that method inside
/// <see cref="DifferentiableAttribute">[Differentiable]</see> code use it instead of differentiating the callee.
/// This is how to differentiate through a method the generator cannot see into.
/// </summary>
/// <remarks>
/// For <c>double F(double a, double b)</c> the derivative must be
/// <c>static (double Value, double da, double db) FDerivative(double a, double b)</c>: the value of F, then
/// ∂F/∂a and ∂F/∂b. A second-order derivative, which <c>[Differentiable(Order = 2)]</c> callers need, also returns
/// the Hessian's upper triangle row by row:
/// <c>static (double Value, double da, double db, double dada, double dadb, double dbdb) FSecond(double a, double b)</c>.
/// F may have both (first-order callers use the first-order one). Any other signature is reported as diagnostic
/// LZ0011, which shows the expected one.
/// </remarks>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false, Inherited = false)]
public sealed class DerivativeOfAttribute : Attribute
{
    /// <summary>Registers the marked method as the derivative of <paramref name="methodName"/>.</summary>
    /// <param name="methodName">The name of the method it differentiates, best written <c>nameof(F)</c>.</param>
    public DerivativeOfAttribute(string methodName) => MethodName = methodName;

    /// <summary>The name of the method this is the derivative of.</summary>
    public string MethodName { get; }
}
