using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Leibniz.Generator;

/// <summary>Every diagnostic the generator reports, in one place (IDs are release-tracked).</summary>
internal static class Diagnostics
{
    private const string Category = "Leibniz.Differentiation";

    public static readonly DiagnosticDescriptor UnsupportedConstruct = Create(
        "LZ0001",
        "Construct cannot be differentiated",
        "'{0}' cannot be differentiated: the {1} is not supported in a [Differentiable] method; {2}");

    public static readonly DiagnosticDescriptor UnsupportedCall = Create(
        "LZ0002",
        "Call to a method without a derivative",
        "'{0}' has no derivative: it is neither in the derivative table nor marked [Differentiable]; {1}");

    public static readonly DiagnosticDescriptor UnsupportedType = Create(
        "LZ0003",
        "Unsupported parameter or return type",
        "'{0}' of method '{1}' has type '{2}', which cannot be differentiated; use double or float (all the same type) for the return value and parameters, or arrays and ReadOnlySpans of it, or int");

    public static readonly DiagnosticDescriptor NotStatic = Create(
        "LZ0004",
        "[Differentiable] method is not static",
        "Method '{0}' must be static to be differentiated; add the 'static' modifier");

    public static readonly DiagnosticDescriptor NotPartial = Create(
        "LZ0005",
        "Containing type is not partial",
        "Type '{0}' must be declared 'partial' so the derivatives of '{1}' can be generated into it; add the 'partial' modifier");

    public static readonly DiagnosticDescriptor Recursion = Create(
        "LZ0006",
        "Recursive [Differentiable] method",
        "Method '{0}' is recursive through the call to '{1}'; recursion cannot be differentiated at compile time, rewrite it without recursion");

    public static readonly DiagnosticDescriptor NameCollision = Create(
        "LZ0007",
        "Generated member name already exists",
        "Type '{0}' already has a member named '{1}', which the derivative of '{2}' would generate; rename that member or the method");

    public static readonly DiagnosticDescriptor ConstantResult = Create(
        "LZ0008",
        "Result does not depend on any parameter",
        "The result of '{0}' does not depend on any parameter, so every derivative is zero; check that the parameters are used",
        DiagnosticSeverity.Warning);

    public static readonly DiagnosticDescriptor InternalError = Create(
        "LZ0009",
        "Generator failed on a method",
        "The Leibniz generator failed on method '{0}' ({1}); no derivative was generated. Please report this with the method's source.");

    public static readonly DiagnosticDescriptor UnsupportedMethodShape = Create(
        "LZ0010",
        "Unsupported method shape",
        "Method '{0}' cannot be differentiated: {1}");

    public static readonly DiagnosticDescriptor CustomDerivativeSignature = Create(
        "LZ0011",
        "Custom derivative has the wrong signature",
        "'{0}' is registered as the derivative of '{1}' but does not match it; expected {2}");

    public static readonly DiagnosticDescriptor LocalArrayOverwritten = Create(
        "LZ0012",
        "Local array element written after it was read",
        "Element '{0}' of local array '{1}' is written after it was read; Leibniz differentiates local arrays whose elements are read only after their last write (fill the array, then read it); write the new values into another local array");

    public static readonly DiagnosticDescriptor CalleeWithoutDerivative = Create(
        "LZ0013",
        "Call to a [Differentiable] method that has no generated derivative",
        "'{0}' calls '{1}', which has no generated derivative (see the error reported on '{1}'); fix '{1}' first");

    private static readonly Dictionary<string, DiagnosticDescriptor> All = new[]
    {
        UnsupportedConstruct, UnsupportedCall, UnsupportedType, NotStatic, NotPartial, Recursion, NameCollision,
        ConstantResult, InternalError, UnsupportedMethodShape, CustomDerivativeSignature, LocalArrayOverwritten,
        CalleeWithoutDerivative,
    }.ToDictionary(d => d.Id);

    public static DiagnosticDescriptor ById(string id) => All[id];

    private static DiagnosticDescriptor Create(string id, string title, string message, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new(id, title, message, Category, severity, isEnabledByDefault: true, description: "Every ID is listed in docs/generator.md of the Leibniz repository.");
}
