using System;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Rules;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// Local derivatives as nodes: arithmetic here, table functions from <see cref="DerivativeRules"/> (so derivatives
/// reuse primal values through common-subexpression elimination: exp′ is the exp value, tan′ = 1 + tan², …).
/// </summary>
internal static class DerivativeTable
{
    /// <summary>seed · ∂f/∂argᵢ, where <paramref name="result"/> is the node's own value.</summary>
    public static int Contribution(GraphBuilder b, Node node, int result, int i, int seed)
    {
        switch (node.Op)
        {
            case Op.Add:
                return seed;
            case Op.Sub:
                return i == 0 ? seed : b.Neg(seed);
            case Op.Neg:
                return b.Neg(seed);
            case Op.Mul:
                return b.Mul(seed, node.Args[1 - i]);
            case Op.Div:
                {
                    var quotient = b.Div(seed, node.Args[1]);
                    return i == 0 ? quotient : b.Neg(b.Mul(quotient, result));
                }

            case Op.Select:
                return b.Select(node.Cond!, i == 0 ? seed : b.Constant(0), i == 0 ? b.Constant(0) : seed);
            default:
                return b.Mul(seed, Partial(b, node, result, i));
        }
    }

    /// <summary>∂f/∂argᵢ of a derivative-table function, from the one table of rules.</summary>
    public static int Partial(GraphBuilder b, Node node, int r, int i) =>
        DerivativeRules.Partial<int, Cond, GraphAlgebra>(new GraphAlgebra(b), node.Name!, node.Args.ToArray(), r, i, node.Index);
}
