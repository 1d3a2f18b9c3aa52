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
    /// <summary>Outputs: the value, then the tangent (for several outputs, the fields of a struct result: all values, then all tangents).</summary>
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
        var outputs = primal.Outputs.Select(o => map[o]).ToList();
        return b.Build(outputs.Concat(outputs.Select(o => tangents.TryGetValue(o, out var t) ? t : b.Constant(0)).ToList()));
    }

    /// <summary>
    /// Forward over reverse: differentiates a gradient program (outputs: value, then ∂/∂ of every parameter) in the
    /// direction of parameters n..2n−1. Outputs: the value, the gradient, then the Hessian-vector product.
    /// </summary>
    public static Program BuildHvp(Program gradient, bool isFloat)
    {
        var n = gradient.ParamCount;
        var b = new GraphBuilder(2 * n, isFloat);
        var map = new Dictionary<int, int>();
        var tangents = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            map[i] = i;
            tangents[i] = n + i;
        }

        Replay(b, gradient.Body, map, tangents);
        var outputs = gradient.Outputs.Select(o => map[o]).ToList();
        var products = outputs.Skip(1).Select(g => tangents.TryGetValue(g, out var t) ? t : b.Constant(0)).ToList();
        return b.Build(outputs.Concat(products));
    }

    /// <summary>
    /// The full Hessian, one forward-over-reverse sweep per parameter (shared work is merged by the builder).
    /// Outputs: the value, the gradient, then the upper triangle row by row (H₀₀, H₀₁, …, H₁₁, …).
    /// </summary>
    public static Program BuildHessian(Program gradient, bool isFloat)
    {
        var n = gradient.ParamCount;
        var b = new GraphBuilder(n, isFloat);
        var columns = new List<List<int>>();
        List<int>? outputs = null;
        for (var j = 0; j < n; j++)
        {
            var map = new Dictionary<int, int>();
            for (var i = 0; i < n; i++)
            {
                map[i] = i;
            }

            var tangents = new Dictionary<int, int> { [j] = b.Constant(1) };
            Replay(b, gradient.Body, map, tangents);
            outputs ??= gradient.Outputs.Select(o => map[o]).ToList();
            columns.Add(gradient.Outputs.Skip(1).Select(o => tangents.TryGetValue(map[o], out var t) ? t : b.Constant(0)).ToList());
        }

        var triangle = new List<int>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                triangle.Add(columns[j][i]);
            }
        }

        return b.Build(outputs!.Concat(triangle));
    }

    /// <summary>
    /// A loop carries its values and their tangents: the new body takes [c, ċ, u, u̇] (carried values, their
    /// tangents, the other inputs, their tangents) and returns [c′, ċ′] (and the break flag, if any).
    /// </summary>
    private static void ReplayLoop(GraphBuilder b, Loop loop, Dictionary<int, int> map, Dictionary<int, int> tangents)
    {
        var k = loop.Results.Count;
        var m = loop.Inputs.Count - k;
        var zero = b.Constant(0);
        var values = loop.Inputs.Select(i => map[i]).ToList();
        var valueTangents = values.Select(v => tangents.TryGetValue(v, out var t) ? t : zero).ToList();
        var inputs = values.Take(k).Concat(valueTangents.Take(k)).Concat(values.Skip(k)).Concat(valueTangents.Skip(k)).ToEquatableArray();
        int Layout(int p) => p < k ? p : k + p;
        int TangentLayout(int p) => p < k ? k + p : k + m + p;

        var body = Rebuild(loop.Body, b.IsFloat, 2 * (k + m), Layout, TangentLayout, withTangents: true, k, loop.HasExit);
        var test = loop.Test is { } t0 ? Rebuild(t0, b.IsFloat, 2 * (k + m), Layout, TangentLayout, withTangents: false, 1, false) : null;
        var active = inputs.Any(b.IsActive) || Loops.ReadsActive(loop.Body);
        var results = Enumerable.Range(0, 2 * k).Select(_ => b.NewValue(active)).ToEquatableArray();
        b.AddStatement(loop with { Tape = -1, Inputs = inputs, Results = results, Body = body, Test = test });
        for (var j = 0; j < k; j++)
        {
            map[loop.Results[j]] = results[j];
            tangents[results[j]] = results[k + j];
        }
    }

    /// <summary>Rebuilds a loop body (or test) with its parameters at new positions, optionally with tangent outputs.</summary>
    private static Program Rebuild(Program body, bool isFloat, int parameters, System.Func<int, int> layout, System.Func<int, int> tangentLayout,
        bool withTangents, int carried, bool hasExit)
    {
        var b = new GraphBuilder(parameters, isFloat);
        var map = new Dictionary<int, int>();
        var tangents = new Dictionary<int, int>();
        for (var p = 0; p < body.ParamCount; p++)
        {
            map[p] = layout(p);
            if (withTangents)
            {
                tangents[layout(p)] = tangentLayout(p);
            }
        }

        Replay(b, body.Body, map, tangents);
        if (!withTangents)
        {
            return b.Build(body.Outputs.Select(o => map[o]).ToList());
        }

        var values = body.Outputs.Take(carried).Select(o => map[o]).ToList();
        var outputs = values.Concat(values.Select(v => tangents.TryGetValue(v, out var t) ? t : b.Constant(0))).ToList();
        if (hasExit)
        {
            outputs.Add(map[body.Outputs[carried]]);
        }

        return b.Build(outputs);
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
                case Loop loop:
                    ReplayLoop(b, loop, map, tangents);
                    break;
                case Alloc alloc:
                    b.AddStatement(alloc);
                    if (alloc.SharesDerivativeOf is null)
                    {
                        b.AddStatement(alloc with { Derivative = true });
                    }

                    break;
                case Store store:
                    {
                        var value = map[store.Value];
                        b.AddStatement(store with { Value = value });
                        b.AddStatement(store with { Value = tangents.TryGetValue(value, out var tangent) ? tangent : b.Constant(0), Derivative = true });
                        break;
                    }

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

    /// <summary>
    /// A call with array, integer or [NoDerivative] arguments: the callee's Jvp with the tangent of every argument it
    /// differentiates (an array's tangent is the caller's tangent buffer of it, read by the writer; an inactive one
    /// is zero), or the callee itself when no argument it differentiates has a tangent.
    /// </summary>
    private static void ReplayShapedCall(GraphBuilder b, Let let, int[] args, int?[] argTangents, Dictionary<int, int> map, Dictionary<int, int> tangents)
    {
        var scalars = let.Node.Shape.Where(a => a.Kind == ArgKind.Scalar).ToList();
        var differentiated = Enumerable.Range(0, args.Length).Where(k => scalars[k].Differentiated).ToList();
        if (!let.Node.Shape.Any(a => a.Flows) && differentiated.All(k => argTangents[k] is null))
        {
            map[let.Id] = b.Emit(let.Node with { Args = args.ToEquatableArray() });
            return;
        }

        var zero = b.Constant(0);
        var call = b.Emit(let.Node with { Op = Op.JvpCall, Args = args.Concat(differentiated.Select(k => argTangents[k] ?? zero)).ToEquatableArray() });
        map[let.Id] = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 0));
        tangents[map[let.Id]] = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 1));
    }

    private static void ReplayLet(GraphBuilder b, Let let, Dictionary<int, int> map, Dictionary<int, int> tangents)
    {
        if (let.Node.Op == Op.Load)
        {
            // The tangent of x[i] is element i of the caller's tangent span for x (Index 2 marks a tangent read).
            var load = map[let.Id] = b.Emit(let.Node);
            if (let.Node.Index == 1)
            {
                tangents[load] = b.Emit(let.Node with { Index = 2 });
            }

            return;
        }

        var args = PrimalReplay.MapArgs(let.Node, map);
        var argTangents = args.Select(a => tangents.TryGetValue(a, out var t) ? t : (int?)null).ToArray();
        var anyTangent = argTangents.Any(t => t.HasValue);
        if (let.Node.Op == Op.UserCall && let.Node.Shape.Count > 0)
        {
            ReplayShapedCall(b, let, args, argTangents, map, tangents);
            return;
        }

        if (let.Node.Op == Op.UserCall)
        {
            if (!anyTangent)
            {
                map[let.Id] = b.Emit(let.Node with { Args = args.ToEquatableArray() });
                return;
            }

            if (let.Node.Derivative is not null)
            {
                var gradient = b.Emit(let.Node with { Op = Op.GradientCall, Args = args.ToEquatableArray() });
                map[let.Id] = b.Emit(new Node(Op.Project, EquatableArray.Create(gradient), Index: 0));
                var chain = new List<int>();
                for (var k = 0; k < args.Length; k++)
                {
                    if (argTangents[k] is { } tangent)
                    {
                        chain.Add(b.Mul(b.Emit(new Node(Op.Project, EquatableArray.Create(gradient), Index: k + 1)), tangent));
                    }
                }

                tangents[map[let.Id]] = b.Sum(chain);
                return;
            }

            var zero = b.Constant(0);
            var call = b.Emit(let.Node with { Op = Op.JvpCall, Args = args.Concat(argTangents.Select(t => t ?? zero)).ToEquatableArray() });
            map[let.Id] = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 0));
            tangents[map[let.Id]] = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 1));
            return;
        }

        // Saved conditions and one-sided selects appear when differentiating a reverse-mode program (second order).
        var cond = let.Node.Cond?.Map(id => map[id]);
        int? powerDerivative = null;
        var value = cond is null ? PrimalReplay.Emit(b, let.Node, args, out powerDerivative) : b.Emit(let.Node with { Args = args.ToEquatableArray(), Cond = cond });
        map[let.Id] = value;
        if (let.Node.Op is Op.Bool or Op.IntValue)
        {
            return;
        }

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
        var source = let.Node with { Args = args.ToEquatableArray(), Cond = cond };
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
