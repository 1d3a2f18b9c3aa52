using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// The gradient of a method with loops, integer, [NoDerivative] or array/span parameters. With an array or span
/// parameter it returns the value and writes one output per differentiated parameter, in parameter order: a
/// caller-supplied <c>Span&lt;T&gt;</c> per array or span, an <c>out T</c> per scalar. Otherwise it returns the
/// tuple <c>(Value, d…)</c> over the differentiated scalars, like the straight-line gradient.
/// </summary>
internal static class ExtendedGradient
{
    public static void Write(CodeWriter writer, MethodModel model, Ir.Program program)
    {
        var t = model.TypeName;
        var signature = model.Signature;
        var derivativeNames = DerivativeNames.Of(signature.Select(p => p.Name).ToList());
        var differentiated = Enumerable.Range(0, signature.Count).Where(i => signature[i].IsDifferentiated).ToList();
        var hasSpans = signature.Any(p => p.Kind == ParameterKind.Array);
        var names = new Names(signature, program);
        var taken = signature.Select(p => p.Name).Concat(derivativeNames).Concat(names.LocalArrays).ToList();

        writer.Line("/// <summary>");
        writer.Line($"/// The value of <c>{model.Name}</c> and its gradient, by reverse-mode differentiation (loops are replayed backwards).");
        writer.Line("/// </summary>");
        foreach (var parameter in signature)
        {
            var role = parameter.IsDifferentiated ? "differentiated" : "not differentiated";
            writer.Line($"/// <param name=\"{parameter.Name}\">The argument <c>{parameter.Name}</c> ({role}).</param>");
        }

        if (hasSpans)
        {
            foreach (var i in differentiated)
            {
                var what = signature[i].Kind == ParameterKind.Array
                    ? $"Receives ∂/∂{SourceEmitter.Xml(signature[i].Name)}[i] for every element; its length must equal that of <c>{signature[i].Name}</c>."
                    : $"Receives ∂/∂{SourceEmitter.Xml(signature[i].Name)}.";
                writer.Line($"/// <param name=\"{derivativeNames[i]}\">{what}</param>");
            }

            writer.Line("/// <returns>The value.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A gradient span's length differs from its argument's.</exception>");
        }
        else
        {
            writer.Line("/// <returns><c>Value</c>, then " + string.Join(", ", differentiated.Select(i => $"<c>{derivativeNames[i]}</c> = ∂/∂{SourceEmitter.Xml(signature[i].Name)}")) + ".</returns>");
        }

        SourceEmitter.WriteAttribute(writer);
        var parameters = signature.Select(p => p.TypeText + " " + Naming.Escape(p.Name)).ToList();
        string returns;
        if (hasSpans)
        {
            parameters.AddRange(differentiated.Select(i => (signature[i].Kind != ParameterKind.Array ? "out " + t : signature[i].Rank == 2 ? signature[i].TypeText : "global::System.Span<" + t + ">")
                + " " + Naming.Escape(derivativeNames[i])));
            returns = t;
        }
        else
        {
            returns = "(" + t + " Value, " + string.Join(", ", differentiated.Select(i => t + " " + Naming.Escape(derivativeNames[i]))) + ")";
        }

        writer.Open($"{model.Accessibility} static {returns} {model.Name}Gradient{model.TypeParameterList}({string.Join(", ", parameters)}){model.ConstraintClause}");
        var spans = new Dictionary<Ir.ArrayRef, string>();
        foreach (var i in differentiated.Where(i => signature[i].Kind == ParameterKind.Array))
        {
            var (name, gradient) = (Naming.Escape(signature[i].Name), Naming.Escape(derivativeNames[i]));
            spans[Ir.ArrayRef.Parameter(i)] = gradient;
            if (signature[i].Rank == 2)
            {
                GridBuffers.WriteCheck(writer, signature[i].Name, derivativeNames[i], "gradient");
                writer.Line($"global::System.Array.Clear({gradient});");
                continue;
            }

            writer.Open($"if ({gradient}.Length != {name}.Length)");
            writer.Line($"throw new global::System.ArgumentException(\"The gradient span must have the length of '{signature[i].Name}' (\" + {name}.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"), but has length \" + {gradient}.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\", nameof({gradient}));");
            writer.Close();
            writer.Line($"{gradient}.Clear();");
        }

        var programParameters = signature.Where(p => p.Kind == ParameterKind.Scalar).Select(p => p.Name).ToList();
        var programWriter = new ProgramWriter(writer, model.IsFloat, programParameters, taken) { GradientSpans = spans, Generic = model.TypeParameter, Names = names };
        var outputs = programWriter.Write(program);
        if (hasSpans)
        {
            var scalars = differentiated.Where(i => signature[i].Kind == ParameterKind.Scalar).ToList();
            for (var s = 0; s < scalars.Count; s++)
            {
                writer.Line(Naming.Escape(derivativeNames[scalars[s]]) + " = " + outputs[s + 1] + ";");
            }

            writer.Line("return " + outputs[0] + ";");
        }
        else
        {
            writer.Line("return (" + string.Join(", ", outputs) + ");");
        }

        writer.Close();
    }
}
