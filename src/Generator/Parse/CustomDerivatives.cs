using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Hand-written derivatives registered with <c>[DerivativeOf(nameof(F))]</c>: for <c>T F(T a, T b)</c> the
/// derivative is <c>static (T Value, T da, T db) D(T a, T b)</c>.
/// </summary>
internal static class CustomDerivatives
{
    public const string AttributeName = "Leibniz.DerivativeOfAttribute";

    /// <summary>The valid registered derivative of <paramref name="target"/>, if any.</summary>
    public static IMethodSymbol? Find(IMethodSymbol target)
    {
        foreach (var member in target.ContainingType.GetMembers().OfType<IMethodSymbol>())
        {
            if (TargetName(member) == target.Name && Expected(target) is { } expected && Matches(member, target) && expected.Length > 0)
            {
                return member;
            }
        }

        return null;
    }

    /// <summary>Checks one [DerivativeOf] method and returns the diagnostics for a wrong signature.</summary>
    public static EquatableArray<DiagnosticInfo> Validate(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.TargetSymbol is not IMethodSymbol derivative || context.TargetNode is not MethodDeclarationSyntax syntax
            || TargetName(derivative) is not { } name)
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        cancellationToken.ThrowIfCancellationRequested();
        var location = LocationInfo.From(syntax.Identifier.GetLocation());
        var candidates = derivative.ContainingType.GetMembers(name).OfType<IMethodSymbol>().Where(m => !SymbolEqualityComparer.Default.Equals(m, derivative)).ToList();
        if (candidates.Count == 0)
        {
            return EquatableArray.Create(DiagnosticInfo.Create(Diagnostics.CustomDerivativeSignature, location, derivative.Name, name,
                $"a static method named '{name}' in '{derivative.ContainingType.Name}'"));
        }

        if (candidates.Any(c => Matches(derivative, c)))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var expected = candidates.Select(c => Expected(c) is { } text ? text.Replace("NAME", derivative.Name) : null).FirstOrDefault(t => t is not null)
            ?? $"'{name}' to be static with double or float parameters and result";
        return EquatableArray.Create(DiagnosticInfo.Create(Diagnostics.CustomDerivativeSignature, location, derivative.Name, name, expected));
    }

    private static string? TargetName(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName) is { } attribute
        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : null;

    /// <summary>The signature a derivative of <paramref name="target"/> must have (NAME for its name), or null if the target cannot have one.</summary>
    private static string? Expected(IMethodSymbol target)
    {
        var type = target.ReturnType.SpecialType;
        if (!target.IsStatic || type is not (SpecialType.System_Double or SpecialType.System_Single) || target.Parameters.Length == 0
            || target.Parameters.Any(p => p.Type.SpecialType != type || p.RefKind != RefKind.None))
        {
            return null;
        }

        var t = type == SpecialType.System_Double ? "double" : "float";
        var names = Emit.Naming.DerivativeNames(target.Parameters.Select(p => p.Name).ToList());
        return $"static ({t} Value, {string.Join(", ", names.Select(n => t + " " + n))}) NAME({string.Join(", ", target.Parameters.Select(p => t + " " + p.Name))})";
    }

    private static bool Matches(IMethodSymbol derivative, IMethodSymbol target)
    {
        var type = target.ReturnType.SpecialType;
        return Expected(target) is not null && derivative.IsStatic && !derivative.IsGenericMethod
            && derivative.Parameters.Length == target.Parameters.Length
            && derivative.Parameters.All(p => p.Type.SpecialType == type && p.RefKind == RefKind.None)
            && derivative.ReturnType is INamedTypeSymbol { IsTupleType: true } tuple
            && tuple.TupleElements.Length == target.Parameters.Length + 1
            && tuple.TupleElements.All(e => e.Type.SpecialType == type);
    }

    internal static IEnumerable<IMethodSymbol> All(INamedTypeSymbol type) => type.GetMembers().OfType<IMethodSymbol>().Where(m => TargetName(m) is not null);
}
