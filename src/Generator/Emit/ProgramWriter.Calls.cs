using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// Calls to [Differentiable] methods with array, integer or [NoDerivative] parameters. The reverse pass calls the
/// callee's gradient with a scratch buffer per differentiated array parameter and adds seed × scratch into the
/// caller's derivative buffer of the array; the Jvp passes the caller's tangent buffer of each array (a zeroed scratch
/// buffer for an array without one). Scratch buffers are declared once at the top of the method — on the stack up to
/// <see cref="StackTapeLength"/> elements, rented beyond — and shared by every call that needs one of that length:
/// each is used only from the callee's gradient to the end of its scatter, or read as zeros.
/// </summary>
internal sealed partial class ProgramWriter
{
    /// <summary>For each length text, the scratch buffers of that length (a call passing one array twice needs two).</summary>
    private readonly Dictionary<string, List<string>> _scratch;

    /// <summary>Declares the scratch buffers the calls of <paramref name="program"/> need, at any depth.</summary>
    private void DeclareScratch(Program program)
    {
        var needed = new Dictionary<string, int>();
        foreach (var arrays in ScratchUses(program.Body))
        {
            foreach (var group in arrays.GroupBy(a => a.Length!))
            {
                needed[group.Key] = System.Math.Max(needed.TryGetValue(group.Key, out var count) ? count : 0, group.Count());
            }
        }

        foreach (var entry in needed)
        {
            var names = _scratch[entry.Key] = new List<string>();
            for (var j = 0; j < entry.Value; j++)
            {
                var alloc = new Alloc(_prefix + "scratch" + Int(_scratch.Values.Sum(n => n.Count)), "", entry.Key, Derivative: false);
                names.Add(alloc.Name);
                if (_generic is not null || !FitsOnStack(alloc.Length))
                {
                    var rent = _prefix + "pool" + Int(_rented.Count);
                    _rented.Add((alloc, rent));
                    _writer.Line(_type + "[]? " + rent + " = null;");
                }

                WriteAlloc(alloc);
            }
        }
    }

    /// <summary>For every call that needs scratch buffers, the arrays it needs them for.</summary>
    private static IEnumerable<List<CallArg>> ScratchUses(EquatableArray<Stmt> statements) => statements.SelectMany(s => s switch
    {
        CallVjp vjp => new[] { vjp.Call.Shape.Where(a => a.Kind == ArgKind.Array && a.Differentiated).ToList() },
        Let { Node: { Op: Op.JvpCall, Shape.Count: > 0 } node } => new[] { node.Shape.Where(a => a.Kind == ArgKind.Array && a.Differentiated && !a.Active).ToList() },
        If branch => ScratchUses(branch.Then).Concat(ScratchUses(branch.Else)),
        Loop loop => ScratchUses(loop.Body.Body).Concat(loop.Test is { } test ? ScratchUses(test.Body) : Enumerable.Empty<List<CallArg>>()),
        ReverseLoop reverse => ScratchUses(reverse.Vjp.Body),
        FusedLoop fused => ScratchUses(fused.Vjp.Body),
        _ => Enumerable.Empty<List<CallArg>>(),
    });

    /// <summary>The next scratch buffer of <paramref name="length"/> not yet used by the current call.</summary>
    private string Scratch(string length, Dictionary<string, int> used)
    {
        used[length] = used.TryGetValue(length, out var count) ? count + 1 : 1;
        return _scratch[length][count];
    }

    /// <summary>The primal arguments of a call with a shape, in the callee's parameter order.</summary>
    private List<string> ShapedArguments(Node node)
    {
        var scalar = 0;
        return node.Shape.Select(a => a.Kind switch
        {
            ArgKind.Scalar => Text(node.Args[scalar++]),
            _ => a.Text!,
        }).ToList();
    }

    /// <summary><c>var t = CalleeJvp(arguments…, tangents…)</c>: the tangent of every parameter the callee differentiates.</summary>
    private void WriteShapedJvpCall(Let let)
    {
        var node = let.Node;
        var arguments = ShapedArguments(node);
        var used = new Dictionary<string, int>();
        var tangent = node.Shape.Count(a => a.Kind == ArgKind.Scalar);
        foreach (var argument in node.Shape.Where(a => a.Differentiated))
        {
            arguments.Add(argument.Kind == ArgKind.Scalar ? Text(node.Args[tangent++])
                : argument.Active ? _derivatives[argument.Text!] : Scratch(argument.Length!, used));
        }

        _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Jvp(" + string.Join(", ", arguments) + ");");
    }

    /// <summary>
    /// The callee's gradient at the call's arguments, then seed × each array gradient added into the caller's
    /// derivative buffer and seed × each scalar partial into the statement's results.
    /// </summary>
    private void WriteCallVjp(CallVjp vjp)
    {
        var node = vjp.Call;
        var arguments = ShapedArguments(node);
        var spanForm = node.Shape.Any(a => a.Kind == ArgKind.Array && a.Differentiated);
        var used = new Dictionary<string, int>();
        var partials = new string?[node.Args.Count];
        var scatters = new List<(CallArg Array, string Scratch)>();
        var (scalar, differentiatedScalars) = (0, 0);
        var outputs = new List<string>();
        foreach (var argument in node.Shape)
        {
            if (argument.Kind == ArgKind.Scalar)
            {
                if (argument.Differentiated)
                {
                    partials[scalar] = spanForm ? Fresh() : Int(differentiatedScalars + 2);
                    outputs.Add("out var " + partials[scalar]);
                    differentiatedScalars++;
                }

                scalar++;
            }
            else if (argument.Kind == ArgKind.Array && argument.Differentiated)
            {
                var scratch = Scratch(argument.Length!, used);
                outputs.Add(scratch);
                if (argument.Flows)
                {
                    scatters.Add((argument, scratch));
                }
            }
        }

        var gradient = node.Name + "Gradient(" + string.Join(", ", spanForm ? arguments.Concat(outputs) : arguments) + ");";
        if (spanForm)
        {
            _writer.Line("_ = " + gradient);
        }
        else
        {
            var tuple = Fresh();
            _writer.Line("var " + tuple + " = " + gradient);
            for (var k = 0; k < partials.Length; k++)
            {
                partials[k] = partials[k] is { } item ? tuple + ".Item" + item : null;
            }
        }

        var seed = Text(vjp.Seed);
        var factor = _generic is null && seed == Literals.Format(1, _isFloat) ? "" : seed + " * ";
        foreach (var (array, scratch) in scatters)
        {
            var i = Fresh();
            _writer.Open("for (int " + i + " = 0; " + i + " < " + scratch + ".Length; " + i + "++)");
            _writer.Line(_derivatives[array.Text!] + "[" + i + "] += " + factor + scratch + "[" + i + "];");
            _writer.Close();
        }

        for (var k = 0; k < vjp.Results.Count; k++)
        {
            if (vjp.Results[k] >= 0)
            {
                _writer.Line(_type + " " + Declare(vjp.Results[k]) + " = " + factor + partials[k] + ";");
            }
        }
    }
}
