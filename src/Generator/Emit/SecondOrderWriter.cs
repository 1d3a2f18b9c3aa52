using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// <c>[Differentiable(Order = 2)]</c>: <c>FHessian</c> (value, gradient and the upper triangle of the symmetric
/// Hessian) and <c>FHvp</c> (value, gradient and the Hessian-vector product), both forward over reverse.
/// </summary>
internal static class SecondOrderWriter
{
    public static void Write(CodeWriter writer, MethodModel model, Ir.Program hessian, Ir.Program hvp)
    {
        var t = model.TypeName;
        var parameters = model.Parameters;
        var names = DerivativeNames.Of(parameters);
        var n = parameters.Count;
        var pairs = new List<(int I, int J)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                pairs.Add((i, j));
            }
        }

        var hessianNames = DerivativeNames.SecondOrder(parameters);
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The value of <see cref=\"{SourceEmitter.Cref(model)}\"/>, its gradient and its Hessian (upper triangle; the Hessian is symmetric), by forward-over-reverse differentiation.");
        writer.Line("/// </summary>");
        foreach (var parameter in parameters)
        {
            writer.Line($"/// <param name=\"{parameter}\">The argument <c>{parameter}</c>.</param>");
        }

        writer.Line("/// <returns><c>Value</c>, the gradient " + string.Join(", ", names.Select(d => $"<c>{d}</c>")) + ", then "
            + string.Join(", ", pairs.Select((p, k) => $"<c>{hessianNames[k]}</c> = ∂²/∂{SourceEmitter.Xml(parameters[p.I])}∂{SourceEmitter.Xml(parameters[p.J])}")) + ".</returns>");
        SourceEmitter.WriteAttribute(writer);
        var returns = "(" + t + " Value, " + string.Join(", ", names.Concat(hessianNames).Select(d => t + " " + Naming.Escape(d))) + ")";
        writer.Open($"{model.Accessibility} static {returns} {model.Name}Hessian{model.TypeParameterList}({string.Join(", ", parameters.Select(p => t + " " + Naming.Escape(p)))}){model.ConstraintClause}");
        var outputs = new ProgramWriter(writer, model.IsFloat, parameters.ToList()) { Generic = model.TypeParameter }.Write(hessian);
        writer.Line("return (" + string.Join(", ", outputs) + ");");
        writer.Close();

        var taken = new HashSet<string>(parameters.Concat(names));
        var directions = parameters.Select(p => Naming.Free("v" + p, taken)).ToList();
        var products = parameters.Select(p => Naming.Free("hv" + p, taken)).ToList();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The value of <see cref=\"{SourceEmitter.Cref(model)}\"/>, its gradient and the Hessian-vector product H·v, by forward-over-reverse differentiation (about the cost of two gradients).");
        writer.Line("/// </summary>");
        foreach (var parameter in parameters)
        {
            writer.Line($"/// <param name=\"{parameter}\">The argument <c>{parameter}</c>.</param>");
        }

        for (var i = 0; i < n; i++)
        {
            writer.Line($"/// <param name=\"{directions[i]}\">The component of the vector v along <c>{parameters[i]}</c>.</param>");
        }

        writer.Line("/// <returns><c>Value</c>, the gradient " + string.Join(", ", names.Select(d => $"<c>{d}</c>")) + ", then "
            + string.Join(", ", products.Select((h, i) => $"<c>{h}</c> = (H·v) along {SourceEmitter.Xml(parameters[i])}")) + ".</returns>");
        SourceEmitter.WriteAttribute(writer);
        var all = parameters.Concat(directions).ToList();
        returns = "(" + t + " Value, " + string.Join(", ", names.Concat(products).Select(d => t + " " + Naming.Escape(d))) + ")";
        writer.Open($"{model.Accessibility} static {returns} {model.Name}Hvp{model.TypeParameterList}({string.Join(", ", all.Select(p => t + " " + Naming.Escape(p)))}){model.ConstraintClause}");
        outputs = new ProgramWriter(writer, model.IsFloat, all) { Generic = model.TypeParameter }.Write(hvp);
        writer.Line("return (" + string.Join(", ", outputs) + ");");
        writer.Close();
    }
}
