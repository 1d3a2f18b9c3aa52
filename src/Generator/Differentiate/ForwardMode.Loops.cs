using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

internal static partial class ForwardMode
{
    /// <summary>
    /// Loops carry tangents beside their values. Every list of values a loop statement passes on (carried values,
    /// other inputs, seeds, adjoints) becomes the values followed by their tangents, and its body is rebuilt to take
    /// and return them in that order; a loop keeps its tape, which then records the carried tangents too, for the
    /// reverse loop that pops them.
    /// </summary>
    private sealed partial class Sweep
    {
        /// <summary>A forward loop: its body takes [c, ċ, u, u̇] and returns [c′, ċ′] (and the break flag, if any).</summary>
        private void ReplayLoop(Loop loop, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            if (loop.Restored)
            {
                // Pops what its recording run pushed, [c, ċ]; it does not run, and its inputs may be gone.
                var restored = Fresh(loop.Results, active: true);
                _b.AddStatement(loop with { Inputs = EquatableArray<int>.Empty, Results = restored });
                Bind(loop.Results, restored, map, tangents);
                return;
            }

            var k = loop.Results.Count;
            var m = loop.Inputs.Count - k;
            var inputs = Paired(loop.Inputs, tangents, map, k, m);
            var body = Rebuild(loop.Body, new[] { k, m }, 0, new[] { k }, loop.HasExit ? 1 : 0);
            var test = loop.Test is { } condition ? Rebuild(condition, new[] { k, m }, 0, System.Array.Empty<int>(), 1) : null;
            var active = inputs.Any(_b.IsActive) || Loops.ReadsActive(loop.Body);
            var results = Fresh(loop.Results, active);
            _b.AddStatement(loop with { Inputs = inputs, Results = results, Body = body, Test = test });
            Bind(loop.Results, results, map, tangents);
        }

        /// <summary>
        /// A reverse loop pops [c, ċ] from the tape; its vector-Jacobian product takes [c, ċ, u, u̇, c̄, c̄̇] (and the
        /// break flag's adjoint) and returns [c̄′, c̄̇′, ū, ū̇]. An input adjoint nothing reads stays unused, tangent too.
        /// </summary>
        private void ReplayReverseLoop(ReverseLoop reverse, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            var k = reverse.CarriedCount;
            var m = reverse.Inputs.Count;
            var vjp = Rebuild(reverse.Vjp, new[] { k, m, k }, reverse.HasExit ? 1 : 0, new[] { k, m }, 0);
            var carried = Fresh(reverse.Results.Take(k).ToList(), active: true);
            var inputs = Fresh(reverse.Results.Skip(k).ToList(), active: true);
            _b.AddStatement(reverse with
            {
                CarriedCount = 2 * k,
                Seeds = Paired(reverse.Seeds, tangents, map, k),
                Inputs = Paired(reverse.Inputs, tangents, map, m),
                Results = carried.Concat(inputs).ToEquatableArray(),
                Vjp = vjp,
            });
            Bind(reverse.Results.Take(k).ToList(), carried, map, tangents);
            Bind(reverse.Results.Skip(k).ToList(), inputs, map, tangents);
        }

        /// <summary>
        /// A loop reversed as it runs: its vector-Jacobian product takes [c, ċ, u, u̇, s, ṡ] and returns the input
        /// adjoints [ū, ū̇], then [c′, ċ′].
        /// </summary>
        private void ReplayFusedLoop(FusedLoop fused, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            var k = fused.CarriedCount;
            var m = fused.Inputs.Count - k;
            var adjoints = Fresh(fused.Adjoints, active: true);
            var results = Fresh(fused.Results, active: true);
            _b.AddStatement(new FusedLoop(fused.Counter, 2 * k, Paired(fused.Inputs, tangents, map, k, m), Paired(fused.Seeds, tangents, map, fused.Seeds.Count),
                results, adjoints, Rebuild(fused.Vjp, new[] { k, m, fused.Seeds.Count }, 0, new[] { fused.Adjoints.Count, k }, 0)));
            Bind(fused.Adjoints, adjoints, map, tangents);
            Bind(fused.Results, results, map, tangents);
        }

        /// <summary>The values of <paramref name="ids"/>, group by group, each group followed by its tangents (zero where there is none).</summary>
        private EquatableArray<int> Paired(IReadOnlyList<int> ids, Dictionary<int, int> tangents, Dictionary<int, int> map, params int[] groups)
        {
            var paired = new List<int>();
            var offset = 0;
            foreach (var size in groups)
            {
                var values = ids.Skip(offset).Take(size).Select(id => map[id]).ToList();
                paired.AddRange(values);
                paired.AddRange(values.Select(v => tangents.TryGetValue(v, out var t) ? t : _b.Constant(0)));
                offset += size;
            }

            return paired.ToEquatableArray();
        }

        /// <summary>New ids for values defined by a statement, then for their tangents (an unused one stays unused).</summary>
        private EquatableArray<int> Fresh(IReadOnlyList<int> results, bool active) =>
            results.Concat(results).Select(r => r == ReverseLoop.Unused ? ReverseLoop.Unused : _b.NewValue(active)).ToEquatableArray();

        /// <summary>Maps each old id to its new value (the first half of <paramref name="fresh"/>), whose tangent is the second half.</summary>
        private static void Bind(IReadOnlyList<int> old, EquatableArray<int> fresh, Dictionary<int, int> map, Dictionary<int, int> tangents)
        {
            for (var j = 0; j < old.Count; j++)
            {
                if (old[j] != ReverseLoop.Unused)
                {
                    map[old[j]] = fresh[j];
                    tangents[fresh[j]] = fresh[old.Count + j];
                }
            }
        }

        /// <summary>
        /// Rebuilds a loop body (or test, or vector-Jacobian product) whose parameters come in
        /// <paramref name="parameterGroups"/> (each group followed by its tangents in the new body, then
        /// <paramref name="extraParameters"/> without tangents) and whose outputs are laid out the same way.
        /// </summary>
        private Program Rebuild(Program body, int[] parameterGroups, int extraParameters, int[] outputGroups, int extraOutputs)
        {
            var count = parameterGroups.Sum();
            var b = new GraphBuilder(2 * count + extraParameters, _b.IsFloat);
            var map = new Dictionary<int, int>();
            var tangents = new Dictionary<int, int>();
            var offset = 0;
            foreach (var size in parameterGroups)
            {
                for (var j = 0; j < size; j++)
                {
                    map[offset + j] = 2 * offset + j;
                    tangents[2 * offset + j] = 2 * offset + size + j;
                }

                offset += size;
            }

            for (var e = 0; e < extraParameters; e++)
            {
                map[count + e] = 2 * count + e;
            }

            new Sweep(b, _overReverse).Replay(body.Body, map, tangents);
            var outputs = new List<int>();
            offset = 0;
            foreach (var size in outputGroups)
            {
                var values = body.Outputs.Skip(offset).Take(size).Select(o => map[o]).ToList();
                outputs.AddRange(values);
                outputs.AddRange(values.Select(v => tangents.TryGetValue(v, out var t) ? t : b.Constant(0)));
                offset += size;
            }

            outputs.AddRange(body.Outputs.Skip(offset).Take(extraOutputs).Select(o => map[o]));
            return b.Build(outputs);
        }
    }
}
