using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leibniz.Generator.Parse;

/// <summary>Parameters and results that are structs of numbers (or spans and arrays of them).</summary>
internal static partial class MethodParser
{
    /// <summary>How a struct parameter (or a span or array of structs) is differentiated, or null with the reason in <paramref name="problem"/>.</summary>
    private static (ParameterKind Kind, StructShape Shape)? ClassifyStruct(IParameterSymbol parameter, Compilation compilation, SpecialType floating, out string? problem)
    {
        var frozen = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NoDerivativeAttributeName);
        var element = ElementType(parameter.Type);
        if (StructTypes.Resolve(element ?? parameter.Type, compilation, parameter.ContainingType, out problem) is not { } type)
        {
            return null;
        }

        if (type.Element != floating)
        {
            problem = $"parameter '{parameter.Name}' is a '{type.Symbol.Name}' of {Keyword(type.Element)} fields, but the method computes in {Keyword(floating)}; use one floating type throughout";
            return null;
        }

        var kind = element is null ? (frozen ? ParameterKind.Constant : ParameterKind.Scalar) : (frozen ? ParameterKind.ConstantArray : ParameterKind.Array);
        return (kind, type.Shape);
    }

    /// <summary>The shape of a struct result, or null when the result is not a struct (a problem with it is reported here).</summary>
    private static StructShape? StructResult(IMethodSymbol method, Compilation compilation, SpecialType floating, MethodDeclarationSyntax syntax, List<DiagnosticInfo> diagnostics)
    {
        var type = StructTypes.Resolve(method.ReturnType, compilation, method.ContainingType, out var problem);
        problem ??= type is not null && type.Element != floating
            ? $"its result is a '{type.Symbol.Name}' of {Keyword(type.Element)} fields, but the method computes in {Keyword(floating)}; use one floating type throughout"
            : null;
        if (problem is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, LocationInfo.From(syntax.ReturnType), method.Name, problem));
            return new StructShape("", EquatableArray<string>.Empty, Positional: true, "");
        }

        return type?.Shape;
    }

    private static string Keyword(SpecialType type) => type == SpecialType.System_Single ? "float" : "double";
}
