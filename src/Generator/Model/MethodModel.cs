using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Model;

/// <summary>One enclosing type declaration, as it must be repeated in the generated partial declaration.</summary>
/// <param name="Keyword">"class", "struct", "record", "record struct" or "interface", with "ref " when needed.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Box&lt;T&gt;</c>.</param>
internal sealed record TypeDeclaration(string Keyword, string Name);

/// <summary>Everything the emitter needs to know about a [Differentiable] method, as plain equatable data.</summary>
internal sealed record MethodModel(
    string? Namespace,
    EquatableArray<TypeDeclaration> Types,
    string Accessibility,
    string Name,
    bool IsFloat,
    EquatableArray<string> Parameters,
    Program Body,
    string HintName,
    string UniqueHintName,
    string Key,
    EquatableArray<ParameterModel> Signature,
    int Order = 1,
    string? TypeParameter = null,
    string? Constraint = null,
    StructShape? Result = null,
    bool IsStatic = true)
{
    /// <summary>"static " for a static method; empty for an instance method, whose derivatives are instance methods beside it.</summary>
    public string StaticModifier => IsStatic ? "static " : "";

    public string TypeName => TypeParameter ?? (IsFloat ? "float" : "double");

    /// <summary>"&lt;T&gt;" for a generic-math method, empty otherwise.</summary>
    public string TypeParameterList => TypeParameter is null ? "" : "<" + TypeParameter + ">";

    /// <summary>" where T : …" for a generic-math method, empty otherwise.</summary>
    public string ConstraintClause => Constraint is null ? "" : " where " + TypeParameter + " : " + Constraint;

    /// <summary>True for the straight-line scalar form of the first generator: a tuple gradient and a Jvp.</summary>
    public bool IsScalarOnly => Signature.All(p => p.Kind == ParameterKind.Scalar && p.Shape is null) && Result is null && !Ir.Loops.Contains(Body);
}

/// <summary>
/// The result of parsing one method: a model to emit (if it can be differentiated), diagnostics, and its place in
/// the call graph (null for what is not a method of a type).
/// </summary>
internal sealed record ParseResult(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics, MethodCalls? Calls = null);
