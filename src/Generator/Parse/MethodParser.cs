using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>Checks a [Differentiable] method's shape and lowers its body: symbols in, equatable model out.</summary>
internal static class MethodParser
{
    public const string AttributeName = "Leibniz.DifferentiableAttribute";

    public static bool IsDifferentiable(IMethodSymbol method) =>
        method.OriginalDefinition.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeName);

    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol method || context.TargetNode is not MethodDeclarationSyntax syntax)
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        try
        {
            return ParseMethod(method, syntax, context.SemanticModel, cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var info = DiagnosticInfo.Create(Diagnostics.InternalError, LocationInfo.From(syntax.Identifier.GetLocation()), method.Name,
                exception.GetType().Name + ": " + exception.Message);
            return new ParseResult(null, EquatableArray.Create(info));
        }
    }

    private static ParseResult ParseMethod(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (semanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var diagnostics = new List<DiagnosticInfo>();
        var identifier = LocationInfo.From(syntax.Identifier.GetLocation());
        if (!method.IsStatic)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotStatic, identifier, method.Name));
        }

        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, LocationInfo.From(type.Identifier.GetLocation()), type.Identifier.Text, method.Name));
            }
        }

        if (method.IsGenericMethod)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name, "generic methods are not supported yet; write it for double or float"));
        }

        if (method.Parameters.Length == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name, "it has no parameters to differentiate with respect to; add a double or float parameter"));
        }

        var floating = FloatingType(method);
        if (method.ReturnType.SpecialType != floating)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, LocationInfo.From(syntax.ReturnType), "return value", method.Name, method.ReturnType.ToDisplayString()));
        }

        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            if (parameter.Type.SpecialType != floating || parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                var typeText = parameter.RefKind == RefKind.None ? parameter.Type.ToDisplayString() : parameter.RefKind.ToString().ToLowerInvariant() + " " + parameter.Type.ToDisplayString();
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, LocationInfo.From(syntax.ParameterList.Parameters[i]), parameter.Name, method.Name, typeText));
            }
        }

        foreach (var suffix in new[] { "Gradient", "Jvp" })
        {
            var name = method.Name + suffix;
            if (!method.ContainingType.GetMembers(name).IsEmpty)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NameCollision, identifier, method.ContainingType.Name, name, method.Name));
            }
        }

        if (diagnostics.Count > 0 || floating == SpecialType.None)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        if (semanticModel.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body || (body.BlockBody ?? body.ExpressionBody) is not { } block
            || ContainsInvalid(block))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var lowering = new BodyLowering(method, floating, semanticModel.Compilation, cancellationToken);
        var program = lowering.Lower(block);
        diagnostics.AddRange(lowering.Diagnostics);
        if (diagnostics.Count > 0)
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        if (!Activity.IsOutputActive(program))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.ConstantResult, identifier, method.Name));
        }

        var model = new MethodModel(
            Namespace(method.ContainingType),
            ContainingTypes(method.ContainingType),
            Accessibility(method.DeclaredAccessibility),
            method.Name,
            floating == SpecialType.System_Single,
            method.Parameters.Select(p => p.Name).ToEquatableArray(),
            program,
            HintName(method));
        return new ParseResult(model, diagnostics.ToEquatableArray());
    }

    private static SpecialType FloatingType(IMethodSymbol method)
    {
        foreach (var type in new[] { method.ReturnType }.Concat(method.Parameters.Select(p => p.Type)))
        {
            if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
            {
                return type.SpecialType;
            }
        }

        return SpecialType.System_Double;
    }

    private static bool ContainsInvalid(IOperation operation) => operation is IInvalidOperation || operation.ChildOperations.Any(ContainsInvalid);

    private static string? Namespace(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() : null;

    private static EquatableArray<TypeDeclaration> ContainingTypes(INamedTypeSymbol type)
    {
        var types = new List<TypeDeclaration>();
        for (var current = type; current is not null; current = current.ContainingType)
        {
            var keyword = current switch
            {
                { IsRecord: true, TypeKind: TypeKind.Struct } => "partial record struct",
                { IsRecord: true } => "partial record",
                { TypeKind: TypeKind.Struct, IsRefLikeType: true } => "ref partial struct",
                { TypeKind: TypeKind.Struct } => "partial struct",
                { TypeKind: TypeKind.Interface } => "partial interface",
                _ => "partial class",
            };
            var name = current.TypeParameters.IsEmpty ? current.Name : current.Name + "<" + string.Join(", ", current.TypeParameters.Select(p => p.Name)) + ">";
            types.Insert(0, new TypeDeclaration(keyword, name));
        }

        return types.ToEquatableArray();
    }

    private static string Accessibility(Accessibility accessibility) => accessibility switch
    {
        Microsoft.CodeAnalysis.Accessibility.Public => "public",
        Microsoft.CodeAnalysis.Accessibility.Internal => "internal",
        Microsoft.CodeAnalysis.Accessibility.Protected => "protected",
        Microsoft.CodeAnalysis.Accessibility.ProtectedOrInternal => "protected internal",
        Microsoft.CodeAnalysis.Accessibility.ProtectedAndInternal => "private protected",
        _ => "private",
    };

    private static string HintName(IMethodSymbol method)
    {
        var parts = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            parts.Insert(0, type.MetadataName);
        }

        if (Namespace(method.ContainingType) is { } ns)
        {
            parts.Insert(0, ns);
        }

        var parameters = string.Join(",", method.Parameters.Select(p => p.Type.SpecialType == SpecialType.System_Single ? "float" : "double"));
        return string.Join(".", parts) + "." + method.Name + "(" + parameters + ").g.cs";
    }
}
