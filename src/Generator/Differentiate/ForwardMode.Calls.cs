using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

internal static partial class ForwardMode
{
    /// <summary>Calls to other [Differentiable] methods: through the callee's Jvp, gradient or Hessian-vector product.</summary>
    private sealed partial class Sweep
    {
        /// <summary>
        /// A scalar call: the callee's Jvp, or with a [DerivativeOf] method the value and partials it returns; the
        /// callee itself when no argument has a tangent.
        /// </summary>
        private void ReplayCall(Let let, int[] args, int?[] argTangents, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            if (argTangents.All(t => t is null))
            {
                map[let.Id] = _b.Emit(let.Node with { Args = args.ToEquatableArray() });
                return;
            }

            if (let.Node.Derivative is not null)
            {
                var gradient = _b.Emit(let.Node with { Op = Op.GradientCall, Args = args.ToEquatableArray() });
                map[let.Id] = Project(gradient, 0);
                tangents[map[let.Id]] = _b.Sum(Directions(argTangents).Select(k => _b.Mul(Project(gradient, k + 1), argTangents[k]!.Value)).ToList());
                return;
            }

            var zero = _b.Constant(0);
            var call = _b.Emit(let.Node with { Op = Op.JvpCall, Args = args.Concat(argTangents.Select(t => t ?? zero)).ToEquatableArray() });
            map[let.Id] = Project(call, 0);
            tangents[map[let.Id]] = Project(call, 1);
        }

        /// <summary>
        /// A call with array, integer or [NoDerivative] arguments: the callee's Jvp with the tangent of every argument it
        /// differentiates (an array's tangent is the caller's tangent buffer of it, read by the writer; an inactive one
        /// is zero), or the callee itself when no argument it differentiates has a tangent.
        /// </summary>
        private void ReplayShapedCall(Let let, int[] args, int?[] argTangents, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            var scalars = let.Node.Shape.Where(a => a.Kind == ArgKind.Scalar).ToList();
            var differentiated = Enumerable.Range(0, args.Length).Where(k => scalars[k].Differentiated).ToList();
            if (!let.Node.Shape.Any(a => a.Flows) && differentiated.All(k => argTangents[k] is null))
            {
                map[let.Id] = _b.Emit(let.Node with { Args = args.ToEquatableArray() });
                return;
            }

            var zero = _b.Constant(0);
            var call = _b.Emit(let.Node with { Op = Op.JvpCall, Args = args.Concat(differentiated.Select(k => argTangents[k] ?? zero)).ToEquatableArray() });
            map[let.Id] = Project(call, 0);
            tangents[map[let.Id]] = Project(call, 1);
        }

        /// <summary>
        /// The callee's gradient in a gradient program (second order): with tangents on its arguments ȧ, the callee's
        /// Hvp gives the value (tangent ∇f·ȧ) and each partial (tangent (H·ȧ)ₖ); a [DerivativeOf] method with second
        /// derivatives returns the Hessian's upper triangle after the gradient, from which (H·ȧ)ₖ is summed. The
        /// projections are made here, with their tangents; the program's own projections find them again.
        /// </summary>
        private void ReplayGradientCall(Let let, int[] args, int?[] argTangents, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            var node = let.Node with { Args = args.ToEquatableArray() };
            if (argTangents.All(t => t is null))
            {
                map[let.Id] = _b.Emit(node);
                return;
            }

            var m = args.Length;
            var zero = _b.Constant(0);
            var custom = node.Derivative is not null;
            var call = map[let.Id] = custom ? _b.Emit(node) : _b.Emit(node with { Op = Op.HvpCall, Args = args.Concat(argTangents.Select(t => t ?? zero)).ToEquatableArray() });
            var directions = Directions(argTangents).ToList();
            tangents[Project(call, 0)] = _b.Sum(directions.Select(j => _b.Mul(Project(call, 1 + j), argTangents[j]!.Value)).ToList());
            for (var k = 0; k < m; k++)
            {
                var row = k;
                tangents[Project(call, 1 + k)] = custom
                    ? _b.Sum(directions.Select(j => _b.Mul(Project(call, 1 + m + UpperTriangleIndex(Math.Min(row, j), Math.Max(row, j), m)), argTangents[j]!.Value)).ToList())
                    : Project(call, 1 + m + k);
            }
        }

        private int Project(int call, int index) => _b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: index));

        private static IEnumerable<int> Directions(int?[] argTangents) => Enumerable.Range(0, argTangents.Length).Where(k => argTangents[k] is not null);

        /// <summary>The position of entry (i, j), i ≤ j, in the upper triangle of an m×m matrix stored row by row.</summary>
        private static int UpperTriangleIndex(int i, int j, int m) => i * m - i * (i - 1) / 2 + (j - i);
    }
}
