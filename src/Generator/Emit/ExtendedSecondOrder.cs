using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// <c>[Differentiable(Order = 2)]</c> for methods with loops, integer, [NoDerivative] or array/span parameters:
/// <c>FHvp</c> prints the forward-over-reverse program (the gradient program with the tangent of every value, tape,
/// buffer and call beside it), and <c>FHessian</c> is one <c>FHvp</c> per unit vector.
/// With an array or span parameter the outputs go into caller-supplied spans (<c>out T</c> for scalars), in
/// parameter order; otherwise both keep the tuple shapes of the straight-line <see cref="SecondOrderWriter"/>.
/// </summary>
internal static class ExtendedSecondOrder
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    public static void Write(CodeWriter writer, MethodModel model, Ir.Program hvp)
    {
        var shape = new Shape(model);
        WriteHvp(writer, model, shape, hvp);
        if (shape.HasSpans)
        {
            WriteSpanHessian(writer, model, shape);
        }
        else
        {
            WriteTupleHessian(writer, model, shape);
        }
    }

    /// <summary>The names every second-order member uses, computed once.</summary>
    private sealed class Shape
    {
        public Shape(MethodModel model)
        {
            Signature = model.Signature;
            Gradients = DerivativeNames.Of(Signature.Select(p => p.Name).ToList());
            Differentiated = Enumerable.Range(0, Signature.Count).Where(i => Signature[i].IsDifferentiated).ToList();
            HasSpans = Signature.Any(p => p.Kind == ParameterKind.Array);
            var taken = new HashSet<string>(Signature.Select(p => p.Name).Concat(Gradients));
            Directions = Differentiated.ToDictionary(i => i, i => Naming.Free("v" + Signature[i].Name, taken));
            Products = Differentiated.ToDictionary(i => i, i => Naming.Free("hv" + Signature[i].Name, taken));
            Hessian = Naming.Free("hessian", taken);
            Taken = taken.ToList();
            Prefix = Naming.LocalPrefix(Taken);
            _names = taken;
        }

        private readonly HashSet<string> _names;

        public EquatableArray<ParameterModel> Signature { get; }

        public IReadOnlyList<string> Gradients { get; }

        public List<int> Differentiated { get; }

        public bool HasSpans { get; }

        public Dictionary<int, string> Directions { get; }

        public Dictionary<int, string> Products { get; }

        public string Hessian { get; }

        public List<string> Taken { get; }

        /// <summary>The prefix of the SSA locals.</summary>
        public string Prefix { get; }

        /// <summary>A local of the second-order members: the prefix and a word that SSA locals never have, made free of every parameter name.</summary>
        public string Local(string word) => Naming.Free(Prefix + word, _names);

        public bool IsArray(int i) => Signature[i].Kind == ParameterKind.Array;

        public string Name(int i) => CSharpIdentifier.Escape(Signature[i].Name);

        public IEnumerable<int> Scalars => Differentiated.Where(i => !IsArray(i));

        public IEnumerable<int> Arrays => Differentiated.Where(IsArray);
    }

    private static void WriteHvp(CodeWriter writer, MethodModel model, Shape shape, Ir.Program hvp)
    {
        var t = model.TypeName;
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The value of <c>{model.Name}</c>, its gradient and the Hessian-vector product H·v, by forward-over-reverse differentiation: the gradient program and its tangents in one pass (loops and their tapes included), at about two to three times the cost of the gradient.");
        writer.Line("/// </summary>");
        WriteParameterDocs(writer, shape);
        foreach (var i in shape.Differentiated)
        {
            var what = shape.IsArray(i) ? "element by element; its length must equal that of" : "along";
            writer.Line($"/// <param name=\"{shape.Directions[i]}\">The vector v {what} <c>{shape.Signature[i].Name}</c>.</param>");
        }

        if (shape.HasSpans)
        {
            WriteGradientDocs(writer, shape);
            foreach (var i in shape.Differentiated)
            {
                var what = shape.IsArray(i) ? $"Receives (H·v)[i] for every element of <c>{shape.Signature[i].Name}</c>; its length must equal that of <c>{shape.Signature[i].Name}</c>." : $"Receives (H·v) along <c>{shape.Signature[i].Name}</c>.";
                writer.Line($"/// <param name=\"{shape.Products[i]}\">{what}</param>");
            }

            writer.Line("/// <returns>The value.</returns>");
            writer.Line("/// <exception cref=\"global::System.ArgumentException\">A direction, gradient or product span's length differs from its argument's.</exception>");
        }
        else
        {
            writer.Line("/// <returns><c>Value</c>, the gradient " + string.Join(", ", shape.Differentiated.Select(i => $"<c>{shape.Gradients[i]}</c>")) + ", then "
                + string.Join(", ", shape.Differentiated.Select(i => $"<c>{shape.Products[i]}</c> = (H·v) along {SourceEmitter.Xml(shape.Signature[i].Name)}")) + ".</returns>");
        }

        SourceEmitter.WriteAttribute(writer);
        var parameters = shape.Signature.Select(p => p.TypeText + " " + CSharpIdentifier.Escape(p.Name)).ToList();
        parameters.AddRange(shape.Differentiated.Select(i => (shape.IsArray(i) ? "global::System.ReadOnlySpan<" + t + ">" : t) + " " + CSharpIdentifier.Escape(shape.Directions[i])));
        string returns;
        if (shape.HasSpans)
        {
            parameters.AddRange(shape.Differentiated.Select(i => Output(shape, i, t, shape.Gradients[i])));
            parameters.AddRange(shape.Differentiated.Select(i => Output(shape, i, t, shape.Products[i])));
            returns = t;
        }
        else
        {
            returns = "(" + t + " Value, " + string.Join(", ", shape.Differentiated.Select(i => shape.Gradients[i]).Concat(shape.Differentiated.Select(i => shape.Products[i]))
                .Select(d => t + " " + CSharpIdentifier.Escape(d))) + ")";
        }

        writer.Open($"{model.Accessibility} {model.StaticModifier}{returns} {model.Name}Hvp{model.TypeParameterList}({string.Join(", ", parameters)}){model.ConstraintClause}");
        var gradients = new Dictionary<Ir.ArrayRef, string>();
        var directions = new Dictionary<Ir.ArrayRef, string>();
        var products = new Dictionary<Ir.ArrayRef, string>();
        foreach (var i in shape.Arrays)
        {
            var (name, direction, gradientSpan, product) = (shape.Name(i), CSharpIdentifier.Escape(shape.Directions[i]), CSharpIdentifier.Escape(shape.Gradients[i]), CSharpIdentifier.Escape(shape.Products[i]));
            WriteLengthCheck(writer, "direction", shape.Signature[i].Name, name, direction);
            WriteLengthCheck(writer, "gradient", shape.Signature[i].Name, name, gradientSpan);
            WriteLengthCheck(writer, "Hessian-vector product", shape.Signature[i].Name, name, product);
            writer.Line(gradientSpan + ".Clear();");
            writer.Line(product + ".Clear();");
            var array = Ir.ArrayRef.Parameter(i);
            (gradients[array], directions[array], products[array]) = (gradientSpan, direction, product);
        }

        var scalars = shape.Scalars.ToList();
        var names = new Names(shape.Signature, hvp, shape.Directions.Values.Concat(shape.Products.Values));
        var programParameters = scalars.Select(i => shape.Signature[i].Name).Concat(scalars.Select(i => shape.Directions[i])).ToList();
        var outputs = new ProgramWriter(writer, model.IsFloat, programParameters, shape.Taken.Concat(names.LocalArrays).ToList())
        {
            GradientSpans = gradients,
            DirectionSpans = directions,
            ProductSpans = products,
            Generic = model.TypeParameter,
            Names = names,
        }.Write(hvp);
        if (shape.HasSpans)
        {
            for (var s = 0; s < scalars.Count; s++)
            {
                writer.Line(CSharpIdentifier.Escape(shape.Gradients[scalars[s]]) + " = " + outputs[1 + s] + ";");
                writer.Line(CSharpIdentifier.Escape(shape.Products[scalars[s]]) + " = " + outputs[1 + scalars.Count + s] + ";");
            }

            writer.Line("return " + outputs[0] + ";");
        }
        else
        {
            writer.Line("return (" + string.Join(", ", outputs) + ");");
        }

        writer.Close();
    }

    /// <summary>Tuple form: one Hvp per unit vector (column j of the Hessian), then the upper triangle row by row.</summary>
    private static void WriteTupleHessian(CodeWriter writer, MethodModel model, Shape shape)
    {
        var t = model.TypeName;
        var d = shape.Differentiated;
        var pairs = new List<(int I, int J)>();
        for (var i = 0; i < d.Count; i++)
        {
            for (var j = i; j < d.Count; j++)
            {
                pairs.Add((i, j));
            }
        }

        var names = pairs.Select(p => shape.Gradients[d[p.I]] + shape.Gradients[d[p.J]]).ToList();
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The value of <c>{model.Name}</c>, its gradient and its Hessian (upper triangle; the Hessian is symmetric), by forward-over-reverse differentiation: one <c>{model.Name}Hvp</c> per differentiated parameter.");
        writer.Line("/// </summary>");
        WriteParameterDocs(writer, shape);
        writer.Line("/// <returns><c>Value</c>, the gradient " + string.Join(", ", d.Select(i => $"<c>{shape.Gradients[i]}</c>")) + ", then "
            + string.Join(", ", pairs.Select((p, k) => $"<c>{names[k]}</c> = ∂²/∂{SourceEmitter.Xml(shape.Signature[d[p.I]].Name)}∂{SourceEmitter.Xml(shape.Signature[d[p.J]].Name)}")) + ".</returns>");
        SourceEmitter.WriteAttribute(writer);
        var returns = "(" + t + " Value, " + string.Join(", ", d.Select(i => shape.Gradients[i]).Concat(names).Select(n => t + " " + CSharpIdentifier.Escape(n))) + ")";
        writer.Open($"{model.Accessibility} {model.StaticModifier}{returns} {model.Name}Hessian{model.TypeParameterList}({string.Join(", ", shape.Signature.Select(p => p.TypeText + " " + CSharpIdentifier.Escape(p.Name)))}){model.ConstraintClause}");
        var arguments = shape.Signature.Select(p => CSharpIdentifier.Escape(p.Name)).ToList();
        var (one, zero) = (One(model), Zero(model));
        var columns = d.Select((_, j) => shape.Local("column" + j.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToList();
        for (var j = 0; j < d.Count; j++)
        {
            var unit = d.Select((_, k) => k == j ? one : zero);
            writer.Line($"var {columns[j]} = {model.Name}Hvp({string.Join(", ", arguments.Concat(unit))});");
        }

        string Item(int column, int item) => columns[column] + ".Item" + (item + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var items = Enumerable.Range(0, d.Count + 1).Select(k => Item(0, k)).Concat(pairs.Select(p => Item(p.J, 1 + d.Count + p.I)));
        writer.Line("return (" + string.Join(", ", items) + ");");
        writer.Close();
    }

    /// <summary>Span form: row r of the N×N Hessian is H·e_r, one Hvp per unit vector e_r, written straight into the row.</summary>
    private static void WriteSpanHessian(CodeWriter writer, MethodModel model, Shape shape)
    {
        var t = model.TypeName;
        var blocks = shape.Differentiated;
        writer.Line();
        writer.Line("/// <summary>");
        writer.Line($"/// The value of <c>{model.Name}</c>, its gradient and its full Hessian, by forward-over-reverse differentiation: one <c>{model.Name}Hvp</c> per differentiated variable (N of them), each writing one row.");
        writer.Line("/// </summary>");
        WriteParameterDocs(writer, shape);
        WriteGradientDocs(writer, shape);
        writer.Line($"/// <param name=\"{shape.Hessian}\">Receives the symmetric N×N Hessian, row-major, over all differentiated variables in parameter order ("
            + string.Join(", then ", blocks.Select(i => shape.IsArray(i) ? $"every element of <c>{shape.Signature[i].Name}</c>" : $"<c>{shape.Signature[i].Name}</c>")) + "); its length must be N².</param>");
        writer.Line("/// <returns>The value.</returns>");
        writer.Line("/// <exception cref=\"global::System.ArgumentException\">A gradient span's length differs from its argument's, or the Hessian span's length is not N².</exception>");
        SourceEmitter.WriteAttribute(writer);
        var parameters = shape.Signature.Select(p => p.TypeText + " " + CSharpIdentifier.Escape(p.Name))
            .Concat(blocks.Select(i => Output(shape, i, t, shape.Gradients[i])))
            .Append("global::System.Span<" + t + "> " + CSharpIdentifier.Escape(shape.Hessian));
        writer.Open($"{model.Accessibility} {model.StaticModifier}{t} {model.Name}Hessian{model.TypeParameterList}({string.Join(", ", parameters)}){model.ConstraintClause}");
        var hessian = CSharpIdentifier.Escape(shape.Hessian);
        foreach (var i in shape.Arrays)
        {
            WriteLengthCheck(writer, "gradient", shape.Signature[i].Name, shape.Name(i), CSharpIdentifier.Escape(shape.Gradients[i]));
        }

        var offsets = new Dictionary<int, string>();
        var offset = "0";
        foreach (var i in blocks)
        {
            offsets[i] = offset;
            offset = offset == "0" ? Length(shape, i) : offset + " + " + Length(shape, i);
        }

        var size = shape.Local("size");
        writer.Line($"int {size} = {offset};");
        writer.Open($"if ({hessian}.Length != (long){size} * {size})");
        writer.Line($"throw new global::System.ArgumentException(\"The Hessian span must have length N² = \" + ((long){size} * {size}).ToString({Invariant}) + \" (N = \" + {size}.ToString({Invariant}) + \" differentiated variables), but has length \" + {hessian}.Length.ToString({Invariant}) + \".\", nameof({hessian}));");
        writer.Close();
        var arguments = shape.Signature.Select(q => CSharpIdentifier.Escape(q.Name)).ToList();
        var gradientArguments = blocks.Select(i => (shape.IsArray(i) ? "" : "out ") + CSharpIdentifier.Escape(shape.Gradients[i])).ToList();
        if (shape.Scalars.Any())
        {
            foreach (var i in shape.Scalars)
            {
                writer.Line(CSharpIdentifier.Escape(shape.Gradients[i]) + " = " + Zero(model) + ";");
            }
        }
        else
        {
            writer.Open($"if ({size} == 0)");
            writer.Line($"return {model.Name}Gradient({string.Join(", ", arguments.Concat(gradientArguments))});");
            writer.Close();
        }

        var units = new Dictionary<int, (string Span, string Rented)>();
        var pool = "global::System.Buffers.ArrayPool<" + t + ">.Shared";
        foreach (var i in shape.Arrays)
        {
            var k = units.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var (unit, rented) = (shape.Local("unit" + k), shape.Local("rentedunit" + k));
            writer.Line($"{t}[]? {rented} = null;");
            // A generic T may be a managed type: no stackalloc.
            var stack = model.TypeParameter is null ? $"{Length(shape, i)} <= {ProgramWriter.StackTapeLength} ? stackalloc {t}[{ProgramWriter.StackTapeLength}] : " : "";
            writer.Line($"global::System.Span<{t}> {unit} = {stack}({rented} = {pool}.Rent({Length(shape, i)}));");
            writer.Line($"{unit} = {unit}.Slice(0, {Length(shape, i)});");
            writer.Line($"{unit}.Clear();");
            units[i] = (unit, rented);
        }

        var value = shape.Local("value");
        var row = shape.Local("row");
        writer.Line($"{t} {value} = {Zero(model)};");
        writer.Line($"int {row} = 0;");
        var (one, zero) = (One(model), Zero(model));
        foreach (var block in blocks)
        {
            var directions = blocks.Select(i => shape.IsArray(i) ? units[i].Span : i == block ? one : zero);
            var products = blocks.Select(i => shape.IsArray(i)
                ? $"{hessian}.Slice({row} * {size} + {offsets[i]}, {Length(shape, i)})"
                : $"out {hessian}[{row} * {size} + {offsets[i]}]");
            var call = $"{value} = {model.Name}Hvp({string.Join(", ", arguments.Concat(directions).Concat(gradientArguments).Concat(products))});";
            if (shape.IsArray(block))
            {
                var element = shape.Local("element");
                writer.Open($"for (int {element} = 0; {element} < {Length(shape, block)}; {element}++)");
                writer.Line($"{units[block].Span}[{element}] = {one};");
                writer.Line(call);
                writer.Line($"{units[block].Span}[{element}] = {zero};");
                writer.Line($"{row}++;");
                writer.Close();
            }
            else
            {
                writer.Line(call);
                writer.Line($"{row}++;");
            }
        }

        foreach (var (_, rented) in units.Values)
        {
            writer.Line($"if ({rented} is not null) {pool}.Return({rented});");
        }

        writer.Line($"return {value};");
        writer.Close();
    }

    private static string One(MethodModel model) => model.TypeParameter is { } t ? t + ".One" : Literals.Format(1, model.IsFloat);

    private static string Zero(MethodModel model) => model.TypeParameter is { } t ? t + ".Zero" : Literals.Format(0, model.IsFloat);

    private static string Length(Shape shape, int i) => shape.IsArray(i) ? shape.Name(i) + ".Length" : "1";

    private static string Output(Shape shape, int i, string t, string name) =>
        (shape.IsArray(i) ? "global::System.Span<" + t + "> " : "out " + t + " ") + CSharpIdentifier.Escape(name);

    private static void WriteParameterDocs(CodeWriter writer, Shape shape)
    {
        foreach (var parameter in shape.Signature)
        {
            var role = parameter.IsDifferentiated ? "differentiated" : "not differentiated";
            writer.Line($"/// <param name=\"{parameter.Name}\">The argument <c>{parameter.Name}</c> ({role}).</param>");
        }
    }

    private static void WriteGradientDocs(CodeWriter writer, Shape shape)
    {
        foreach (var i in shape.Differentiated)
        {
            var what = shape.IsArray(i)
                ? $"Receives ∂/∂{SourceEmitter.Xml(shape.Signature[i].Name)}[i] for every element; its length must equal that of <c>{shape.Signature[i].Name}</c>."
                : $"Receives ∂/∂{SourceEmitter.Xml(shape.Signature[i].Name)}.";
            writer.Line($"/// <param name=\"{shape.Gradients[i]}\">{what}</param>");
        }
    }

    private static void WriteLengthCheck(CodeWriter writer, string what, string parameter, string name, string span)
    {
        writer.Open($"if ({span}.Length != {name}.Length)");
        writer.Line($"throw new global::System.ArgumentException(\"The {what} span must have the length of '{parameter}' (\" + {name}.Length.ToString({Invariant}) + \"), but has length \" + {span}.Length.ToString({Invariant}) + \".\", nameof({span}));");
        writer.Close();
    }
}
