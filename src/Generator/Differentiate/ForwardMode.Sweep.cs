using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

internal static partial class ForwardMode
{
    /// <summary>
    /// One forward sweep over a program's statements into a builder: every value with its tangent (a value without a
    /// tangent entry has tangent zero).
    /// </summary>
    private sealed partial class Sweep
    {
        private readonly GraphBuilder _b;

        /// <summary>The program is a gradient (forward over reverse), not a primal.</summary>
        private readonly bool _overReverse;

        public Sweep(GraphBuilder builder, bool overReverse)
        {
            _b = builder;
            _overReverse = overReverse;
        }

        public void Replay(EquatableArray<Stmt> statements, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            foreach (var statement in statements)
            {
                switch (statement)
                {
                    case Let let:
                        ReplayLet(let, map, tangents);
                        break;
                    case Loop loop:
                        ReplayLoop(loop, map, tangents);
                        break;
                    case ReverseLoop reverse:
                        ReplayReverseLoop(reverse, map, tangents);
                        break;
                    case FusedLoop fused:
                        ReplayFusedLoop(fused, map, tangents);
                        break;
                    case Alloc alloc:
                        ReplayAlloc(alloc);
                        break;
                    case Store store:
                        ReplayStore(store, map, tangents);
                        break;
                    case If branch:
                        ReplayIf(branch, map, tangents);
                        break;
                    default:
                        throw new InvalidOperationException("Forward mode has no rule for " + statement.GetType().Name + ".");
                }
            }
        }

        /// <summary>
        /// Over a primal, a local array's tangent is its derivative buffer. Over a gradient, the array and its
        /// derivative buffer each get a tangent buffer (a shadow's derivative buffer, and so its tangent, is the
        /// updated array's).
        /// </summary>
        private void ReplayAlloc(Alloc alloc)
        {
            _b.AddStatement(alloc);
            if (_overReverse)
            {
                _b.AddStatement(alloc with { Tangent = true });
            }
            else if (alloc.SharesDerivativeOf is null)
            {
                _b.AddStatement(alloc with { Derivative = true });
            }
        }

        private void ReplayStore(Store store, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            var value = map[store.Value];
            _b.AddStatement(store with { Value = value });
            var hasTangent = tangents.TryGetValue(value, out var tangent);
            if (!hasTangent && store.Accumulate)
            {
                return;
            }

            tangent = hasTangent ? tangent : _b.Constant(0);
            _b.AddStatement(_overReverse ? store with { Value = tangent, Tangent = true } : store with { Value = tangent, Derivative = true });
        }

        private void ReplayIf(If branch, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            var builder = _b.BeginIf(branch.Cond.Map(id => map[id]));
            var parent = _b.Current;

            // Each branch gets its own copy of the tangents: a branch may compute the tangent of an outer value (found
            // there by common-subexpression elimination), which exists only in it.
            var thenTangents = new Dictionary<int, int>(tangents);
            _b.Current = builder.Then;
            Replay(branch.Then, map, thenTangents);
            var elseTangents = new Dictionary<int, int>(tangents);
            _b.Current = builder.Else;
            Replay(branch.Else, map, elseTangents);
            _b.Current = parent;
            foreach (var phi in branch.Phis)
            {
                map[phi.Id] = _b.AddPhi(builder, map[phi.Then], map[phi.Else]);
                var hasThen = thenTangents.TryGetValue(map[phi.Then], out var tangentThen);
                var hasElse = elseTangents.TryGetValue(map[phi.Else], out var tangentElse);
                if (hasThen || hasElse)
                {
                    var zero = _b.Constant(0);
                    tangents[map[phi.Id]] = _b.AddPhi(builder, hasThen ? tangentThen : zero, hasElse ? tangentElse : zero);
                }
            }
        }

        /// <summary>
        /// Which load reads the tangent of an element read: over a primal, a differentiated array's derivative buffer
        /// (2); over a gradient, the tangent of a derivative buffer's element (4) or of a differentiated or local
        /// array's (3: a local array's elements may have come from anywhere). Null when the tangent is zero.
        /// </summary>
        private int? TangentLoad(Node load) => _overReverse
            ? load.Index == 2 ? 4 : load.Index == 1 || load.Array!.Local ? 3 : null
            : load.Index == 1 ? 2 : null;

        private void ReplayLet(Let let, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            if (let.Node.Op == Op.Load)
            {
                var load = map[let.Id] = _b.Emit(let.Node);
                if (TangentLoad(let.Node) is { } index)
                {
                    tangents[load] = _b.Emit(let.Node with { Index = index });
                }

                return;
            }

            var args = PrimalReplay.MapArgs(let.Node, map);
            var argTangents = args.Select(a => tangents.TryGetValue(a, out var t) ? t : (int?)null).ToArray();
            switch (let.Node.Op)
            {
                case Op.UserCall when let.Node.Shape.Count > 0:
                    ReplayShapedCall(let, args, argTangents, map, tangents);
                    return;
                case Op.UserCall:
                    ReplayCall(let, args, argTangents, map, tangents);
                    return;
                case Op.GradientCall when let.Node.Shape.Count == 0:
                    ReplayGradientCall(let, args, argTangents, map, tangents);
                    return;
                default:
                    ReplayOperation(let, args, argTangents, map, tangents);
                    return;
            }
        }

        private void ReplayOperation(Let let, int[] args, int?[] argTangents, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            // Saved conditions and one-sided selects appear when differentiating a reverse-mode program (second order).
            var cond = let.Node.Cond?.Map(id => map[id]);
            int? powerDerivative = null;
            var value = cond is null ? PrimalReplay.Emit(_b, let.Node, args, out powerDerivative) : _b.Emit(let.Node with { Args = args.ToEquatableArray(), Cond = cond });
            map[let.Id] = value;
            if (let.Node.Op is Op.Bool or Op.IntValue)
            {
                return;
            }

            if (!argTangents.Any(t => t.HasValue) || tangents.ContainsKey(value) || _b.IsConstant(value, out _))
            {
                return;
            }

            if (powerDerivative is { } derivative)
            {
                tangents[value] = _b.Mul(derivative, argTangents[0]!.Value);
                return;
            }

            var node = _b.NodeOf(value);
            if (node.Op == Op.Div && node.Args[0] == args[0] && node.Args[1] == args[1] && argTangents[1] is { } denominatorTangent)
            {
                var numerator = argTangents[0] is { } numeratorTangent ? _b.Sub(numeratorTangent, _b.Mul(value, denominatorTangent)) : _b.Neg(_b.Mul(value, denominatorTangent));
                tangents[value] = _b.Div(numerator, args[1]);
                return;
            }

            if (value == args.FirstOrDefault() && node.Op != let.Node.Op)
            {
                tangents[value] = argTangents[0] ?? _b.Constant(0);
                return;
            }

            var terms = new List<int>();
            var source = let.Node with { Args = args.ToEquatableArray(), Cond = cond };
            for (var k = 0; k < args.Length; k++)
            {
                if (argTangents[k] is { } tangent)
                {
                    terms.Add(DerivativeTable.Contribution(_b, source, value, k, tangent));
                }
            }

            tangents[value] = _b.Sum(terms);
        }
    }
}
