using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// What the Differentiate stage hands Emit for one method: the reverse-mode (<see cref="Gradient"/>) and forward-mode
/// (<see cref="Jvp"/>) programs, the readable partial derivatives for the doc comments of the scalar form, and for
/// <c>Order = 2</c> the forward-over-reverse programs: the Hessian-vector product <see cref="Hvp"/>, and for a
/// straight-line scalar method the whole <see cref="Hessian"/> in one program (any other method's Hessian is its
/// Hvp run once per unit vector).
/// </summary>
internal sealed record DerivativeModel(MethodModel Method, Program Gradient, Program Jvp, EquatableArray<string> Partials,
    Program? Hessian = null, Program? Hvp = null);
