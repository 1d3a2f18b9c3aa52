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
        var gradient = ReverseMode.Build(model.Body, model.IsFloat);
        var jvp = ForwardMode.Build(model.Body, model.IsFloat);
        var partials = model.IsScalarOnly ? FormulaBuilder.Partials(model.Body, model.Parameters).ToEquatableArray() : EquatableArray<string>.Empty;
        if (model.Order != 2)
        {
            return new DerivativeModel(model, gradient, jvp, partials, SecondOrder.None);
        }

        // The symbolic forward-over-reverse sees only straight-line scalar code; anything else runs the gradient on Dual.
        return model.IsScalarOnly && !UserCalls.Any(model.Body.Body)
            ? new DerivativeModel(model, gradient, jvp, partials, SecondOrder.Symbolic, ForwardMode.BuildHessian(gradient, model.IsFloat), ForwardMode.BuildHvp(gradient, model.IsFloat))
            : new DerivativeModel(model, gradient, jvp, partials, SecondOrder.Dual);
    }
}
