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
internal static partial class MethodParser
{
    public const string AttributeName = "Leibniz.DifferentiableAttribute";

    public static bool IsDifferentiable(IMethodSymbol method) =>
        method.OriginalDefinition.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == AttributeName);

    /// <summary>The syntactic filter: a method or local function with attributes (which ones needs binding).</summary>
    public static bool MayBeDifferentiable(SyntaxNode node) =>
        node is MethodDeclarationSyntax { AttributeLists.Count: > 0 } or LocalFunctionStatementSyntax { AttributeLists.Count: > 0 };

    /// <summary>
    /// Parses a method that has attributes. The transform runs for every such method on every compilation change,
    /// so it binds nothing when <see cref="ParseCache"/> has the answer; otherwise it checks the attribute first.
    /// </summary>
    public static ParseResult Parse(GeneratorSyntaxContext context, CancellationToken cancellationToken)
    {
        if (context.Node is LocalFunctionStatementSyntax local)
        {
            if (context.SemanticModel.GetDeclaredSymbol(local, cancellationToken) is not IMethodSymbol function || !IsDifferentiable(function))
            {
                return Ignored;
            }

            var where = local.Parent is GlobalStatementSyntax ? "a local function of the top-level statements" : "a local function";
            return new ParseResult(null, EquatableArray.Create(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape,
                LocationInfo.From(local.Identifier.GetLocation()), local.Identifier.ValueText,
                $"it is {where}; make it a static method of a partial class and mark that [Differentiable]")));
        }

        if (context.Node is not MethodDeclarationSyntax syntax)
        {
            return Ignored;
        }

        return ParseCache.GetOrAdd(syntax, context.SemanticModel.Compilation, () =>
            context.SemanticModel.GetDeclaredSymbol(syntax, cancellationToken) is { } method && IsDifferentiable(method)
                ? Parse(method, syntax, context.SemanticModel, cancellationToken)
                : Ignored, cancellationToken);
    }

    /// <summary>What a method that is not [Differentiable] parses to: nothing.</summary>
    private static readonly ParseResult Ignored = new(null, EquatableArray<DiagnosticInfo>.Empty);

    private static ParseResult Parse(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        var calls = new List<CallSite>();
        try
        {
            return Finish(method, ParseMethod(method, syntax, semanticModel, calls, cancellationToken), calls);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            var info = DiagnosticInfo.Create(Diagnostics.InternalError, LocationInfo.From(syntax.Identifier.GetLocation()), method.Name,
                exception.GetType().Name + ": " + exception.Message);
            return Finish(method, new ParseResult(null, EquatableArray.Create(info)), calls);
        }
    }

    private static ParseResult Finish(IMethodSymbol method, ParseResult result, List<CallSite> calls) =>
        result with { Calls = new MethodCalls(KeyOf(method), method.Name, result.Model is not null, calls.ToEquatableArray()) };

    /// <summary>The key a method is known by in the call graph: its documentation ID.</summary>
    public static string KeyOf(IMethodSymbol method) =>
        method.OriginalDefinition.GetDocumentationCommentId() ?? method.OriginalDefinition.ToDisplayString();

    private static ParseResult ParseMethod(IMethodSymbol method, MethodDeclarationSyntax syntax, SemanticModel semanticModel, List<CallSite> calls, CancellationToken cancellationToken)
    {
        if (semanticModel.GetDiagnostics(syntax.Span, cancellationToken).Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        // While braces are unbalanced a method can land outside every type, in the compiler's implicit global-code type.
        if (method.ContainingType is not { IsImplicitlyDeclared: false } || syntax.Parent is not TypeDeclarationSyntax)
        {
            return new ParseResult(null, EquatableArray.Create(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape,
                LocationInfo.From(syntax.Identifier.GetLocation()), method.Name,
                "it is not declared inside a type; declare it in a static partial class")));
        }

        var diagnostics = new List<DiagnosticInfo>();
        var identifier = LocationInfo.From(syntax.Identifier.GetLocation());
        foreach (var type in syntax.Ancestors().OfType<TypeDeclarationSyntax>())
        {
            if (!type.Modifiers.Any(SyntaxKind.PartialKeyword))
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NotPartial, LocationInfo.From(type.Identifier.GetLocation()), type.Identifier.Text, method.Name));
            }
        }

        var generic = GenericMathParameter(method);
        if (method.IsGenericMethod && generic is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name,
                "a generic method needs exactly one type parameter T constrained to System.Numerics.IFloatingPointIeee754<T>; or write it for double or float"));
        }

        if (method.Parameters.Length == 0 || method.Parameters.All(p => Classify(p, FloatingType(method), generic) is ParameterKind.Integer or ParameterKind.Constant or ParameterKind.ConstantArray))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name, "it has no parameters to differentiate with respect to; add a double or float parameter"));
        }

        var floating = FloatingType(method);
        var result = generic is null ? StructResult(method, semanticModel.Compilation, floating, syntax, diagnostics) : null;
        if (result is null && (generic is null ? method.ReturnType.SpecialType != floating : !SymbolEqualityComparer.Default.Equals(method.ReturnType, generic)))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, LocationInfo.From(syntax.ReturnType), "return value", method.Name, method.ReturnType.ToDisplayString()));
        }

        var signature = new List<ParameterModel>();
        for (var i = 0; i < method.Parameters.Length; i++)
        {
            var parameter = method.Parameters[i];
            var kind = Classify(parameter, floating, generic);
            string? structProblem = null;
            var shape = kind is null && generic is null ? ClassifyStruct(parameter, semanticModel.Compilation, floating, out structProblem) : null;
            kind ??= shape?.Kind;

            signature.Add(new ParameterModel(parameter.Name, kind ?? ParameterKind.Integer, parameter.Type.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat), shape?.Shape,
                parameter.Type is IArrayTypeSymbol array ? array.Rank : 1, parameter.Type is IArrayTypeSymbol { ElementType: IArrayTypeSymbol }));
            if (kind is null && structProblem is not null)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, LocationInfo.From(syntax.ParameterList.Parameters[i]), method.Name, structProblem));
            }
            else if (kind is null || parameter.RefKind != RefKind.None || parameter.IsParams)
            {
                var typeText = parameter.RefKind == RefKind.None ? parameter.Type.ToDisplayString() : parameter.RefKind.ToString().ToLowerInvariant() + " " + parameter.Type.ToDisplayString();
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedType, LocationInfo.From(syntax.ParameterList.Parameters[i]), parameter.Name, method.Name, typeText));
            }
        }

        var order = OrderOf(method);
        if (order is < 1 or > 2)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name, "Order must be 1 or 2"));
        }

        if (order == 2 && (result is not null || signature.Any(p => p.Shape is not null)))
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name,
                "Order = 2 (Hessians) of a method with struct parameters or a struct result is not supported yet; use Order = 1"));
        }

        for (var i = 0; order == 2 && i < signature.Count; i++)
        {
            if (signature[i] is { Kind: ParameterKind.Array, Rank: 2 } grid)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, LocationInfo.From(syntax.ParameterList.Parameters[i]), method.Name,
                    "Order = 2 (Hessians) with respect to the 2-D array '" + grid.Name + "' is not supported yet; pass it as a flat span with its row length, mark it [NoDerivative], or use Order = 1"));
            }
        }

        foreach (var suffix in order == 2 ? new[] { "Gradient", "Jvp", "Hessian", "Hvp" } : new[] { result is null ? "Gradient" : "Vjp", "Jvp" })
        {
            var name = method.Name + suffix;
            if (!method.ContainingType.GetMembers(name).IsEmpty)
            {
                diagnostics.Add(DiagnosticInfo.Create(Diagnostics.NameCollision, identifier, method.ContainingType.Name, name, method.Name));
            }
        }

        if (diagnostics.Count > 0 || (floating == SpecialType.None && generic is null))
        {
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        if (semanticModel.GetOperation(syntax, cancellationToken) is not IMethodBodyOperation body || (body.BlockBody ?? body.ExpressionBody) is not { } block
            || ContainsInvalid(block))
        {
            return new ParseResult(null, EquatableArray<DiagnosticInfo>.Empty);
        }

        var lowering = new BodyLowering(method, floating, semanticModel.Compilation, cancellationToken);
        var program = lowering.Lower(block, signature);
        diagnostics.AddRange(lowering.Diagnostics);
        calls.AddRange(lowering.Calls);
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
            signature.Where(p => p.Kind == ParameterKind.Scalar).Select(p => p.Name).ToEquatableArray(),
            program,
            HintNames.For(method),
            HintNames.Unique(method),
            KeyOf(method),
            signature.ToEquatableArray(),
            order,
            generic?.Name,
            generic is null ? null : string.Join(", ", generic.ConstraintTypes.Select(c => c.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat))),
            result,
            method.IsStatic);
        if (order == 2 && SecondOrderProblem(model, syntax, semanticModel, cancellationToken) is { } problem)
        {
            diagnostics.Add(DiagnosticInfo.Create(Diagnostics.UnsupportedMethodShape, identifier, method.Name, problem));
            return new ParseResult(null, diagnostics.ToEquatableArray());
        }

        return new ParseResult(model, diagnostics.ToEquatableArray());
    }

    /// <summary>The Order of a [Differentiable] method (1 when not given).</summary>
    public static int OrderOf(IMethodSymbol method) =>
        method.OriginalDefinition.GetAttributes().FirstOrDefault(a => a.AttributeClass?.ToDisplayString() == AttributeName)?.NamedArguments
            .Where(a => a.Key == "Order").Select(a => a.Value.Value as int?).FirstOrDefault() ?? 1;

    /// <summary>
    /// Why <c>Order = 2</c> cannot be generated, or null. Calls are differentiated through the callee's own
    /// Hessian-vector product, so every [Differentiable] callee must have <c>Order = 2</c>; a [DerivativeOf]
    /// derivative must be a second-order one; generic-math methods get second order without calls.
    /// </summary>
    private static string? SecondOrderProblem(MethodModel model, MethodDeclarationSyntax syntax, SemanticModel semanticModel, CancellationToken cancellationToken)
    {
        if (model.TypeParameter is not null && Ir.UserCalls.Any(model.Body.Body))
        {
            return "Order = 2 (Hessians) of a generic-math method that calls another [Differentiable] method is not supported yet; use Order = 1, or write it for double or float";
        }

        foreach (var invocation in syntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
        {
            if (semanticModel.GetSymbolInfo(invocation, cancellationToken).Symbol is not IMethodSymbol target || !IsDifferentiable(target) && CustomDerivatives.Find(target) is null)
            {
                continue;
            }

            if (CustomDerivatives.Find(target) is not null)
            {
                if (CustomDerivatives.FindSecondOrder(target) is null)
                {
                    return $"Order = 2 (Hessians) needs second derivatives of '{target.Name}', but its [DerivativeOf] derivative has only first ones; give it a [DerivativeOf] method that also returns the Hessian's upper triangle, or use Order = 1";
                }

                continue;
            }

            if (target.Parameters.Any(p => Classify(p, model.IsFloat ? SpecialType.System_Single : SpecialType.System_Double) != ParameterKind.Scalar))
            {
                return $"Order = 2 (Hessians) of a method that calls '{target.Name}', which takes array, span, int or [NoDerivative] parameters, is not supported yet; use Order = 1";
            }

            if (OrderOf(target) != 2)
            {
                return $"Order = 2 (Hessians) differentiates the call to '{target.Name}' through its Hessian-vector product; mark '{target.Name}' [Differentiable(Order = 2)] too";
            }
        }

        return null;
    }

    private static SpecialType FloatingType(IMethodSymbol method)
    {
        foreach (var type in new[] { method.ReturnType }.Concat(method.Parameters.Select(p => ElementType(p.Type) ?? p.Type)).Select(StructTypes.ScalarOf))
        {
            if (type.SpecialType is SpecialType.System_Double or SpecialType.System_Single)
            {
                return type.SpecialType;
            }
        }

        return SpecialType.System_Double;
    }

    public const string NoDerivativeAttributeName = "Leibniz.NoDerivativeAttribute";

    /// <summary>How a parameter is differentiated, or null when its type is not supported.</summary>
    /// <summary>The type parameter T of <c>F&lt;T&gt;</c> when it is the only one and is constrained to IFloatingPointIeee754&lt;T&gt;.</summary>
    internal static ITypeParameterSymbol? GenericMathParameter(IMethodSymbol method)
    {
        if (method.TypeParameters.Length != 1)
        {
            return null;
        }

        var t = method.TypeParameters[0];
        bool IsIeee(INamedTypeSymbol i) => i.OriginalDefinition.ToDisplayString() == "System.Numerics.IFloatingPointIeee754<TSelf>"
            && SymbolEqualityComparer.Default.Equals(i.TypeArguments[0], t);
        return t.ConstraintTypes.OfType<INamedTypeSymbol>().Any(c => IsIeee(c) || c.AllInterfaces.Any(IsIeee)) ? t : null;
    }

    internal static ParameterKind? Classify(IParameterSymbol parameter, SpecialType floating, ITypeParameterSymbol? generic = null)
    {
        var frozen = parameter.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == NoDerivativeAttributeName);
        if (generic is not null)
        {
            // A generic-math method uses T throughout: T, T[] or ReadOnlySpan<T>, and int.
            if (SymbolEqualityComparer.Default.Equals(parameter.Type, generic))
            {
                return frozen ? ParameterKind.Constant : ParameterKind.Scalar;
            }

            if (ElementType(parameter.Type) is { } elementType && SymbolEqualityComparer.Default.Equals(elementType, generic))
            {
                return frozen ? ParameterKind.ConstantArray : ParameterKind.Array;
            }

            return parameter.Type.SpecialType == SpecialType.System_Int32 ? ParameterKind.Integer : null;
        }

        if (parameter.Type.SpecialType == floating)
        {
            return frozen ? ParameterKind.Constant : ParameterKind.Scalar;
        }

        if (parameter.Type.SpecialType == SpecialType.System_Int32)
        {
            return ParameterKind.Integer;
        }

        if (ElementType(parameter.Type) is { } element && element.SpecialType == floating)
        {
            return frozen ? ParameterKind.ConstantArray : ParameterKind.Array;
        }

        // Rows of data: double[][] marked [NoDerivative], read row by row.
        if (frozen && parameter.Type is IArrayTypeSymbol { Rank: 1, ElementType: IArrayTypeSymbol { Rank: 1 } row } && row.ElementType.SpecialType == floating)
        {
            return ParameterKind.ConstantArray;
        }

        return null;
    }

    /// <summary>The element type of <c>T[]</c> or <c>ReadOnlySpan&lt;T&gt;</c>.</summary>
    internal static ITypeSymbol? ElementType(ITypeSymbol type) => type switch
    {
        IArrayTypeSymbol { Rank: 1 or 2 } array => array.ElementType,
        INamedTypeSymbol { IsGenericType: true, TypeArguments.Length: 1 } named
            when named.OriginalDefinition.ToDisplayString() == "System.ReadOnlySpan<T>" => named.TypeArguments[0],
        _ => null,
    };

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
}
