using System.Linq;
using Leibniz.Generator.Formula;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// The Differentiate stage: from a parsed method, every program the generated members print, decided here so that
/// Emit only plans locals and buffers and writes text.
/// </summary>
internal static class Differentiation
{
    public static DerivativeModel Run(MethodModel model)
    {
        var gradient = ReverseMode.Build(model.Result is { } result ? StructResults.Seeded(model.Body, result) : model.Body, model.IsFloat);
        var jvp = ForwardMode.Build(model.Body, model.IsFloat);
        var partials = model.IsScalarOnly ? FormulaBuilder.Partials(model.Body, model.Parameters).ToEquatableArray() : EquatableArray<string>.Empty;
        if (model.Order != 2)
        {
            return new DerivativeModel(model, gradient, jvp, partials);
        }

        // One strategy, forward over reverse on the IR. A straight-line method gets its Hessian from one program whose
        // n sweeps share their work; with loops or arrays the sweeps would be n copies of the loops, so the Hessian
        // runs the Hvp once per unit vector instead.
        var hessian = model.IsScalarOnly ? ForwardMode.BuildHessian(gradient, model.IsFloat) : null;
        return new DerivativeModel(model, gradient, jvp, partials, hessian, ForwardMode.BuildHvp(gradient, model.IsFloat));
    }
}
