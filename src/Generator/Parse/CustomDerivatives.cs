using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Hand-written derivatives registered with <c>[DerivativeOf(nameof(F))]</c>: for <c>T F(T a, T b)</c> the
/// derivative is <c>static (T Value, T da, T db) D(T a, T b)</c>, or, with second derivatives (the upper triangle
/// of the Hessian, row by row), <c>static (T Value, T da, T db, T dada, T dadb, T dbdb) D2(T a, T b)</c>.
/// </summary>
internal static class CustomDerivatives
{
    public const string AttributeName = "Leibniz.DerivativeOfAttribute";

    /// <summary>
    /// The valid registered derivative of <paramref name="target"/>, if any: a first-order one when there is one (it
    /// computes less), else a second-order one, whose leading elements are the same.
    /// </summary>
    public static IMethodSymbol? Find(IMethodSymbol target) => Registered(target).OrderBy(m => Order(m, target)).FirstOrDefault();

    /// <summary>The valid registered second-order derivative of <paramref name="target"/>, if any.</summary>
    public static IMethodSymbol? FindSecondOrder(IMethodSymbol target) => Registered(target).FirstOrDefault(m => Order(m, target) == 2);

    private static IEnumerable<IMethodSymbol> Registered(IMethodSymbol target) =>
        target.ContainingType.GetMembers().OfType<IMethodSymbol>().Where(m => TargetName(m) == target.Name && Order(m, target) > 0);

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

        if (candidates.Any(c => Order(derivative, c) > 0))
        {
            return EquatableArray<DiagnosticInfo>.Empty;
        }

        var expected = candidates.Select(c => Expected(c, secondOrder: false) is { } text
                ? text.Replace("NAME", derivative.Name) + " (or, with second derivatives, " + Expected(c, secondOrder: true)!.Replace("NAME", derivative.Name) + ")"
                : null).FirstOrDefault(t => t is not null)
            ?? $"'{name}' to be static with double or float parameters and result";
        return EquatableArray.Create(DiagnosticInfo.Create(Diagnostics.CustomDerivativeSignature, location, derivative.Name, name, expected));
    }

    private static string? TargetName(IMethodSymbol method) =>
        method.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName) is { } attribute
        && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name ? name : null;

    /// <summary>
    /// The signature a derivative of <paramref name="target"/> must have (NAME for its name), or null if the target
    /// cannot have one: the value and the partials, then, for a second-order one, the Hessian's upper triangle.
    /// </summary>
    private static string? Expected(IMethodSymbol target, bool secondOrder)
    {
        var type = target.ReturnType.SpecialType;
        if (!target.IsStatic || type is not (SpecialType.System_Double or SpecialType.System_Single) || target.Parameters.Length == 0
            || target.Parameters.Any(p => p.Type.SpecialType != type || p.RefKind != RefKind.None))
        {
            return null;
        }

        var t = type == SpecialType.System_Double ? "double" : "float";
        var parameters = target.Parameters.Select(p => p.Name).ToList();
        var names = DerivativeNames.Of(parameters);
        if (secondOrder)
        {
            names = names.Concat(DerivativeNames.SecondOrder(parameters)).ToList();
        }

        return $"static ({t} Value, {string.Join(", ", names.Select(n => t + " " + n))}) NAME({string.Join(", ", target.Parameters.Select(p => t + " " + p.Name))})";
    }

    /// <summary>1 or 2 when <paramref name="derivative"/> is a valid first- or second-order derivative of <paramref name="target"/>, else 0.</summary>
    private static int Order(IMethodSymbol derivative, IMethodSymbol target)
    {
        var type = target.ReturnType.SpecialType;
        var n = target.Parameters.Length;
        if (Expected(target, secondOrder: false) is null || !derivative.IsStatic || derivative.IsGenericMethod
            || derivative.Parameters.Length != n
            || !derivative.Parameters.All(p => p.Type.SpecialType == type && p.RefKind == RefKind.None)
            || derivative.ReturnType is not INamedTypeSymbol { IsTupleType: true } tuple
            || !tuple.TupleElements.All(e => e.Type.SpecialType == type))
        {
            return 0;
        }

        var length = tuple.TupleElements.Length;
        return length == n + 1 ? 1 : length == n + 1 + n * (n + 1) / 2 ? 2 : 0;
    }

    internal static IEnumerable<IMethodSymbol> All(INamedTypeSymbol type) => type.GetMembers().OfType<IMethodSymbol>().Where(m => TargetName(m) is not null);
}
