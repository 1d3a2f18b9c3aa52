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
    string HintName)
{
    public string TypeName => IsFloat ? "float" : "double";
}

/// <summary>The result of parsing one method: a model to emit (if it can be differentiated) and diagnostics.</summary>
internal sealed record ParseResult(MethodModel? Model, EquatableArray<DiagnosticInfo> Diagnostics);
