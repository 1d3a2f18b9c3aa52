using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// Forward mode: the primal and its tangent in one pass, in the same branches. Parameters 0..n-1 are the
/// primal arguments and n..2n-1 their tangents; a value without a tangent entry has tangent zero.
/// </summary>
internal static class ForwardMode
{
    /// <summary>Outputs: the value, then the tangent.</summary>
    public static Program Build(Program primal, bool isFloat)
    {
        var n = primal.ParamCount;
        var b = new GraphBuilder(2 * n, isFloat);
        var map = new Dictionary<int, int>();
        var tangents = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            map[i] = i;
            tangents[i] = n + i;
        }

        Replay(b, primal.Body, map, tangents);
        var output = map[primal.Outputs[0]];
        return b.Build(new[] { output, tangents.TryGetValue(output, out var t) ? t : b.Constant(0) });
    }

    private static void Replay(GraphBuilder b, EquatableArray<Stmt> statements, Dictionary<int, int> map, Dictionary<int, int> tangents)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let let:
                    ReplayLet(b, let, map, tangents);
                    break;
                case If branch:
                    {
                        var builder = b.BeginIf(branch.Cond.Map(id => map[id]));
                        var parent = b.Current;

                        // Each branch gets its own copy of the tangents: a branch may compute the tangent of an
                        // outer value (found there by common-subexpression elimination), which exists only in it.
                        var thenTangents = new Dictionary<int, int>(tangents);
                        b.Current = builder.Then;
                        Replay(b, branch.Then, map, thenTangents);
                        var elseTangents = new Dictionary<int, int>(tangents);
                        b.Current = builder.Else;
                        Replay(b, branch.Else, map, elseTangents);
                        b.Current = parent;
                        foreach (var phi in branch.Phis)
                        {
                            map[phi.Id] = b.AddPhi(builder, map[phi.Then], map[phi.Else]);
                            var hasThen = thenTangents.TryGetValue(map[phi.Then], out var tangentThen);
                            var hasElse = elseTangents.TryGetValue(map[phi.Else], out var tangentElse);
                            if (hasThen || hasElse)
                            {
                                var zero = b.Constant(0);
                                tangents[map[phi.Id]] = b.AddPhi(builder, hasThen ? tangentThen : zero, hasElse ? tangentElse : zero);
                            }
                        }

                        break;
                    }
            }
        }
    }

    private static void ReplayLet(GraphBuilder b, Let let, Dictionary<int, int> map, Dictionary<int, int> tangents)
    {
        var args = PrimalReplay.MapArgs(let.Node, map);
        var argTangents = args.Select(a => tangents.TryGetValue(a, out var t) ? t : (int?)null).ToArray();
        var anyTangent = argTangents.Any(t => t.HasValue);
        if (let.Node.Op == Op.UserCall)
        {
            if (!anyTangent)
            {
                map[let.Id] = b.Emit(let.Node with { Args = args.ToEquatableArray() });
                return;
            }

            var zero = b.Constant(0);
            var call = b.Emit(let.Node with { Op = Op.JvpCall, Args = args.Concat(argTangents.Select(t => t ?? zero)).ToEquatableArray() });
            map[let.Id] = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 0));
            tangents[map[let.Id]] = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 1));
            return;
        }

        var value = PrimalReplay.Emit(b, let.Node, args, out var powerDerivative);
        map[let.Id] = value;
        if (!anyTangent || tangents.ContainsKey(value) || b.IsConstant(value, out _))
        {
            return;
        }

        if (powerDerivative is { } derivative)
        {
            tangents[value] = b.Mul(derivative, argTangents[0]!.Value);
            return;
        }

        var node = b.NodeOf(value);
        if (node.Op == Op.Div && node.Args[0] == args[0] && node.Args[1] == args[1] && argTangents[1] is { } denominatorTangent)
        {
            var numerator = argTangents[0] is { } numeratorTangent ? b.Sub(numeratorTangent, b.Mul(value, denominatorTangent)) : b.Neg(b.Mul(value, denominatorTangent));
            tangents[value] = b.Div(numerator, args[1]);
            return;
        }

        if (value == args.FirstOrDefault() && node.Op != let.Node.Op)
        {
            tangents[value] = argTangents[0] ?? b.Constant(0);
            return;
        }

        var terms = new List<int>();
        var source = let.Node with { Args = args.ToEquatableArray() };
        for (var k = 0; k < args.Length; k++)
        {
            if (argTangents[k] is { } tangent)
            {
                terms.Add(DerivativeTable.Contribution(b, source, value, k, tangent));
            }
        }

        tangents[value] = b.Sum(terms);
    }
}
