using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>How a <c>[Differentiable(Order = 2)]</c> method gets its Hessian and Hessian-vector product.</summary>
internal enum SecondOrder
{
    /// <summary>Order 1: no second-order members.</summary>
    None,

    /// <summary>
    /// Forward over reverse on the IR (<see cref="DerivativeModel.Hessian"/> and <see cref="DerivativeModel.Hvp"/>),
    /// simplified like every other program: straight-line scalar methods without calls.
    /// </summary>
    Symbolic,

    /// <summary>The gradient program run on <c>Leibniz.Dual</c> (forward over reverse at run time): every other method.</summary>
    Dual,
}

/// <summary>
/// What the Differentiate stage hands Emit for one method: the reverse-mode (<see cref="Gradient"/>) and forward-mode
/// (<see cref="Jvp"/>) programs, the readable partial derivatives for the doc comments of the scalar form, and the
/// second-order programs.
/// </summary>
internal sealed record DerivativeModel(MethodModel Method, Program Gradient, Program Jvp, EquatableArray<string> Partials, SecondOrder SecondOrder,
    Program? Hessian = null, Program? Hvp = null);
