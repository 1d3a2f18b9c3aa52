using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Local arrays: <c>Span&lt;T&gt; r = stackalloc T[n]</c>, <c>T[] r = new T[n]</c> or
/// <c>ArrayPool&lt;T&gt;.Shared.Rent(n)</c>, declared at the method's top level, written element by element
/// (<c>=</c>, <c>+=</c>, <c>-=</c>) and read. The derivative code allocates its own copy and a derivative buffer
/// of the same length (on the stack when small), so the user's allocation never runs in it.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>How many local arrays and integer locals the method declared so far (shared with loop bodies: ids are unique in the method).</summary>
    private int[] _localArrays = new int[1];

    /// <inheritdoc cref="_localArrays"/>
    private int[] _intLocals = new int[1];

    /// <summary>
    /// Local arrays declared in a loop body, allocated once before the method's top-level loop that contains them
    /// (shared with loop bodies; <see cref="LowerCountedLoop"/> of the top-level loop takes them).
    /// </summary>
    private List<Stmt> _hoisted = new();

    /// <summary>Binds a local array declaration; false when the local is not an array.</summary>
    private bool LowerArrayDeclaration(IVariableDeclaratorOperation declarator, IOperation? initializer, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var local = declarator.Symbol;
        if (!IsFloatingArray(local.Type))
        {
            return false;
        }

        var (length, rented) = Allocation(initializer);
        var array = ArrayRef.LocalArray(_localArrays[0]++);
        var size = length is null ? null : LowerInt(length, env);

        // Bound even when reported, so its uses do not add diagnostics of their own.
        env[local] = new ArrayBinding(array, local.Name, Differentiated: true, Local: true, rented, size, Depth: _depth);
        if (length is null)
        {
            Report(declarator, $"local array '{local.Name}' without a length", $"declare it as Span<{Keyword}> {local.Name} = stackalloc {Keyword}[n] (or new {Keyword}[n], ArrayPool<{Keyword}>.Shared.Rent(n), or a ?: between them with the same n) and fill it element by element");
        }
        else if (!_inLoop)
        {
            // At the top level or in a branch of it: the generated code allocates every array at its start, and a
            // branch outside loops runs at most once, so the array is still all zeros where it is declared.
            output.Add(new Alloc(array, local.Name, size!, Derivative: false));
        }
        else if (InLoopProblem(declarator.Syntax, length, rented) is { } problem)
        {
            Report(declarator, $"local array '{local.Name}' declared {problem}", "declare it once before the loop and refill it in each iteration");
        }
        else
        {
            LowerArrayInLoop(new Alloc(array, local.Name, size!, Derivative: false), output);
        }

        return true;
    }

    /// <summary>
    /// An array declared in a loop (in its body or a branch of it) is a fresh zeroed array in every iteration: it is
    /// allocated once before the outermost loop and cleared where it was declared, which is what the user's code did
    /// (every element reads 0 until written) without allocating per iteration.
    /// </summary>
    private void LowerArrayInLoop(Alloc alloc, List<Stmt> output)
    {
        _hoisted.Add(alloc);
        var counter = new LoopCounter(NewIntLocal(), null, IntExpr.Of(0), alloc.Length);

        // The clearing loop's body is its own program without parameters: value 0 is the constant 0.
        var body = EquatableArray.Create<Stmt>(new Let(0, Node.Constant(0)), new Store(alloc.Array, new IntLocal(counter.Variable), 0, Accumulate: false, Derivative: false));
        output.Add(new Loop(_loopCounter[0]++, counter, EquatableArray<int>.Empty, EquatableArray<int>.Empty, new Program(0, body, EquatableArray<int>.Empty)));
    }

    /// <summary>
    /// Why an array declared in a loop (in its body or a branch of it) cannot be allocated once before the loop, or
    /// null when it can: it must not be rented, and its length must not change between iterations.
    /// </summary>
    private static string? InLoopProblem(SyntaxNode declaration, IOperation length, bool rented)
    {
        if (rented)
        {
            return "inside a loop and rented from the pool";
        }

        var outermost = declaration.Ancestors().Last(IsLoop);
        var varies = Find(length, o => o is ILocalReferenceOperation reference
            && reference.Local.DeclaringSyntaxReferences.Any(r => outermost.Span.Contains(r.Span)));
        return varies is null ? null : "inside a loop with a length that changes in the loop";
    }

    private static bool IsLoop(SyntaxNode node) => node is ForStatementSyntax or ForEachStatementSyntax or WhileStatementSyntax or DoStatementSyntax;

    /// <summary>
    /// The length of a new local array: <c>stackalloc T[n]</c>, <c>new T[n]</c>, <c>ArrayPool&lt;T&gt;.Shared.Rent(n)</c>
    /// (rented: it may be longer), or a choice between them with the same length
    /// (<c>n &lt;= 256 ? stackalloc T[n] : new T[n]</c>, the usual guard against large stack allocations).
    /// </summary>
    private static (IOperation? Length, bool Rented) Allocation(IOperation? initializer)
    {
        while (initializer is IConversionOperation conversion)
        {
            initializer = conversion.Operand;
        }

        switch (initializer)
        {
            case IArrayCreationOperation { DimensionSizes.Length: 1, Initializer: null } creation:
                return (creation.DimensionSizes[0], false);
            case IInvocationOperation { TargetMethod.Name: "Rent", Arguments.Length: 1 } rent when IsArrayPool(rent.TargetMethod.ContainingType):
                return (rent.Arguments[0].Value, true);
            case { Syntax: StackAllocArrayCreationExpressionSyntax { Initializer: null } } allocation:
                return (allocation.ChildOperations.FirstOrDefault(), false);
            case IConditionalOperation { WhenFalse: { } otherwise } choice:
                var (first, firstRented) = Allocation(choice.WhenTrue);
                var (second, secondRented) = Allocation(otherwise);
                return first is not null && second is not null && LocalArrayOrder.Compact(first.Syntax) == LocalArrayOrder.Compact(second.Syntax)
                    ? (first, firstRented || secondRented)
                    : (null, false);
            default:
                return (null, false);
        }
    }

    /// <summary>
    /// <c>r[i] = v</c>, <c>r[i] += v</c> or <c>r[i] -= v</c> on a local array; false when the target is not an element
    /// of an array.
    /// </summary>
    private bool LowerElementStore(IOperation assignment, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var target = assignment switch
        {
            IAssignmentOperation a => a.Target,
            IIncrementOrDecrementOperation d => d.Target,
            _ => null,
        };
        if (Element(target) is not { } element)
        {
            return false;
        }

        if (ArrayOf(element.Array, env) is not { } array || !array.Local)
        {
            Report(assignment, "write into an array parameter", $"copy it into a local array (Span<{Keyword}> copy = stackalloc {Keyword}[n]) and write into that");
            return true;
        }

        var index = LowerInt(element.Index, env, output);
        switch (assignment)
        {
            case ISimpleAssignmentOperation simple:
                output.Add(new Store(array.Array, index, LowerExpression(simple.Value, env, output), Accumulate: false, Derivative: false));
                return true;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Add or BinaryOperatorKind.Subtract } compound:
                var value = LowerExpression(compound.Value, env, output);
                if (compound.OperatorKind == BinaryOperatorKind.Subtract)
                {
                    value = Add(output, Node.Of(Op.Neg, value));
                }

                output.Add(new Store(array.Array, index, value, Accumulate: true, Derivative: false));
                return true;
            case ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide } update:
                LowerInPlaceUpdate(update, array, element.Index, index, env, output);
                return true;
            default:
                Report(assignment, "in-place update of an array element other than = += -= *= /=", "compute the new value in a local and assign it to an element of another local array");
                return true;
        }
    }

    /// <summary>The array and index of an element access (<c>a[i]</c> on an array or a span), if it is one.</summary>
    private static (IOperation Array, IOperation Index)? Element(IOperation? operation) => operation switch
    {
        IArrayElementReferenceOperation { Indices.Length: 1 } element => (element.ArrayReference, element.Indices[0]),
        IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer => (instance, indexer.Arguments[0].Value),
        _ => null,
    };

    /// <summary><c>ArrayPool&lt;T&gt;.Shared.Return(r)</c> on a rented local array: the derivative code returns its own buffers.</summary>
    private bool IsReturnToPool(IOperation operation, Dictionary<ISymbol, object> env) =>
        operation is IInvocationOperation { TargetMethod.Name: "Return" } call && IsArrayPool(call.TargetMethod.ContainingType)
        && call.Arguments.Length >= 1 && ArrayOf(call.Arguments[0].Value, env) is { Rented: true };

    private static bool IsArrayPool(INamedTypeSymbol? type) => type is { Name: "ArrayPool", ContainingNamespace: { Name: "Buffers", ContainingNamespace.Name: "System" } };

    private bool IsFloatingArray(ITypeSymbol type) =>
        type is IArrayTypeSymbol { Rank: 1 } array ? IsFloating(array.ElementType)
        : type is INamedTypeSymbol { Name: "Span", TypeArguments.Length: 1, ContainingNamespace.Name: "System" } span && IsFloating(span.TypeArguments[0]);

    /// <summary>
    /// An array: a parameter (read-only) or a local array of the method, with its name as declared (for diagnostics)
    /// and, for a local array, its length.
    /// </summary>
    /// <param name="Array">The array: a parameter, a local array, or a row of a jagged parameter.</param>
    /// <param name="Name">The user's name for it.</param>
    /// <param name="Differentiated">It has a derivative buffer.</param>
    /// <param name="Local">A local array of the method (not a parameter).</param>
    /// <param name="Rented">Rented from the array pool.</param>
    /// <param name="Length">A local array's length.</param>
    /// <param name="Rank">2 for a <c>double[,]</c> parameter.</param>
    /// <param name="Jagged">A <c>double[][]</c> parameter: its elements are rows.</param>
    /// <param name="Depth">A local array's loop depth where it is declared (0 at the top level).</param>
    private sealed record ArrayBinding(ArrayRef Array, string Name, bool Differentiated, bool Local, bool Rented = false, IntExpr? Length = null, int Rank = 1,
        bool Jagged = false, int Depth = 0)
    {
        /// <summary>For a span or array of structs: the struct, whose fields are read through the flat span <see cref="ArrayRef.FieldsOf"/>.</summary>
        public StructType? Struct { get; init; }
    }
}
