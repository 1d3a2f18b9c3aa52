using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// The Jvp of a method with loops, integer, [NoDerivative] or array/span parameters: after all the original
/// parameters, one tangent per differentiated parameter in parameter order (a <c>ReadOnlySpan&lt;T&gt;</c> per
/// array or span, a <c>T</c> per scalar, named <c>d</c> + the parameter's name); returns <c>(Value, Tangent)</c>.
/// The tangent of a struct (and of a struct result) has the struct's type.
/// </summary>
internal static class ExtendedJvp
{
    public static void Write(CodeWriter writer, MethodModel model, Ir.Program program)
    {
        var t = model.TypeName;
        var signature = model.Signature;
        var names = DerivativeNames.Of(signature.Select(p => p.Name).ToList());
        var differentiated = Enumerable.Range(0, signature.Count).Where(i => signature[i].IsDifferentiated).ToList();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The value of <c>{model.Name}</c> and its directional derivative (Jacobian-vector product), by forward-mode differentiation.");
        writer.Line("/// </summary>");
        foreach (var parameter in signature)
        {
            writer.Line($"/// <param name=\"{parameter.Name}\">The argument <c>{parameter.Name}</c>.</param>");
        }

        foreach (var i in differentiated)
        {
            var what = signature[i].Kind == ParameterKind.Array ? "element by element; its length must equal that of" : "of";
            writer.Line($"/// <param name=\"{names[i]}\">The tangent (direction) {what} <c>{signature[i].Name}</c>.</param>");
        }

        writer.Line("/// <returns><c>Value</c>, and <c>Tangent</c> = the derivative of the value in the given direction.</returns>");
        if (differentiated.Any(i => signature[i].Kind == ParameterKind.Array))
        {
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A tangent span's length differs from its argument's.</exception>");
        }

        SourceEmitter.WriteAttribute(writer);
        var parameters = signature.Select(p => p.TypeText + " " + CSharpIdentifier.Escape(p.Name))
            .Concat(differentiated.Select(i => (signature[i].Kind != ParameterKind.Array ? StructSignatures.ValueType(signature[i], t)
                : signature[i].Rank == 2 ? signature[i].TypeText
                : "global::System.ReadOnlySpan<" + StructSignatures.ValueType(signature[i], t) + ">") + " " + CSharpIdentifier.Escape(names[i])));
        var valueType = model.Result?.TypeText ?? t;
        writer.Open($"{model.Accessibility} {model.StaticModifier}({valueType} Value, {valueType} Tangent) {model.Name}Jvp{model.TypeParameterList}({string.Join(", ", parameters)}){model.ConstraintClause}");
        var spans = new Dictionary<Ir.ArrayRef, string>();
        foreach (var i in differentiated.Where(i => signature[i].Kind == ParameterKind.Array))
        {
            var (name, tangent) = (CSharpIdentifier.Escape(signature[i].Name), CSharpIdentifier.Escape(names[i]));
            spans[Ir.ArrayRef.Parameter(i)] = tangent;
            if (signature[i].Rank == 2)
            {
                GridBuffers.WriteCheck(writer, signature[i].Name, names[i], "tangent");
                continue;
            }

            writer.Open($"if ({tangent}.Length != {name}.Length)");
            writer.Line($"throw new global::System.ArgumentException(\"The tangent span must have the length of '{signature[i].Name}' (\" + {name}.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \"), but has length \" + {tangent}.Length.ToString(global::System.Globalization.CultureInfo.InvariantCulture) + \".\", nameof({tangent}));");
            writer.Close();
        }

        StructSignatures.DeclareFlatSpans(writer, model, names, spans);
        var scalars = differentiated.Where(i => signature[i].Kind == ParameterKind.Scalar).ToList();
        var programParameters = scalars.SelectMany(i => StructSignatures.Fields(signature[i], signature[i].Name))
            .Concat(scalars.SelectMany(i => StructSignatures.Fields(signature[i], names[i]))).ToList();
        var arrays = new Names(signature, program);
        var taken = signature.Select(p => p.Name).Concat(names).Concat(arrays.LocalArrays).Concat(StructNames.For(signature).All).ToList();
        var outputs = new ProgramWriter(writer, model.IsFloat, programParameters, taken) { GradientSpans = spans, Generic = model.TypeParameter, Names = arrays }.Write(program);
        var next = 0;
        var value = StructSignatures.Assemble(model.Result, outputs, ref next);
        writer.Line("return (" + value + ", " + StructSignatures.Assemble(model.Result, outputs, ref next) + ");");
        writer.Close();
    }
}
