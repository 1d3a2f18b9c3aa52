using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>Dead-code elimination: keeps only what the outputs need (and branches only if they still do something).</summary>
internal static class Liveness
{
    public static Program RemoveDeadCode(Program program)
    {
        var live = new HashSet<int>(program.Outputs);
        var body = Sweep(program.Body, live, new HashSet<int>());
        return program with { Body = body };
    }

    // tapes: the loops whose records a reverse loop later in the program pops. Shared with the branches, because a
    // loop in a branch is reversed in the mirrored branch that follows and must run (and push) even if its results
    // are unused.
    private static EquatableArray<Stmt> Sweep(EquatableArray<Stmt> statements, HashSet<int> live, HashSet<int> tapes)
    {
        var kept = new List<Stmt>();
        for (var i = statements.Count - 1; i >= 0; i--)
        {
            switch (statements[i])
            {
                // A changing int local's current value, written into the int local its C# index texts name.
                case Let let when live.Contains(let.Id) || let.Node is { Op: Op.IntValue, Name: not null }:
                    kept.Add(let);
                    foreach (var arg in let.Node.Args)
                    {
                        live.Add(arg);
                    }

                    let.Node.Cond?.Visit(id => live.Add(id));
                    break;
                case Store store:
                    kept.Add(store);
                    live.Add(store.Value);
                    break;
                case Alloc alloc:
                    kept.Add(alloc);
                    break;
                case CallVjp call when call.Scatters:
                    kept.Add(call);
                    live.Add(call.Seed);
                    live.Add(call.Call);
                    break;
                case ReverseLoop reverse when reverse.Results.Any(live.Contains) || Ir.Loops.Writes(reverse.Vjp):
                    kept.Add(reverse with
                    {
                        Results = reverse.Results.Select((result, j) => j >= reverse.CarriedCount && !live.Contains(result) ? ReverseLoop.Unused : result).ToEquatableArray(),
                    });
                    tapes.Add(reverse.Tape);
                    tapes.Add(reverse.Loop);
                    live.UnionWith(reverse.Seeds);
                    live.UnionWith(reverse.Inputs);
                    break;
                case FusedLoop fused when fused.Results.Any(live.Contains) || fused.Adjoints.Any(live.Contains) || Ir.Loops.Writes(fused.Vjp):
                    kept.Add(fused with { Vjp = Freeze(fused.Vjp, fused.CarriedCount, fused.Adjoints.Count, null, j => live.Contains(fused.Results[j])) });
                    live.UnionWith(fused.Inputs);
                    live.UnionWith(fused.Seeds);
                    break;
                case Loop { Restored: true } restored:
                    // Pops what the recording loop pushed, used or not, so the stack stays in step.
                    kept.Add(restored);
                    break;
                case Loop loop when loop.Record || loop.Results.Any(live.Contains) || tapes.Contains(loop.Tape) || Ir.Loops.Writes(loop.Body):
                    // A recorded loop's carried values are popped later, whether used or not.
                    kept.Add(loop.Record || tapes.Contains(loop.Tape)
                        ? loop
                        : loop with { Body = Freeze(loop.Body, loop.Results.Count, 0, loop.Test, j => live.Contains(loop.Results[j])) });
                    live.UnionWith(loop.Inputs);
                    break;
                case If branch:
                    var phis = branch.Phis.Where(p => live.Contains(p.Id)).ToList();
                    foreach (var phi in phis)
                    {
                        live.Add(phi.Then);
                        live.Add(phi.Else);
                    }

                    var then = Sweep(branch.Then, live, tapes);
                    var otherwise = Sweep(branch.Else, live, tapes);
                    if (phis.Count > 0 || then.Count > 0 || otherwise.Count > 0)
                    {
                        kept.Add(branch with { Then = then, Else = otherwise, Phis = phis.ToEquatableArray() });
                        branch.Cond.Visit(id => live.Add(id));
                    }

                    break;
            }
        }

        kept.Reverse();
        return kept.ToEquatableArray();
    }

    /// <summary>
    /// Freezes the carried values of a loop that nothing needs — not after the loop, not the other outputs of its body,
    /// not its test — by making the body hand each of them on unchanged, so that the work that computed them is dead
    /// (the writer then keeps such a value as its initial one). The value of a loop whose tangent is needed only
    /// inside it, say. The body's outputs are <paramref name="others"/> outputs that are always needed, then the
    /// <paramref name="carried"/> values (and, for a loop with a break, the flag, also always needed).
    /// </summary>
    private static Program Freeze(Program body, int carried, int others, Program? test, System.Func<int, bool> isLive)
    {
        var needed = new HashSet<int>(Enumerable.Range(0, carried).Where(isLive));
        if (needed.Count == carried)
        {
            return body;
        }

        var always = Enumerable.Range(0, others).Concat(Enumerable.Range(others + carried, body.Outputs.Count - others - carried)).ToList();
        while (true)
        {
            var probe = RemoveDeadCode(body with { Outputs = always.Concat(needed.Select(j => others + j)).Select(o => body.Outputs[o]).ToEquatableArray() });
            var used = Enumerable.Range(0, carried).Where(p => Ir.Loops.Uses(probe, p) || (test is not null && Ir.Loops.Uses(test, p))).ToList();
            if (used.All(needed.Contains))
            {
                break;
            }

            needed.UnionWith(used);
        }

        if (needed.Count == carried)
        {
            return body;
        }

        var outputs = body.Outputs.Select((o, i) => i >= others && i < others + carried && !needed.Contains(i - others) ? i - others : o).ToEquatableArray();
        return RemoveDeadCode(body with { Outputs = outputs });
    }
}
