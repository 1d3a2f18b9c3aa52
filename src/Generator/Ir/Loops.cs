using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Ir;

/// <summary>Questions about loops and element reads in a program.</summary>
internal static class Loops
{
    /// <summary>True when the program (outside or inside branches) has a loop, reads array elements or passes arguments other than scalars to a call.</summary>
    public static bool Contains(Program program) => Contains(program.Body);

    /// <summary>True when the program writes into an array or a gradient span (so it must run even if no value it defines is used).</summary>
    public static bool Writes(Program program) => Writes(program.Body);

    /// <summary>The arrays the program declares (local arrays and their derivative buffers), at any depth.</summary>
    public static System.Collections.Generic.IEnumerable<Alloc> Allocations(EquatableArray<Stmt> statements) => statements.SelectMany(s => s switch
    {
        Alloc alloc => new[] { alloc },
        If branch => Allocations(branch.Then).Concat(Allocations(branch.Else)),
        _ => Enumerable.Empty<Alloc>(),
    });

    /// <summary>True when the program reads an element of a differentiated array or span (outside or inside loops).</summary>
    public static bool ReadsActive(Program program) => ReadsActive(program.Body);

    private static bool Writes(EquatableArray<Stmt> statements) => statements.Any(s => s switch
    {
        Store => true,
        CallVjp call => call.Scatters,
        Loop loop => Writes(loop.Body.Body),
        ReverseLoop reverse => Writes(reverse.Vjp.Body),
        FusedLoop fused => Writes(fused.Vjp.Body),
        If branch => Writes(branch.Then) || Writes(branch.Else),
        _ => false,
    });

    private static bool ReadsActive(EquatableArray<Stmt> statements) => statements.Any(s => s switch
    {
        Let let => (let.Node.Op == Op.Load && let.Node.Index == 1) || let.Node.Shape.Any(a => a.Flows),
        Loop loop => ReadsActive(loop.Body.Body),
        If branch => ReadsActive(branch.Then) || ReadsActive(branch.Else),
        _ => false,
    });

    /// <summary>
    /// True when the loops nested in a loop with this body can keep their records on the method's stacks instead of
    /// being run again by the outer loop's reverse pass: they are all counted loops without break (their trip counts
    /// are known when they are reversed) and nothing in the nest writes a local array (which a rerun would refill).
    /// </summary>
    public static bool CanRecord(Program body) => HasNested(body) && Nested(body.Body).All(l => l.Test is null && !l.HasExit) && !Writes(body.Body);

    /// <summary>True when the body has a loop in it (at any depth).</summary>
    public static bool HasNested(Program body) => Nested(body.Body).Any();

    private static System.Collections.Generic.IEnumerable<Loop> Nested(EquatableArray<Stmt> statements) => statements.SelectMany(s => s switch
    {
        Loop loop => new[] { loop }.Concat(Nested(loop.Body.Body)),
        If branch => Nested(branch.Then).Concat(Nested(branch.Else)),
        _ => Enumerable.Empty<Loop>(),
    });

    /// <summary>True when value <paramref name="id"/> is read anywhere in the program (statements or outputs).</summary>
    public static bool Uses(Program program, int id) => program.Outputs.Contains(id) || Uses(program.Body, id);

    private static bool Uses(EquatableArray<Stmt> statements, int id) => statements.Any(s => s switch
    {
        Let let => let.Node.Args.Contains(id) || (let.Node.Cond is { } cond && Reads(cond, id)),
        If branch => Reads(branch.Cond, id) || Uses(branch.Then, id) || Uses(branch.Else, id) || branch.Phis.Any(p => p.Then == id || p.Else == id),
        Loop loop => loop.Inputs.Contains(id),
        ReverseLoop reverse => reverse.Seeds.Contains(id) || reverse.Inputs.Contains(id),
        FusedLoop fused => fused.Seeds.Contains(id) || fused.Inputs.Contains(id),
        Store store => store.Value == id,
        CallVjp call => call.Seed == id || call.Call == id,
        _ => false,
    });

    private static bool Reads(Cond cond, int id)
    {
        var found = false;
        cond.Visit(v => found |= v == id);
        return found;
    }

    private static bool Contains(EquatableArray<Stmt> statements) => statements.Any(s => s switch
    {
        Loop or ReverseLoop or FusedLoop or Store or Alloc or CallVjp => true,
        Let let => let.Node.Op is Op.Load or Op.IntValue or Op.Frozen || let.Node.Shape.Count > 0,
        If branch => Contains(branch.Then) || Contains(branch.Else),
        _ => false,
    });
}
