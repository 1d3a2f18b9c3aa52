using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// Shared by both modes: re-emits a primal node into a builder (so it is simplified and shared), expanding
/// constant integer powers and remembering their closed-form derivative n·xⁿ⁻¹.
/// </summary>
internal static class PrimalReplay
{
    public static int[] MapArgs(Node node, Dictionary<int, int> map) => node.Args.Select(a => map[a]).ToArray();

    /// <summary>Emits <paramref name="node"/> (already in new ids); a constant integer power also returns its derivative.</summary>
    public static int Emit(GraphBuilder b, Node node, int[] args, out int? powerDerivative)
    {
        powerDerivative = null;
        var mapped = node with { Args = args.ToEquatableArray(), Cond = null };
        if (node.Op == Op.Const)
        {
            return b.Constant(node.Value, node.Name);
        }

        if (node.Op == Op.Call && node.Name == "Pow" && b.IsConstant(args[1], out var n) && n == System.Math.Floor(n) && System.Math.Abs(n) <= 32)
        {
            var firstNew = b.NextId;
            var value = b.Emit(mapped);

            // Only a power computed here gets the closed form: an equal value found elsewhere (x·x written by the
            // user, possibly outside this branch) keeps its own derivative, which lives in its own scope.
            if (value < firstNew || b.IsConstant(value, out _))
            {
                return value;
            }

            powerDerivative = b.Mul(b.Constant(n), b.Call("Pow", args[0], b.Constant(n - 1)));
            return value;
        }

        return b.Emit(mapped);
    }
}
