using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// Reverse mode: replays the primal, then sweeps it backwards accumulating adjoints. A branch of the primal gets
/// a mirrored branch in the sweep (on the same saved condition), whose contributions to outer values leave it
/// through phis; values of the forward branch it needs are carried out of that branch.
/// </summary>
internal static class ReverseMode
{
    /// <summary>How loops nested in the loop being built are treated.</summary>
    private enum Nest
    {
        /// <summary>The method's top level: each loop decides for the loops nested in it (<see cref="Loops.CanRecord"/>).</summary>
        Top,

        /// <summary>Nested loops run as written (and again in the outer loop's reverse pass).</summary>
        Replay,

        /// <summary>Nested loops run as written and push their records on the method's stacks.</summary>
        Record,

        /// <summary>An outer loop's reverse pass: nested loops pop their results instead of running again.</summary>
        Restore,
    }

    /// <summary>
    /// How the loops nested in a loop with <paramref name="body"/> are treated, in its forward pass or in its reverse
    /// pass: a top-level loop decides for its whole nest (recorded forward and restored in reverse when
    /// <see cref="Loops.CanRecord"/>, replayed otherwise); nested levels follow that decision.
    /// </summary>
    private static Nest Inner(Nest outer, Program body, bool reverse) => outer switch
    {
        Nest.Top when Loops.CanRecord(body) => reverse ? Nest.Restore : Nest.Record,
        Nest.Top => Nest.Replay,
        _ => outer,
    };

    /// <summary>
    /// Outputs: the value, then ∂/∂ of every parameter in order, then the primal's other outputs (the fields of a
    /// struct result, whose vector-Jacobian product is the gradient of the first output: see <see cref="StructResults"/>).
    /// </summary>
    public static Program Build(Program primal, bool isFloat)
    {
        var state = new State(new GraphBuilder(primal.ParamCount, isFloat), Nest.Top) { Direct = DirectArrays(primal) };
        for (var i = 0; i < primal.ParamCount; i++)
        {
            state.Map[i] = i;
        }

        Replay(state, primal.Body);
        var b = state.Builder;
        var output = state.Map[primal.Outputs[0]];
        var adjoints = new Dictionary<int, List<int>>();
        if (b.IsActive(output))
        {
            adjoints[output] = new List<int> { b.Constant(1) };
        }

        Sweep(state, b.Root.Statements.ToList(), adjoints);
        var gradient = Enumerable.Range(0, primal.ParamCount).Select(p => adjoints.TryGetValue(p, out var terms) ? b.Sum(terms) : b.Constant(0));
        return b.Build(new[] { output }.Concat(gradient.ToList()).Concat(primal.Outputs.Skip(1).Select(o => state.Map[o]).ToList()));
    }

    /// <summary>A loop body rebuilt through the simplifying builder (constant folding, common subexpressions).</summary>
    private static Program Simplify(Program body, bool isFloat, Nest nest)
    {
        var state = new State(new GraphBuilder(body.ParamCount, isFloat), nest) { Sweeps = false };
        for (var i = 0; i < body.ParamCount; i++)
        {
            state.Map[i] = i;
        }

        Replay(state, body.Body);
        return state.Builder.Build(body.Outputs.Select(o => state.Map[o]).ToList());
    }

    /// <summary>
    /// The vector-Jacobian product of a loop body: parameters are the body's parameters followed by one adjoint
    /// per body output; outputs are the adjoints of the body's parameters (element adjoints go to the gradient spans).
    /// </summary>
    /// <param name="body">The loop body.</param>
    /// <param name="isFloat">Whether the method computes in float.</param>
    /// <param name="nest">How nested loops are treated.</param>
    /// <param name="withCarried">Also output the carried values after the iteration (for a fused loop).</param>
    /// <param name="seeds">Adjoints of the outputs known as constants, folded into the product (null: parameters).</param>
    private static Program BuildVjp(Program body, bool isFloat, Nest nest, bool withCarried = false, IReadOnlyList<double?>? seeds = null)
    {
        var state = new State(new GraphBuilder(body.ParamCount + body.Outputs.Count, isFloat), nest) { Recomputes = !withCarried };
        for (var i = 0; i < body.ParamCount; i++)
        {
            state.Map[i] = i;
        }

        Replay(state, body.Body);
        var b = state.Builder;
        var adjoints = new Dictionary<int, List<int>>();
        for (var j = 0; j < body.Outputs.Count; j++)
        {
            var output = state.Map[body.Outputs[j]];
            if (seeds?[j] is null)
            {
                b.MarkAdjoint(body.ParamCount + j);
            }

            var seed = seeds?[j] is { } constant ? b.Constant(constant) : body.ParamCount + j;
            Accumulate(state, adjoints, output, () => seed);
        }

        Sweep(state, b.Root.Statements.ToList(), adjoints);
        var gradient = Enumerable.Range(0, body.ParamCount).Select(p => adjoints.TryGetValue(p, out var terms) ? b.Sum(terms) : b.Constant(0)).ToList();
        return b.Build(withCarried ? gradient.Concat(body.Outputs.Select(o => state.Map[o])) : gradient);
    }

    private static void Replay(State state, EquatableArray<Stmt> statements)
    {
        var b = state.Builder;
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let { Node.Op: Op.UserCall, Node.Shape.Count: 0 } let:
                    {
                        var args = PrimalReplay.MapArgs(let.Node, state.Map);
                        var call = b.Emit(let.Node with { Op = Op.GradientCall, Args = args.ToEquatableArray() });
                        var value = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 0));
                        var partials = args.Select((_, k) => b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: k + 1))).ToArray();
                        state.ClosedForms[value] = (args, partials);
                        state.Map[let.Id] = value;
                        break;
                    }

                case Let { Node.Op: Op.UserCall, Node.Shape.Count: > 0 } let when state.Sweeps:
                    ReplayShapedCall(state, let);
                    break;
                case Let let:
                    {
                        var args = PrimalReplay.MapArgs(let.Node, state.Map);
                        var value = PrimalReplay.Emit(b, let.Node, args, out var powerDerivative);
                        if (powerDerivative is { } derivative)
                        {
                            state.ClosedForms[value] = (new[] { args[0] }, new[] { derivative });
                        }

                        state.Map[let.Id] = value;
                        break;
                    }

                case Loop loop:
                    {
                        var inputs = loop.Inputs.Select(i => state.Map[i]).ToEquatableArray();
                        var active = inputs.Any(b.IsActive) || Loops.ReadsActive(loop.Body);
                        var results = loop.Results.Select(r => state.Map[r] = b.NewValue(active)).ToEquatableArray();
                        state.LoopBodies[loop.Tape] = loop.Body;
                        if (state.Nest == Nest.Restore)
                        {
                            b.AddStatement(loop with { Inputs = inputs, Results = results, Restored = true });
                            break;
                        }

                        var inner = Inner(state.Nest, loop.Body, reverse: false);
                        var forward = loop with
                        {
                            Inputs = inputs,
                            Results = results,
                            Body = Simplify(loop.Body, b.IsFloat, inner),
                            Test = loop.Test is { } test ? Simplify(test, b.IsFloat, Nest.Replay) : null,
                            Record = state.Nest == Nest.Record,
                        };
                        b.AddStatement(forward);
                        state.LoopScopes[forward] = b.Current;
                        break;
                    }

                case Alloc alloc:
                    b.AddStatement(alloc);
                    if (alloc.SharesDerivativeOf is null)
                    {
                        b.AddStatement(alloc with { Derivative = true });
                    }

                    break;
                case Store { Save: true } when state.Recomputes:
                    // The element it would save was overwritten: the shadow still holds the value saved by the forward pass.
                    break;
                case Store store:
                    b.AddStatement(store with { Value = state.Map[store.Value] });
                    break;
                case If branch:
                    {
                        var condition = branch.Cond.Map(id => state.Map[id]);
                        var saved = b.Emit(new Node(Op.Bool, EquatableArray<int>.Empty, Cond: condition));
                        var builder = b.BeginIf(new Cond(CondOp.Variable, saved));
                        state.FirstIds[builder] = b.NextId;
                        var parent = b.Current;
                        b.Current = builder.Then;
                        Replay(state, branch.Then);
                        b.Current = builder.Else;
                        Replay(state, branch.Else);
                        b.Current = parent;
                        foreach (var phi in branch.Phis)
                        {
                            var (t, e) = (state.Map[phi.Then], state.Map[phi.Else]);
                            var id = b.AddPhi(builder, t, e);
                            state.Map[phi.Id] = id;
                        }

                        state.OriginalPhis[builder] = builder.Phis.Count;
                        break;
                    }
            }
        }
    }

    /// <summary>
    /// A call with array, integer or [NoDerivative] arguments in a program that is swept afterwards: the callee's
    /// gradient gives the value, the partials of the scalar arguments it differentiates (a closed form) and the
    /// gradients of its array arguments, left in scratch buffers for the sweep's <see cref="CallVjp"/>. A call
    /// through which nothing is differentiated stays a plain call.
    /// </summary>
    private static void ReplayShapedCall(State state, Let let)
    {
        var b = state.Builder;
        var args = PrimalReplay.MapArgs(let.Node, state.Map);
        var scalars = let.Node.Shape.Where(a => a.Kind == ArgKind.Scalar).ToList();
        var differentiated = Enumerable.Range(0, args.Length).Where(k => scalars[k].Differentiated).ToList();
        if (!let.Node.Shape.Any(a => a.Flows) && !differentiated.Any(k => b.IsActive(args[k])))
        {
            state.Map[let.Id] = b.Emit(let.Node with { Args = args.ToEquatableArray() });
            return;
        }

        var shape = let.Node.Shape.Select(a => a.Flows && state.Direct.Contains(a.Array!) ? a with { Direct = true } : a).ToEquatableArray();
        var call = b.Emit(let.Node with { Op = Op.GradientCall, Args = args.ToEquatableArray(), Shape = shape });
        var value = b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: 0));
        var partials = differentiated.Select((_, j) => b.Emit(new Node(Op.Project, EquatableArray.Create(call), Index: j + 1))).ToArray();
        state.ClosedForms[value] = (differentiated.Select(k => args[k]).ToArray(), partials);
        if (let.Node.Shape.Any(a => a.Flows))
        {
            state.Scatters[value] = new CallVjp(call, shape, Seed: -1);
        }

        state.Map[let.Id] = value;
    }

    /// <summary>
    /// The array parameters whose only use in the whole method is one argument of one call at the top level (no
    /// element read, no other call, in no loop): nothing else adds into their gradient spans, so that call's
    /// gradient may write into the span directly (the span is still zero then) and its reverse only scales it.
    /// </summary>
    private static HashSet<ArrayRef> DirectArrays(Program primal)
    {
        var passed = new Dictionary<ArrayRef, int>();
        var read = new HashSet<ArrayRef>();
        CountArrayUses(primal.Body, passed, read, topLevel: true);
        return new HashSet<ArrayRef>(passed.Where(p => p.Value == 1 && !read.Contains(p.Key)).Select(p => p.Key));
    }

    /// <summary>Counts array arguments of top-level calls; an array read or passed anywhere else is marked read.</summary>
    private static void CountArrayUses(EquatableArray<Stmt> statements, Dictionary<ArrayRef, int> passed, HashSet<ArrayRef> read, bool topLevel)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let { Node.Op: Op.Load } load:
                    read.Add(load.Node.Array!);
                    break;
                case Alloc alloc:
                    read.Add(alloc.Array);
                    break;
                case Let let:
                    foreach (var argument in let.Node.Shape.Where(a => a.Kind == ArgKind.Array))
                    {
                        if (topLevel)
                        {
                            passed[argument.Array!] = passed.TryGetValue(argument.Array!, out var count) ? count + 1 : 1;
                        }
                        else
                        {
                            read.Add(argument.Array!);
                        }
                    }

                    break;
                case If branch:
                    CountArrayUses(branch.Then, passed, read, topLevel);
                    CountArrayUses(branch.Else, passed, read, topLevel);
                    break;
                case Loop loop:
                    CountArrayUses(loop.Body.Body, passed, read, topLevel: false);
                    if (loop.Test is { } test)
                    {
                        CountArrayUses(test.Body, passed, read, topLevel: false);
                    }

                    break;
            }
        }
    }

    private static void Sweep(State state, List<object> statements, Dictionary<int, List<int>> adjoints)
    {
        var b = state.Builder;
        for (var i = statements.Count - 1; i >= 0; i--)
        {
            switch (statements[i])
            {
                case Let let when adjoints.TryGetValue(let.Id, out var terms) && terms.Count > 0:
                    {
                        if (let.Node.Op is Op.Const or Op.Field or Op.Param or Op.Bool or Op.IntValue or Op.Frozen)
                        {
                            break;
                        }

                        var seed = b.Sum(terms);
                        terms.Clear();
                        if (let.Node.Op == Op.Load)
                        {
                            b.AddStatement(Store.Scatter(let.Node.Array!, let.Node.Integer!, seed));
                            break;
                        }

                        if (state.Scatters.TryGetValue(let.Id, out var scatter))
                        {
                            b.AddStatement(scatter with { Seed = seed });
                        }

                        if (state.ClosedForms.TryGetValue(let.Id, out var closed))
                        {
                            for (var k = 0; k < closed.Args.Length; k++)
                            {
                                Accumulate(state, adjoints, closed.Args[k], () => b.Mul(seed, closed.Partials[k]));
                            }

                            break;
                        }

                        if (let.Node.Op is Op.GradientCall or Op.Project)
                        {
                            break;
                        }

                        for (var k = 0; k < let.Node.Args.Count; k++)
                        {
                            var index = k;
                            Accumulate(state, adjoints, let.Node.Args[k], () => DerivativeTable.Contribution(b, let.Node, let.Id, index, seed));
                        }

                        break;
                    }

                case Store { Save: true }:
                    // Not differentiated: the shadow shares the updated array's derivative buffer.
                    break;
                case Store store:
                    SweepStore(state, store, adjoints);
                    break;
                case IfBuilder branch:
                    SweepBranch(state, branch, adjoints);
                    break;
                case Loop loop:
                    SweepLoop(state, loop, adjoints);
                    break;
            }
        }
    }

    /// <summary>
    /// The reverse of writing an element of a local array: the stored value's adjoint is the element's adjoint, which
    /// an assignment then resets (the value before it was overwritten, so it received nothing from later reads).
    /// </summary>
    private static void SweepStore(State state, Store store, Dictionary<int, List<int>> adjoints)
    {
        var b = state.Builder;

        // A unique Value keeps common-subexpression elimination from merging reads of a buffer that changes in between.
        var adjoint = b.Emit(new Node(Op.Load, EquatableArray<int>.Empty, Value: b.NextId, Index: 2, Integer: store.Index, Array: store.Array));
        if (!store.Accumulate)
        {
            b.AddStatement(new Store(store.Array, store.Index, b.Constant(0), Accumulate: false, Derivative: true));
        }

        Accumulate(state, adjoints, store.Value, () => adjoint);
        if (store.Shadow is { } shadow)
        {
            var before = b.Emit(new Node(Op.Load, EquatableArray<int>.Empty, Integer: store.Index, Array: shadow));
            b.AddStatement(new Store(store.Array, store.Index, before, Accumulate: false, Derivative: false));
        }
    }

    /// <summary>
    /// Runs the loop's iterations backwards: each one restores the carried values recorded on the tape, recomputes
    /// the body and applies its vector-Jacobian product.
    /// </summary>
    private static void SweepLoop(State state, Loop loop, Dictionary<int, List<int>> adjoints)
    {
        var b = state.Builder;
        var seeds = new List<int>();
        var any = false;
        foreach (var result in loop.Results)
        {
            if (adjoints.TryGetValue(result, out var terms) && terms.Count > 0)
            {
                seeds.Add(b.Sum(terms));
                terms.Clear();
                any = true;
            }
            else
            {
                seeds.Add(b.Constant(0));
            }
        }

        // A loop that fills a local array is reversed for the element adjoints even when its carried values have none.
        if (!any && !Loops.Writes(state.LoopBodies[loop.Tape]))
        {
            return;
        }

        var k = loop.Results.Count;
        var body = state.LoopBodies[loop.Tape];
        var nest = Inner(state.Nest, body, reverse: true);
        var vjp = BuildVjp(body, b.IsFloat, nest);
        var results = loop.Inputs.Select(input => b.NewValue(active: true)).ToEquatableArray();

        // Accumulators (sum += f(x[i])) have adjoints that do not depend on the carried values: nothing to record.
        var tape = Enumerable.Range(0, k).Any(p => Loops.Uses(vjp, p)) ? loop.Tape : -1;
        if (tape < 0 && TryFuse(state, loop, body, vjp, seeds, adjoints))
        {
            return;
        }

        // A loop inside a branch is reversed in the mirrored branch, which reads the forward branch's values through phis.
        b.AddStatement(new ReverseLoop(tape, loop.Counter, k, seeds.ToEquatableArray(),
            loop.Inputs.Skip(k).Select(b.Import).ToEquatableArray(), results, vjp, loop.Tape, loop.Test is not null, loop.HasExit));
        for (var j = 0; j < loop.Inputs.Count; j++)
        {
            var adjoint = results[j];
            Accumulate(state, adjoints, loop.Inputs[j], () => adjoint);
        }
    }

    /// <summary>
    /// A loop of accumulators — its body hands every carried adjoint on unchanged and reads no carried value in its
    /// reverse pass — whose seeds are known before it (constants, parameters) is reversed in the same pass as it runs,
    /// in forward order: the reverse pass's recomputation of each iteration is the forward pass, which is saved.
    /// Only for loops without nested loops (their records make the forward pass the cheap part), without break, and
    /// that write no local array (whose reverse must follow the reverse of every later read).
    /// </summary>
    private static bool TryFuse(State state, Loop loop, Program body, Program vjp, List<int> seeds, Dictionary<int, List<int>> adjoints)
    {
        var b = state.Builder;
        var k = loop.Results.Count;
        if (state.Nest != Nest.Top || loop.Test is not null || loop.HasExit || Loops.HasNested(body)
            || Loops.Writes(body) || !seeds.All(b.IsHoisted) || Enumerable.Range(0, k).Any(j => vjp.Outputs[j] != body.ParamCount + j)
            || !state.LoopScopes.TryGetValue(loop, out var scope) || scope != b.Current)
        {
            return false;
        }

        var constants = seeds.Select(s => b.IsConstant(s, out var value) ? value : (double?)null).ToList();
        var fusedVjp = BuildVjp(body, b.IsFloat, Nest.Replay, withCarried: true, constants);
        var inputAdjoints = loop.Inputs.Skip(k).Select(_ => b.NewValue(active: true)).ToEquatableArray();
        scope.Statements[scope.Statements.IndexOf(loop)] = new FusedLoop(loop.Counter!, k, loop.Inputs, seeds.ToEquatableArray(),
            loop.Results, inputAdjoints, new Program(fusedVjp.ParamCount, fusedVjp.Body, fusedVjp.Outputs.Skip(k).ToEquatableArray()));
        for (var j = 0; j < loop.Inputs.Count; j++)
        {
            var adjoint = j < k ? seeds[j] : inputAdjoints[j - k];
            Accumulate(state, adjoints, loop.Inputs[j], () => adjoint);
        }

        return true;
    }

    private static void SweepBranch(State state, IfBuilder forward, Dictionary<int, List<int>> adjoints)
    {
        var b = state.Builder;
        var phis = forward.Phis.Take(state.OriginalPhis[forward]).ToList();
        var seeds = new List<(Phi Phi, int Seed)>();
        foreach (var phi in phis)
        {
            if (adjoints.TryGetValue(phi.Id, out var terms) && terms.Count > 0)
            {
                seeds.Add((phi, b.Sum(terms)));
                terms.Clear();
            }
        }

        if (seeds.Count == 0)
        {
            return;
        }

        // When the adjoints flowing into a branch are known before it (an early return's result has adjoint 1), its
        // reverse sweep runs at the end of the forward branch itself — the condition is tested once — and the
        // adjoints of outer values leave through phis of the forward branch. Only at the branch's own level (inside
        // a mirrored branch they would be left in the forward one), and not for branches that write arrays (the
        // reverse of a write must come after the reverse of every later read).
        if (b.Current == forward.Parent && seeds.All(s => b.IsHoisted(s.Seed) || s.Seed < state.FirstIds[forward]) && !Writes(forward.Then) && !Writes(forward.Else))
        {
            SweepSides(state, forward, forward, seeds, adjoints);
            return;
        }

        var reverse = b.BeginIf(forward.Cond);
        reverse.Then.Twin = forward.Then;
        reverse.Else.Twin = forward.Else;
        SweepSides(state, reverse, forward, seeds, adjoints);
    }

    /// <summary>
    /// Sweeps both sides of <paramref name="forward"/> into the sides of <paramref name="target"/> (a mirrored branch, or
    /// the forward branch itself) and merges the adjoints that leave them with phis of <paramref name="target"/>.
    /// </summary>
    private static void SweepSides(State state, IfBuilder target, IfBuilder forward, List<(Phi Phi, int Seed)> seeds, Dictionary<int, List<int>> adjoints)
    {
        var b = state.Builder;
        var thenOut = SweepSide(state, target.Then, forward.Then, seeds.Select(s => (s.Phi.Then, s.Seed)));
        var elseOut = SweepSide(state, target.Else, forward.Else, seeds.Select(s => (s.Phi.Else, s.Seed)));
        b.Current = target.Parent;
        foreach (var outer in thenOut.Keys.Union(elseOut.Keys).OrderBy(k => k))
        {
            var zero = b.Constant(0);
            var merged = b.AddPhi(target, thenOut.TryGetValue(outer, out var t) ? t : zero, elseOut.TryGetValue(outer, out var e) ? e : zero);
            if (!adjoints.TryGetValue(outer, out var list))
            {
                adjoints[outer] = list = new List<int>();
            }

            list.Add(merged);
        }
    }

    private static bool Writes(Scope scope) => scope.Statements.Any(s => s switch
    {
        Store => true,
        Loop loop => Loops.Writes(loop.Body),
        IfBuilder branch => Writes(branch.Then) || Writes(branch.Else),
        _ => false,
    });

    private static Dictionary<int, int> SweepSide(State state, Scope side, Scope forwardSide, IEnumerable<(int Value, int Seed)> seeds)
    {
        var b = state.Builder;
        b.Current = side;
        var local = new Dictionary<int, List<int>>();
        foreach (var (value, seed) in seeds)
        {
            Accumulate(state, local, value, () => seed);
        }

        Sweep(state, forwardSide.Statements.ToList(), local);
        var defined = new HashSet<int>();
        CollectDefinitions(forwardSide, defined);
        var outward = new Dictionary<int, int>();
        foreach (var entry in local.OrderBy(e => e.Key))
        {
            if (!defined.Contains(entry.Key) && entry.Value.Count > 0)
            {
                outward[entry.Key] = b.Sum(entry.Value);
            }
        }

        return outward;
    }

    private static void CollectDefinitions(Scope scope, HashSet<int> defined)
    {
        foreach (var statement in scope.Statements)
        {
            if (statement is Let let)
            {
                defined.Add(let.Id);
            }
            else if (statement is Loop loop)
            {
                defined.UnionWith(loop.Results);
            }
            else if (statement is IfBuilder branch)
            {
                CollectDefinitions(branch.Then, defined);
                CollectDefinitions(branch.Else, defined);
                foreach (var phi in branch.Phis)
                {
                    defined.Add(phi.Id);
                }
            }
        }
    }

    private static void Accumulate(State state, Dictionary<int, List<int>> adjoints, int target, System.Func<int> contribution)
    {
        if (!state.Builder.IsActive(target))
        {
            return;
        }

        if (!adjoints.TryGetValue(target, out var list))
        {
            adjoints[target] = list = new List<int>();
        }

        list.Add(contribution());
    }

    private sealed class State
    {
        public State(GraphBuilder builder, Nest nest)
        {
            Builder = builder;
            Nest = nest;
        }

        public GraphBuilder Builder { get; }

        public Nest Nest { get; }

        public Dictionary<int, int> Map { get; } = new();

        public Dictionary<int, (int[] Args, int[] Partials)> ClosedForms { get; } = new();

        /// <summary>
        /// False while rebuilding a forward loop body, which no sweep follows: calls with array arguments stay plain
        /// calls there (their gradients are needed only where the body is swept).
        /// </summary>
        public bool Sweeps { get; init; } = true;

        /// <summary>Replaying the body of a loop being reversed: shadow saves are skipped (their elements are overwritten already).</summary>
        public bool Recomputes { get; init; }

        /// <summary>The array parameters a top-level call's gradient may write into directly (<see cref="DirectArrays"/>).</summary>
        public HashSet<ArrayRef> Direct { get; init; } = new();

        /// <summary>For the value of each call whose gradient has array parts, the statement that scatters them (seed to fill in).</summary>
        public Dictionary<int, CallVjp> Scatters { get; } = new();

        public Dictionary<IfBuilder, int> OriginalPhis { get; } = new();

        /// <summary>The scope each forward loop was added to (where a fused loop replaces it).</summary>
        public Dictionary<Loop, Scope> LoopScopes { get; } = new();

        /// <summary>The first id created inside each forward branch: values below it exist before the branch.</summary>
        public Dictionary<IfBuilder, int> FirstIds { get; } = new();

        /// <summary>Each loop's body as parsed (the emitted forward loop holds a simplified copy).</summary>
        public Dictionary<int, Program> LoopBodies { get; } = new();
    }
}
