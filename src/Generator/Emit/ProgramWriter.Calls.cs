using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// Calls to [Differentiable] methods with array, integer or [NoDerivative] parameters. Where the program is swept
/// afterwards, the callee's gradient is called instead of the callee (a scratch buffer per differentiated array
/// parameter, one set per call site, so it still holds the array gradients when the sweep reaches the call) and the
/// sweep adds seed × scratch into the caller's derivative buffer of each array. The Jvp passes the caller's tangent
/// buffer of each array, or a zeroed scratch buffer for an array without one (shared by every call: read only).
/// Scratch buffers are declared once at the top of the method: on the stack up to <see cref="StackTapeLength"/>
/// elements, rented beyond.
/// </summary>
internal sealed partial class ProgramWriter
{
    /// <summary>
    /// The scratch buffers of each gradient call (by statement: the same call site written twice runs twice, one
    /// after the other), and the zeroed ones of each length (a Jvp call passing one data array twice may need two).
    /// </summary>
    private readonly Scratch _scratch;

    /// <summary>The scratch buffers of the gradient calls this writer wrote, by value id (for their <see cref="CallVjp"/>).</summary>
    private readonly Dictionary<int, List<string>> _callScratch = new();

    /// <summary>The texts of the value and partials of each gradient call written in the span form, by value id.</summary>
    private readonly Dictionary<int, List<string>> _callResults = new();

    /// <summary>Declares the scratch buffers the calls of <paramref name="program"/> need, at any depth.</summary>
    private void DeclareScratch(Program program)
    {
        var zeros = new Dictionary<IntExpr, int>();
        var swept = new HashSet<int>(TopLevelCallVjps(program.Body));
        foreach (var (let, arrays) in ScratchUses(program.Body))
        {
            if (let.Node.Op == Op.GradientCall)
            {
                // A direct array is written straight into the caller's gradient span, but only when the reverse sweep
                // scales it afterwards (a call whose value gets no adjoint must leave the span at zero).
                var direct = swept.Contains(let.Id);
                _scratch.Calls[let] = arrays.Select(a => a.Direct && direct ? _derivatives[a.Array!] : DeclareScratchBuffer(a.Length!, clear: false)).ToList();
                continue;
            }

            foreach (var group in arrays.GroupBy(a => a.Length!))
            {
                zeros[group.Key] = System.Math.Max(zeros.TryGetValue(group.Key, out var count) ? count : 0, group.Count());
            }
        }

        foreach (var entry in zeros)
        {
            _scratch.Zeros[entry.Key] = Enumerable.Range(0, entry.Value).Select(_ => DeclareScratchBuffer(entry.Key, clear: true)).ToList();
        }
    }

    /// <summary>
    /// A scratch buffer: <paramref name="clear"/> for the zero tangents of arrays without one; not for a gradient call's
    /// buffers, which the callee clears before it writes them.
    /// </summary>
    private string DeclareScratchBuffer(IntExpr length, bool clear)
    {
        var name = _prefix + "scratch" + Int(_scratch.Count++);
        WriteAlloc(name, _names.Print(length), _generic is not null || !FitsOnStack(length) ? DeclareRent() : null, clear);
        return name;
    }

    /// <summary>
    /// The gradient calls swept by a <see cref="CallVjp"/> in the method's own program (its branches, not its loop
    /// bodies, whose ids are their own): the only ones whose arrays may be <see cref="CallArg.Direct"/>.
    /// </summary>
    private static IEnumerable<int> TopLevelCallVjps(EquatableArray<Stmt> statements) => statements.SelectMany(s => s switch
    {
        CallVjp vjp => new[] { vjp.Call },
        If branch => TopLevelCallVjps(branch.Then).Concat(TopLevelCallVjps(branch.Else)),
        _ => Enumerable.Empty<int>(),
    });

    /// <summary>Every call statement that needs scratch buffers, with the arrays it needs them for.</summary>
    private static IEnumerable<(Let Call, List<CallArg> Arrays)> ScratchUses(EquatableArray<Stmt> statements) => statements.SelectMany(s => s switch
    {
        Let { Node: { Op: Op.GradientCall, Shape.Count: > 0 } node } let => new[] { (let, node.Shape.Where(a => a.Kind == ArgKind.Array && a.Differentiated).ToList()) },
        Let { Node: { Op: Op.JvpCall, Shape.Count: > 0 } node } let => new[] { (let, node.Shape.Where(a => a.Kind == ArgKind.Array && a.Differentiated && !a.Active).ToList()) },
        If branch => ScratchUses(branch.Then).Concat(ScratchUses(branch.Else)),
        Loop loop => ScratchUses(loop.Body.Body).Concat(loop.Test is { } test ? ScratchUses(test.Body) : Enumerable.Empty<(Let, List<CallArg>)>()),
        ReverseLoop reverse => ScratchUses(reverse.Vjp.Body),
        FusedLoop fused => ScratchUses(fused.Vjp.Body),
        _ => Enumerable.Empty<(Let, List<CallArg>)>(),
    });

    /// <summary>The type argument list of a call to a generic-math callee: the caller's own type parameter.</summary>
    private string TypeArguments(Node node) => node.Generic ? "<" + _generic + ">" : "";

    /// <summary>The primal arguments of a call with a shape, in the callee's parameter order.</summary>
    private List<string> ShapedArguments(Node node)
    {
        var scalar = 0;
        return node.Shape.Select(a => a.Kind switch
        {
            ArgKind.Scalar => Text(node.Args[scalar++]),
            ArgKind.Integer => _names.Print(a.Integer!),
            _ => _names.Array(a.Array!),
        }).ToList();
    }

    /// <summary><c>var t = CalleeJvp(arguments…, tangents…)</c>: the tangent of every parameter the callee differentiates.</summary>
    private void WriteShapedJvpCall(Let let)
    {
        var node = let.Node;
        var arguments = ShapedArguments(node);
        var used = new Dictionary<IntExpr, int>();
        var tangent = node.Shape.Count(a => a.Kind == ArgKind.Scalar);
        foreach (var argument in node.Shape.Where(a => a.Differentiated))
        {
            if (argument.Kind == ArgKind.Scalar)
            {
                arguments.Add(Text(node.Args[tangent++]));
            }
            else if (argument.Active)
            {
                arguments.Add(_derivatives[argument.Array!]);
            }
            else
            {
                used[argument.Length!] = used.TryGetValue(argument.Length!, out var count) ? count + 1 : 1;
                arguments.Add(_scratch.Zeros[argument.Length!][count]);
            }
        }

        _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Jvp" + TypeArguments(node) + "(" + string.Join(", ", arguments) + ");");
    }

    /// <summary>
    /// The callee's gradient: with a differentiated array parameter it returns the value and writes one output per
    /// differentiated parameter (a scratch buffer per array, <c>out var</c> per scalar, read by the projections);
    /// otherwise it returns the tuple of the value and the scalar partials.
    /// </summary>
    private void WriteShapedGradientCall(Let let)
    {
        var node = let.Node;
        var scratch = _scratch.Calls[let];
        _callScratch[let.Id] = scratch;
        if (scratch.Count == 0)
        {
            _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Gradient" + TypeArguments(node) + "(" + string.Join(", ", ShapedArguments(node)) + ");");
            return;
        }

        var value = Declare(let.Id);
        var results = new List<string> { value };
        var outputs = new List<string>();
        var next = 0;
        foreach (var argument in node.Shape.Where(a => a.Differentiated))
        {
            if (argument.Kind == ArgKind.Array)
            {
                outputs.Add(scratch[next++]);
            }
            else
            {
                var partial = Fresh();
                results.Add(partial);
                outputs.Add("out var " + partial);
            }
        }

        _callResults[let.Id] = results;
        _writer.Line("var " + value + " = " + node.Name + "Gradient" + TypeArguments(node) + "(" + string.Join(", ", ShapedArguments(node).Concat(outputs)) + ");");
    }

    /// <summary>
    /// Adds seed × the scratch buffer of each array argument into the caller's derivative buffer of that array (or
    /// scales a gradient span the callee wrote directly).
    /// </summary>
    private void WriteCallVjp(CallVjp vjp)
    {
        var scratch = _callScratch[vjp.Call];
        var seed = Text(vjp.Seed);
        var factor = _generic is null && seed == Literals.Format(1, _isFloat) ? "" : seed + " * ";
        var next = 0;
        foreach (var argument in vjp.Shape.Where(a => a.Kind == ArgKind.Array && a.Differentiated))
        {
            var buffer = scratch[next++];
            var target = argument.Flows ? _derivatives[argument.Array!] : null;
            if (target is null || (buffer == target && factor.Length == 0))
            {
                continue;
            }

            // A direct array already holds the callee's gradient, which only needs the seed.
            var i = Fresh();
            _writer.Open("for (int " + i + " = 0; " + i + " < " + buffer + ".Length; " + i + "++)");
            _writer.Line(buffer == target ? target + "[" + i + "] *= " + seed + ";" : target + "[" + i + "] += " + factor + buffer + "[" + i + "];");
            _writer.Close();
        }
    }

    /// <summary>The scratch buffers of one method, shared by the writers of its loop bodies.</summary>
    private sealed class Scratch
    {
        /// <summary>The buffers of each gradient call statement, one per differentiated array parameter of the callee.</summary>
        public Dictionary<Let, List<string>> Calls { get; } = new(new ByReference());

        /// <summary>The zeroed, read-only buffers of each length that Jvp calls pass as the tangent of data.</summary>
        public Dictionary<IntExpr, List<string>> Zeros { get; } = new();

        /// <summary>How many buffers are declared (for their names).</summary>
        public int Count { get; set; }

        private sealed class ByReference : IEqualityComparer<Let>
        {
            public bool Equals(Let? x, Let? y) => ReferenceEquals(x, y);

            public int GetHashCode(Let obj) => System.Runtime.CompilerServices.RuntimeHelpers.GetHashCode(obj);
        }
    }
}
