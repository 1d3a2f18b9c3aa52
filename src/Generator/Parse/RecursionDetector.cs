using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Leibniz.Generator.Parse;

/// <summary>Finds cycles in the call graph of [Differentiable] methods, across files (each with its own semantic model).</summary>
internal static class RecursionDetector
{
    /// <summary>True when <paramref name="target"/> can be reached from <paramref name="start"/> through [Differentiable] calls.</summary>
    public static bool Reaches(IMethodSymbol start, IMethodSymbol target, Compilation compilation, CancellationToken cancellationToken)
    {
        var visited = new HashSet<IMethodSymbol>(SymbolEqualityComparer.Default);
        var pending = new Stack<IMethodSymbol>();
        pending.Push(start.OriginalDefinition);
        while (pending.Count > 0)
        {
            var method = pending.Pop();
            if (SymbolEqualityComparer.Default.Equals(method, target.OriginalDefinition))
            {
                return true;
            }

            if (!visited.Add(method))
            {
                continue;
            }

            foreach (var reference in method.DeclaringSyntaxReferences)
            {
                var syntax = reference.GetSyntax(cancellationToken);
                if (!compilation.ContainsSyntaxTree(syntax.SyntaxTree))
                {
                    continue;
                }

                var model = compilation.GetSemanticModel(syntax.SyntaxTree);
                foreach (var invocation in syntax.DescendantNodes().OfType<InvocationExpressionSyntax>())
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    if (model.GetSymbolInfo(invocation, cancellationToken).Symbol is IMethodSymbol callee && MethodParser.IsDifferentiable(callee))
                    {
                        pending.Push(callee.OriginalDefinition);
                    }
                }
            }
        }

        return false;
    }
}
