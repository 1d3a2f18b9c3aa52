using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leibniz.Generator.Parse;

/// <summary>Where a struct of numbers comes from, which decides its constructors, operators and functions.</summary>
internal enum StructFamily
{
    /// <summary>A struct or record struct of the user's, whose fields are all double or all float.</summary>
    User,

    /// <summary>System.Numerics.Vector2, Vector3 or Vector4 (float fields X, Y, Z, W).</summary>
    Vector,

    /// <summary>System.Numerics.Complex (double Real and Imaginary).</summary>
    Complex,
}

/// <summary>A struct of numbers as Parse sees it: its symbol, family and shape, and how its members map to fields.</summary>
internal sealed class StructType
{
    public StructType(INamedTypeSymbol symbol, StructFamily family, StructShape shape, SpecialType element)
    {
        Symbol = symbol;
        Family = family;
        Shape = shape;
        Element = element;
    }

    public INamedTypeSymbol Symbol { get; }

    public StructFamily Family { get; }

    public StructShape Shape { get; }

    /// <summary>The fields' type (double or float).</summary>
    public SpecialType Element { get; }

    public int Count => Shape.Members.Count;

    /// <summary>The field an instance field or property of the struct reads, or null (a computed property, a static member).</summary>
    public int? IndexOf(ISymbol member)
    {
        if (member.IsStatic || !SymbolEqualityComparer.Default.Equals(member.ContainingType?.OriginalDefinition, Symbol.OriginalDefinition)
            || member is IPropertySymbol { IsIndexer: true } || (Family == StructFamily.User && member is IPropertySymbol property && !IsAutoProperty(property)))
        {
            return null;
        }

        var index = FieldNamed(member.Name);
        return index < 0 ? null : index;
    }

    /// <summary>
    /// For each parameter of a user constructor, the field it sets; null when the constructor does more than copy each
    /// parameter into its own field (a record struct's positional constructor, or a body of <c>X = x;</c> assignments).
    /// </summary>
    public int[]? ConstructorMap(IMethodSymbol constructor)
    {
        if (constructor.Parameters.Length == 0 || constructor.DeclaringSyntaxReferences.Length != 1)
        {
            return null;
        }

        var syntax = constructor.DeclaringSyntaxReferences[0].GetSyntax();
        var map = new int[constructor.Parameters.Length];
        if (syntax is RecordDeclarationSyntax)
        {
            for (var i = 0; i < map.Length; i++)
            {
                map[i] = FieldNamed(constructor.Parameters[i].Name);
                if (map[i] < 0)
                {
                    return null;
                }
            }

            return map;
        }

        if (syntax is not ConstructorDeclarationSyntax { Initializer: null } declaration)
        {
            return null;
        }

        ParseCache.DependsOn(declaration);
        var assignments = declaration.Body is { } body
            ? body.Statements.Select(s => (s as ExpressionStatementSyntax)?.Expression as AssignmentExpressionSyntax).ToList()
            : new List<AssignmentExpressionSyntax?> { declaration.ExpressionBody?.Expression as AssignmentExpressionSyntax };
        var pairs = new List<(string Member, string Parameter)>();
        foreach (var assignment in assignments)
        {
            if (assignment is not { RawKind: (int)SyntaxKind.SimpleAssignmentExpression })
            {
                return null;
            }

            if (assignment.Left is TupleExpressionSyntax left && assignment.Right is TupleExpressionSyntax right && left.Arguments.Count == right.Arguments.Count)
            {
                pairs.AddRange(left.Arguments.Zip(right.Arguments, (l, r) => (MemberName(l.Expression), (r.Expression as IdentifierNameSyntax)?.Identifier.ValueText ?? "")));
            }
            else
            {
                pairs.Add((MemberName(assignment.Left), (assignment.Right as IdentifierNameSyntax)?.Identifier.ValueText ?? ""));
            }
        }

        if (pairs.Count != Count || pairs.Select(p => p.Member).Distinct().Count() != Count)
        {
            return null;
        }

        for (var i = 0; i < map.Length; i++)
        {
            var name = constructor.Parameters[i].Name;
            var member = pairs.Where(p => p.Parameter == name).Select(p => p.Member).ToList();
            map[i] = member.Count == 1 ? FieldNamed(member[0]) : -1;
            if (map[i] < 0)
            {
                return null;
            }
        }

        return map.Distinct().Count() == Count ? map : null;
    }

    /// <summary>The field of the member named <paramref name="name"/>, or −1.</summary>
    public int FieldNamed(string name)
    {
        for (var i = 0; i < Count; i++)
        {
            if (Shape.Members[i] == name)
            {
                return i;
            }
        }

        return -1;
    }

    private static string MemberName(ExpressionSyntax expression) => expression switch
    {
        IdentifierNameSyntax name => name.Identifier.ValueText,
        MemberAccessExpressionSyntax { Expression: ThisExpressionSyntax, Name: var name } => name.Identifier.ValueText,
        _ => "",
    };

    private static bool IsAutoProperty(IPropertySymbol property) =>
        property.ContainingType.GetMembers().OfType<IFieldSymbol>().Any(f => SymbolEqualityComparer.Default.Equals(f.AssociatedSymbol, property));
}

/// <summary>Recognises structs of numbers: System.Numerics.Vector2/3/4 and Complex, and user structs of double or float fields.</summary>
internal static class StructTypes
{
    /// <summary>
    /// The struct of numbers <paramref name="type"/> is, or null; <paramref name="problem"/> says why a struct is not
    /// one (null when <paramref name="type"/> is not a struct at all, or is one).
    /// </summary>
    public static StructType? Resolve(ITypeSymbol? type, Compilation compilation, INamedTypeSymbol within, out string? problem)
    {
        problem = null;
        if (type is not INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None, IsRefLikeType: false } named
            || named.OriginalDefinition.SpecialType == SpecialType.System_Nullable_T)
        {
            return null;
        }

        var text = named.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat);
        switch (Intrinsics.FullName(named))
        {
            case "System.Numerics.Complex":
                return new StructType(named, StructFamily.Complex, new StructShape(text, EquatableArray.Create("Real", "Imaginary"), Positional: true, "double"), SpecialType.System_Double);
            case "System.Numerics.Vector2" or "System.Numerics.Vector3" or "System.Numerics.Vector4":
                var count = named.Name[named.Name.Length - 1] - '0';
                var members = new[] { "X", "Y", "Z", "W" }.Take(count).ToEquatableArray();
                return new StructType(named, StructFamily.Vector, new StructShape(text, members, Positional: true, "float"), SpecialType.System_Single);
        }

        if (named.ContainingNamespace?.ToDisplayString() is { } ns && (ns == "System" || ns.StartsWith("System.", StringComparison.Ordinal)))
        {
            problem = $"'{named.ToDisplayString()}' is not a struct of numbers Leibniz knows (System.Numerics.Vector2/3/4 and Complex, or your own struct of double or float fields)";
            return null;
        }

        return ResolveUser(named, text, compilation, within, out problem);
    }

    /// <summary>
    /// The floating type a value of <paramref name="type"/> holds, for deciding a method's floating type: the fields'
    /// type of a struct of numbers (its first field's, checked later), <paramref name="type"/> itself otherwise.
    /// </summary>
    public static ITypeSymbol ScalarOf(ITypeSymbol type) => type switch
    {
        INamedTypeSymbol { TypeKind: TypeKind.Struct, SpecialType: SpecialType.None } named when Intrinsics.FullName(named) is var name
            && (name.StartsWith("System.Numerics.Vector", StringComparison.Ordinal) || name == "System.Numerics.Complex" || !name.StartsWith("System", StringComparison.Ordinal)) =>
            named.GetMembers().OfType<IFieldSymbol>().FirstOrDefault(f => !f.IsStatic && !f.IsConst)?.Type is { SpecialType: SpecialType.System_Double or SpecialType.System_Single } field
                ? field
                : type,
        _ => type,
    };

    private static StructType? ResolveUser(INamedTypeSymbol named, string text, Compilation compilation, INamedTypeSymbol within, out string? problem)
    {
        var name = named.ToDisplayString();
        var fields = named.GetMembers().OfType<IFieldSymbol>().Where(f => !f.IsStatic && !f.IsConst).ToList();
        if (fields.Count == 0)
        {
            problem = $"struct '{name}' has no fields";
            return null;
        }

        if (named.IsGenericType)
        {
            problem = $"struct '{name}' is generic; declare it with double or float fields";
            return null;
        }

        if (named.GetAttributes().Any(a => a.AttributeClass?.Name == "StructLayoutAttribute" && a.ConstructorArguments.FirstOrDefault().Value is int kind && kind != 0))
        {
            problem = $"struct '{name}' has an explicit or automatic layout; its fields must lie in declaration order";
            return null;
        }

        var element = fields[0].Type.SpecialType;
        foreach (var field in fields)
        {
            var member = (ISymbol?)field.AssociatedSymbol ?? field;
            if (field.Type.SpecialType is not (SpecialType.System_Double or SpecialType.System_Single))
            {
                problem = field.Type is INamedTypeSymbol { TypeKind: TypeKind.Struct } inner && Resolve(inner, compilation, within, out _) is not null
                    ? $"field '{member.Name}' of struct '{name}' is itself a struct ('{inner.ToDisplayString()}'); nested structs are not supported: give '{named.Name}' the inner struct's fields directly, or pass the inner struct as a parameter of its own"
                    : $"field '{member.Name}' of struct '{name}' has type '{field.Type.ToDisplayString()}'; a differentiated struct may hold only double or only float fields (pass other data as separate [NoDerivative] parameters)";
                return null;
            }

            if (field.Type.SpecialType != element)
            {
                problem = $"struct '{name}' mixes double and float fields; use one floating type for all of them";
                return null;
            }

            var readable = member is IPropertySymbol property ? property.GetMethod : member;
            if (readable is null || !compilation.IsSymbolAccessibleWithin(readable, within))
            {
                problem = $"field '{member.Name}' of struct '{name}' cannot be read from '{within.Name}'; make it public or internal";
                return null;
            }
        }

        var members = fields.Select(f => ((ISymbol?)f.AssociatedSymbol ?? f).Name).ToEquatableArray();
        var probe = new StructType(named, StructFamily.User, new StructShape(text, members, Positional: true, element == SpecialType.System_Single ? "float" : "double"), element);
        var positional = named.InstanceConstructors.Any(c => compilation.IsSymbolAccessibleWithin(c, within) && probe.ConstructorMap(c) is { } map
            && map.Select((field, parameter) => field == parameter).All(same => same));
        if (!positional && !fields.All(f => Settable(f, compilation, within)))
        {
            problem = $"struct '{name}' can be built neither by a constructor that copies each parameter into its field in order nor by setting its fields; add such a constructor (or make it a positional record struct)";
            return null;
        }

        problem = null;
        return positional ? probe : new StructType(named, StructFamily.User, probe.Shape with { Positional = false }, element);
    }

    private static bool Settable(IFieldSymbol field, Compilation compilation, INamedTypeSymbol within) => field.AssociatedSymbol switch
    {
        IPropertySymbol property => property.SetMethod is { } setter && compilation.IsSymbolAccessibleWithin(setter, within),
        null => !field.IsReadOnly && compilation.IsSymbolAccessibleWithin(field, within),
        _ => false,
    };
}
