using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// How the signatures of the generated members take structs apart and put them back together: a struct parameter
/// is one program parameter per field (read as <c>a.X</c>), its derivative is built back into the struct's type, and
/// a span of structs is read and written through a flat span of its fields.
/// </summary>
internal static class StructSignatures
{
    /// <summary>The type of a value of <paramref name="parameter"/> or of its derivative: the struct's, or the method's floating type.</summary>
    public static string ValueType(ParameterModel parameter, string floating) => parameter.Shape?.TypeText ?? floating;

    /// <summary>The program parameters that <paramref name="text"/> (a parameter or tangent of <paramref name="parameter"/>'s type) stands for.</summary>
    public static IEnumerable<string> Fields(ParameterModel parameter, string text) => parameter.Shape is { } shape ? shape.Reads(CSharpIdentifier.Escape(text)) : new[] { text };

    /// <summary>The C# text of a value of <paramref name="shape"/> (or a scalar) from the next outputs, starting at <paramref name="next"/>.</summary>
    public static string Assemble(StructShape? shape, IReadOnlyList<string> outputs, ref int next)
    {
        if (shape is null)
        {
            return outputs[next++];
        }

        var fields = outputs.Skip(next).Take(shape.Members.Count).ToList();
        next += fields.Count;
        return shape.Construct(fields);
    }

    /// <summary>
    /// Declares the flat spans of the struct span parameters (and of their derivative spans, for differentiated
    /// ones), and maps each flat span to its flat derivative span in <paramref name="spans"/> (replacing the struct span's entry).
    /// </summary>
    public static void DeclareFlatSpans(CodeWriter writer, MethodModel model, IReadOnlyList<string> derivativeNames, Dictionary<Ir.ArrayRef, string> spans)
    {
        var names = StructNames.For(model.Signature);
        for (var i = 0; i < model.Signature.Count; i++)
        {
            if (names.Fields[i] is not { } fields)
            {
                continue;
            }

            var parameter = model.Signature[i];
            var cast = "global::System.Runtime.InteropServices.MemoryMarshal.Cast<" + parameter.Shape!.TypeText + ", " + parameter.Shape.ElementType + ">(";
            writer.Line("var " + fields + " = " + cast + "(global::System.ReadOnlySpan<" + parameter.Shape.TypeText + ">)" + CSharpIdentifier.Escape(parameter.Name) + ");");
            if (parameter.Kind == ParameterKind.Array)
            {
                var derivative = CSharpIdentifier.Escape(derivativeNames[i]);
                writer.Line("var " + names.DerivativeFields[i] + " = " + cast + derivative + ");");
                spans.Remove(Ir.ArrayRef.Parameter(i));
                spans[Ir.ArrayRef.FieldsOf(i)] = names.DerivativeFields[i]!;
            }
        }
    }
}
