using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// The gradient of a method with loops, integer, [NoDerivative] or array/span parameters. With an array or span
/// parameter it returns the value and writes one output per differentiated parameter, in parameter order: a
/// caller-supplied <c>Span&lt;T&gt;</c> per array or span, an <c>out T</c> per scalar. Otherwise it returns the
/// tuple <c>(Value, d…)</c> over the differentiated scalars, like the straight-line gradient. The derivative with
/// respect to a struct has the struct's type (a span of structs gets a span of them); a method whose result is a
/// struct gets a vector-Jacobian product <c>FVjp(…, seed)</c> instead (see <see cref="Differentiate.StructResults"/>).
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
        var structs = StructNames.For(signature);
        var taken = signature.Select(p => p.Name).Concat(derivativeNames).Concat(names.LocalArrays).Concat(structs.All).ToList();
        var result = model.Result;
        var valueType = result?.TypeText ?? t;

        writer.Line("/// <summary>");
        writer.Line(result is null
            ? $"/// The value of <c>{model.Name}</c> and its gradient, by reverse-mode differentiation (loops are replayed backwards)."
            : $"/// The value of <c>{model.Name}</c> and its vector-Jacobian product with <c>{structs.Seed}</c> (the gradient of Σ {structs.Seed}ⱼ·fieldⱼ of the result), by reverse-mode differentiation.");
        writer.Line("/// </summary>");
        foreach (var parameter in signature)
        {
            var role = parameter.IsDifferentiated ? "differentiated" : "not differentiated";
            writer.Line($"/// <param name=\"{parameter.Name}\">The argument <c>{parameter.Name}</c> ({role}).</param>");
        }

        if (result is not null)
        {
            writer.Line($"/// <param name=\"{structs.Seed}\">The cotangent of the result: the weight of each of its fields.</param>");
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
        var parameters = signature.Select(p => p.TypeText + " " + CSharpIdentifier.Escape(p.Name)).ToList();
        if (result is not null)
        {
            parameters.Add(result.TypeText + " " + structs.Seed);
        }

        string returns;
        if (hasSpans)
        {
            parameters.AddRange(differentiated.Select(i => (signature[i].Kind != ParameterKind.Array ? "out " + StructSignatures.ValueType(signature[i], t)
                : signature[i].Rank == 2 ? signature[i].TypeText
                : "global::System.Span<" + StructSignatures.ValueType(signature[i], t) + ">") + " " + CSharpIdentifier.Escape(derivativeNames[i])));
            returns = valueType;
        }
        else
        {
            returns = "(" + valueType + " Value, " + string.Join(", ", differentiated.Select(i => StructSignatures.ValueType(signature[i], t) + " " + CSharpIdentifier.Escape(derivativeNames[i]))) + ")";
        }

        var suffix = result is null ? "Gradient" : "Vjp";
        writer.Open($"{model.Accessibility} {model.StaticModifier}{returns} {model.Name}{suffix}{model.TypeParameterList}({string.Join(", ", parameters)}){model.ConstraintClause}");
        var spans = new Dictionary<Ir.ArrayRef, string>();
        foreach (var i in differentiated.Where(i => signature[i].Kind == ParameterKind.Array))
        {
            var (name, gradient) = (CSharpIdentifier.Escape(signature[i].Name), CSharpIdentifier.Escape(derivativeNames[i]));
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

        StructSignatures.DeclareFlatSpans(writer, model, derivativeNames, spans);
        var programParameters = signature.Where(p => p.Kind == ParameterKind.Scalar).SelectMany(p => StructSignatures.Fields(p, p.Name)).ToList();
        var programWriter = new ProgramWriter(writer, model.IsFloat, programParameters, taken) { GradientSpans = spans, Generic = model.TypeParameter, Names = names };
        var outputs = programWriter.Write(program);
        var next = 1;
        var derivatives = differentiated.Where(i => signature[i].Kind == ParameterKind.Scalar)
            .Select(i => (Index: i, Text: StructSignatures.Assemble(signature[i].Shape, outputs, ref next))).ToList();
        var value = result is null ? outputs[0] : StructSignatures.Assemble(result, outputs, ref next);
        if (hasSpans)
        {
            foreach (var (index, text) in derivatives)
            {
                writer.Line(CSharpIdentifier.Escape(derivativeNames[index]) + " = " + text + ";");
            }

            writer.Line("return " + value + ";");
        }
        else
        {
            writer.Line("return (" + string.Join(", ", new[] { value }.Concat(derivatives.Select(d => d.Text))) + ");");
        }

        writer.Close();
    }
}
