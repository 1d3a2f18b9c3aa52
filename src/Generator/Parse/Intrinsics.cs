using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace Leibniz.Generator.Parse;

/// <summary>Identifies calls to derivative-table functions by their resolved symbol (owner type and signature).</summary>
internal static class Intrinsics
{
    /// <summary>Functions of System.Math, System.MathF, double and float, by arity of floating-point arguments.</summary>
    private static readonly Dictionary<string, int> MathFunctions = new()
    {
        ["Sin"] = 1,
        ["Cos"] = 1,
        ["Tan"] = 1,
        ["Asin"] = 1,
        ["Acos"] = 1,
        ["Atan"] = 1,
        ["Atan2"] = 2,
        ["Sinh"] = 1,
        ["Cosh"] = 1,
        ["Tanh"] = 1,
        ["Asinh"] = 1,
        ["Acosh"] = 1,
        ["Atanh"] = 1,
        ["Exp"] = 1,
        ["Log"] = 1,
        ["Log2"] = 1,
        ["Log10"] = 1,
        ["Sqrt"] = 1,
        ["Cbrt"] = 1,
        ["Pow"] = 2,
        ["Abs"] = 1,
        ["Min"] = 2,
        ["Max"] = 2,
        ["Clamp"] = 3,
        ["Hypot"] = 2,
        ["FusedMultiplyAdd"] = 3,
        ["Round"] = 1,
        ["Floor"] = 1,
        ["Ceiling"] = 1,
        ["Truncate"] = 1,
    };

    /// <summary>Every name <see cref="Resolve"/> can return: the functions the derivative table must cover.</summary>
    public static readonly IReadOnlyCollection<string> TableNames =
        new HashSet<string>(MathFunctions.Keys.Concat(Ir.ElementaryFunctions.Names)) { "Sign", "ScaleB", "LogBase" };

    private static readonly HashSet<string> MathOwners = new() { "System.Math", "System.MathF", "System.Double", "System.Single" };

    /// <summary>True when <paramref name="method"/> belongs to a type whose functions the table covers.</summary>
    public static bool IsMathOwner(IMethodSymbol method) =>
        MathOwners.Contains(FullName(method.ContainingType)) || FullName(method.ContainingType) == "Leibniz.Elementary";

    /// <summary>Namespace-qualified metadata name (System.Single, not the keyword float).</summary>
    public static string FullName(INamedTypeSymbol type) =>
        type.ContainingNamespace is { IsGlobalNamespace: false } ns ? ns.ToDisplayString() + "." + type.MetadataName : type.MetadataName;

    /// <summary>
    /// Resolves a call to its table name. Sign of Math returns an int and is resolved as "Sign" (its conversion to
    /// the floating type is handled by the caller); ScaleB takes an int exponent.
    /// </summary>
    public static string? Resolve(IMethodSymbol method, SpecialType floating)
    {
        var owner = FullName(method.ContainingType);
        var name = method.Name;
        var ps = method.Parameters;
        if (!method.IsStatic || method.IsGenericMethod)
        {
            return null;
        }

        if (owner == "Leibniz.Elementary")
        {
            if (!Ir.ElementaryFunctions.Arity.TryGetValue(name, out var arity) || !AllFloating(ps, floating) || method.ReturnType.SpecialType != floating)
            {
                return null;
            }

            if (name == "LeakyRelu" && ps.Length == 1)
            {
                return "LeakyRelu";
            }

            return ps.Length == arity ? (name == "Sign" ? "ElementarySign" : name) : null;
        }

        if (!MathOwners.Contains(owner))
        {
            return null;
        }

        if (name == "Sign" && ps.Length == 1 && ps[0].Type.SpecialType == floating && method.ReturnType.SpecialType == SpecialType.System_Int32)
        {
            return "Sign";
        }

        if (name == "ScaleB" && ps.Length == 2 && ps[0].Type.SpecialType == floating && ps[1].Type.SpecialType == SpecialType.System_Int32
            && method.ReturnType.SpecialType == floating)
        {
            return "ScaleB";
        }

        if (method.ReturnType.SpecialType != floating || !AllFloating(ps, floating))
        {
            return null;
        }

        if (name == "Log" && ps.Length == 2)
        {
            return "LogBase";
        }

        return MathFunctions.TryGetValue(name, out var n) && n == ps.Length ? name : null;
    }

    /// <summary>
    /// Resolves a generic-math call on the method's type parameter (<c>T.Sin(x)</c> binds to
    /// <c>System.Numerics.ITrigonometricFunctions&lt;T&gt;.Sin</c>, and so on) to its table name.
    /// </summary>
    public static string? ResolveGeneric(IMethodSymbol method, ITypeParameterSymbol type)
    {
        if (!method.IsStatic || method.IsGenericMethod || method.ContainingType.TypeKind != TypeKind.Interface
            || method.ContainingType.ContainingNamespace?.ToDisplayString() != "System.Numerics")
        {
            return null;
        }

        bool IsT(ITypeSymbol t) => SymbolEqualityComparer.Default.Equals(t, type);
        var ps = method.Parameters;
        var name = method.Name;
        if (name == "Sign" && ps.Length == 1 && IsT(ps[0].Type) && method.ReturnType.SpecialType == SpecialType.System_Int32)
        {
            return "Sign";
        }

        if (name == "ScaleB" && ps.Length == 2 && IsT(ps[0].Type) && ps[1].Type.SpecialType == SpecialType.System_Int32 && IsT(method.ReturnType))
        {
            return "ScaleB";
        }

        if (!IsT(method.ReturnType) || !ps.All(p => IsT(p.Type) && p.RefKind == RefKind.None))
        {
            return null;
        }

        if (name == "Log" && ps.Length == 2)
        {
            return "LogBase";
        }

        return MathFunctions.TryGetValue(name, out var n) && n == ps.Length ? name : null;
    }

    private static bool AllFloating(System.Collections.Immutable.ImmutableArray<IParameterSymbol> ps, SpecialType floating) =>
        ps.All(p => p.Type.SpecialType == floating && p.RefKind == RefKind.None);
}
