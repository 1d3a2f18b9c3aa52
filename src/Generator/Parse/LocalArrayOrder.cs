using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Local arrays are differentiated under one rule: an element is read only after its last write. The reverse pass
/// then finds every element holding the value that was read, without recording overwritten values. This check
/// reports the writes that visibly break the rule: a write to an element already read in the same loop body (or, at
/// the top level, in the method so far), and a write in a top-level statement after an earlier one read the array.
/// </summary>
internal static class LocalArrayOrder
{
    /// <summary>The source text of <paramref name="syntax"/> without whitespace: equal texts are the same index or length.</summary>
    public static string Compact(SyntaxNode syntax) => string.Concat(syntax.ToString().Where(c => !char.IsWhiteSpace(c)));

    public static IEnumerable<DiagnosticInfo> Check(IBlockOperation body, System.Func<ILocalSymbol, bool> isLocalArray)
    {
        var walker = new Walker(isLocalArray);
        for (var i = 0; i < body.Operations.Length; i++)
        {
            walker.Visit(body.Operations[i], i);
        }

        return walker.Diagnostics;
    }

    private sealed class Walker
    {
        /// <summary>The index key of a read of every element (the array passed to a method).</summary>
        private const string WholeArray = "*";

        private readonly System.Func<ILocalSymbol, bool> _isLocalArray;
        private readonly Stack<HashSet<(ISymbol Array, string Index)>> _reads = new();
        private readonly Dictionary<ISymbol, int> _firstRead = new(SymbolEqualityComparer.Default);

        public Walker(System.Func<ILocalSymbol, bool> isLocalArray)
        {
            _isLocalArray = isLocalArray;
            _reads.Push(new HashSet<(ISymbol, string)>());
        }

        public List<DiagnosticInfo> Diagnostics { get; } = new();

        public void Visit(IOperation operation, int statement)
        {
            if (operation is IAssignmentOperation assignment && LocalElement(assignment.Target) is { } written)
            {
                Visit(assignment.Value, statement);
                Visit(written.IndexOperation, statement);
                var key = (written.Array, written.Index);
                // An in-place *= or /= keeps the old element for the reverse pass (BodyLowering.InPlace): only reads before
                // it in the same loop body, which that loop's reverse recomputes after the element changed, break the rule.
                var inPlace = assignment is ICompoundAssignmentOperation { OperatorKind: BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide };
                if (_reads.Peek().Contains(key) || _reads.Peek().Contains((written.Array, WholeArray))
                    || (!inPlace && _firstRead.TryGetValue(written.Array, out var first) && first < statement))
                {
                    Diagnostics.Add(DiagnosticInfo.Create(Generator.Diagnostics.LocalArrayOverwritten, LocationInfo.From(assignment.Syntax),
                        written.Array.Name + "[" + written.Index + "]", written.Array.Name));
                }

                return;
            }

            if (LocalElement(operation) is { } read)
            {
                Read(read.Array, read.Index, statement);
            }
            else if (PassedArray(operation) is { } passed)
            {
                Read(passed, WholeArray, statement);
            }

            var isLoop = operation is ILoopOperation;
            if (isLoop)
            {
                _reads.Push(new HashSet<(ISymbol, string)>());
            }

            foreach (var child in operation.ChildOperations)
            {
                Visit(child, statement);
            }

            if (isLoop)
            {
                var inner = _reads.Pop();
                _reads.Peek().UnionWith(inner);
            }
        }

        private void Read(ISymbol array, string index, int statement)
        {
            _reads.Peek().Add((array, index));
            if (!_firstRead.ContainsKey(array))
            {
                _firstRead[array] = statement;
            }
        }

        /// <summary>A local array passed whole to a method (which may read every element).</summary>
        private ISymbol? PassedArray(IOperation operation)
        {
            if (operation is not IArgumentOperation { Value: var value })
            {
                return null;
            }

            while (value is IConversionOperation conversion)
            {
                value = conversion.Operand;
            }

            return value is ILocalReferenceOperation local && _isLocalArray(local.Local) ? local.Local : null;
        }

        private (ISymbol Array, string Index, IOperation IndexOperation)? LocalElement(IOperation operation)
        {
            var (array, index) = operation switch
            {
                IArrayElementReferenceOperation { Indices.Length: 1 } element => (element.ArrayReference, element.Indices[0]),
                IPropertyReferenceOperation { Property.IsIndexer: true, Arguments.Length: 1, Instance: { } instance } indexer => (instance, indexer.Arguments[0].Value),
                _ => ((IOperation?)null, (IOperation?)null),
            };
            return array is ILocalReferenceOperation local && _isLocalArray(local.Local)
                ? (local.Local, Compact(index!.Syntax), index)
                : null;
        }
    }
}
