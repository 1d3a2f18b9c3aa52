using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>The parts of <see cref="ProgramWriter"/> that write a gradient program on Leibniz.Dual (second order).</summary>
internal sealed partial class ProgramWriter
{
    /// <summary>
    /// A table function on Dual values. Most are public members of Dual; the few that Dual implements only
    /// explicitly (as generic-math interface members) are written out: their value from Math, their tangent
    /// from the same derivative table the generator uses (step functions have tangent zero).
    /// </summary>
    private string DualCall(Node node, string args)
    {
        var a = node.Args.Select(id => AsDual(Text(id))).ToList();
        string Value(int i) => a[i] + ".Value";
        string Tangent(int i) => a[i] + ".Tangent";
        return node.Name switch
        {
            "LogBase" => DualType + ".Log(" + args + ")",
            "Sign" => "(double)global::System.Math.Sign(" + Value(0) + ")",
            "ElementarySign" => DualType + ".Sign(" + args + ")",
            "Round" or "Floor" or "Ceiling" or "Truncate" => "global::System.Math." + node.Name + "(" + Value(0) + ")",
            "ScaleB" => "new " + DualType + "(global::System.Math.ScaleB(" + Value(0) + ", " + Int(node.Index) + "), global::System.Math.ScaleB(" + Tangent(0) + ", " + Int(node.Index) + "))",
            "FusedMultiplyAdd" => "new " + DualType + "(global::System.Math.FusedMultiplyAdd(" + Value(0) + ", " + Value(1) + ", " + Value(2) + "), "
                + Tangent(0) + " * " + Value(1) + " + " + Value(0) + " * " + Tangent(1) + " + " + Tangent(2) + ")",
            "Clamp" => "(" + Value(0) + " < " + Value(1) + " ? " + a[1] + " : " + Value(0) + " > " + Value(2) + " ? " + a[2] + " : " + a[0] + ")",
            var name => DualType + "." + name + "(" + args + ")",
        };
    }

    /// <summary>
    /// An element read: of a differentiated array parameter, the value with its direction's element as tangent;
    /// of [NoDerivative] data a double; of a local array or a derivative buffer, whatever it holds (Duals).
    /// </summary>
    private void WriteDualLoad(Let let)
    {
        var node = let.Node;
        if (node.Index != 2 && DirectionSpans.TryGetValue(node.Array!, out var direction))
        {
            var index = _names.Print(node.Integer!);
            _writer.Line(DualType + " " + Declare(let.Id) + " = new " + DualType + "(" + _names.Array(node.Array!) + "[" + index + "], " + direction + "[" + index + "]);");
            return;
        }

        _writer.Line("var " + Declare(let.Id) + " = " + Element(node) + ";");
    }

    /// <summary>For each call to another [Differentiable] method, its value and partial derivatives as Dual locals.</summary>
    private readonly Dictionary<int, List<string>> _calls = new();

    /// <summary>
    /// A call to another [Differentiable] method (an Order = 2 one): its Hvp at the arguments' values, in the
    /// direction of their tangents, gives the value with tangent ∇f·ȧ and every partial derivative with tangent (H·ȧ)ₖ.
    /// A call with a second-order [DerivativeOf] derivative gets the same from the value, gradient and Hessian it returns.
    /// </summary>
    private void WriteDualCall(Let let)
    {
        var node = let.Node;
        var arguments = node.Args.Select(id => AsDual(Text(id))).ToList();
        var m = arguments.Count;
        var call = Fresh();
        var values = arguments.Select(a => ElementCast + a + ".Value");
        var tangents = arguments.Select(a => ElementCast + a + ".Tangent");
        var custom = node.Derivative is not null;
        _writer.Line("var " + call + " = " + (custom ? node.Derivative + "(" + string.Join(", ", values) : node.Name + "Hvp(" + string.Join(", ", values.Concat(tangents))) + ");");
        string Item(int index) => call + ".Item" + (index + 1).ToString(CultureInfo.InvariantCulture);
        var slope = string.Join(" + ", arguments.Select((a, k) => Item(1 + k) + " * " + a + ".Tangent"));
        var locals = new List<string> { Fresh() };
        _writer.Line(DualType + " " + locals[0] + " = new " + DualType + "(" + Item(0) + ", " + slope + ");");
        for (var k = 0; k < m; k++)
        {
            // A custom second-order derivative returns the Hessian's upper triangle: (H·ȧ)ₖ is summed here.
            var product = custom
                ? string.Join(" + ", arguments.Select((a, j) => Item(1 + m + UpperTriangleIndex(System.Math.Min(k, j), System.Math.Max(k, j), m)) + " * " + a + ".Tangent"))
                : Item(1 + m + k);
            locals.Add(Fresh());
            _writer.Line(DualType + " " + locals[k + 1] + " = new " + DualType + "(" + Item(1 + k) + ", " + product + ");");
        }

        _calls[let.Id] = locals;
    }

    /// <summary>The position of entry (i, j), i ≤ j, in the upper triangle of an m×m matrix stored row by row.</summary>
    private static int UpperTriangleIndex(int i, int j, int m) => i * m - i * (i - 1) / 2 + (j - i);

    /// <summary>An element adjoint of a differentiated array parameter: its value into the gradient span, its tangent into the product span.</summary>
    private void WriteDualStore(Store store)
    {
        var element = Fresh();
        var operation = store.Accumulate ? " += " : " = ";
        _writer.Line(DualType + " " + element + " = " + Text(store.Value) + ";");
        var index = _names.Print(store.Index);
        _writer.Line(_derivatives[store.Array] + "[" + index + "]" + operation + ElementCast + element + ".Value;");
        _writer.Line(ProductSpans[store.Array] + "[" + index + "]" + operation + ElementCast + element + ".Tangent;");
    }

    /// <summary>
    /// The top-level forward loops whose tangents nobody reads: untaped loops whose results reach only the value
    /// (output 0) and conditions — not a gradient output, a reverse loop, an array element, a tape, a record or a
    /// branch (branches are taken as needing everything they use) — and that neither write an array nor read a
    /// local one (a local array holds Duals: its elements' tangents may be needed elsewhere). An accumulator loop
    /// such as a sum of squares is one; its reverse pass does not read it. They are written on doubles, which
    /// saves their tangent arithmetic.
    /// </summary>
    private IEnumerable<Loop> ValueOnlyLoops(Program program)
    {
        bool IsValueOnly(Loop loop) => !_tapes.Contains(loop.Tape) && !Records(loop) && !Loops.Writes(loop.Body) && !ReadsLocal(loop.Body.Body);
        var needed = new HashSet<int>(program.Outputs.Skip(1));
        var body = program.Body;
        for (var s = body.Count - 1; s >= 0; s--)
        {
            switch (body[s])
            {
                case Let let when needed.Contains(let.Id):
                    needed.UnionWith(let.Node.Args);
                    break;
                case Loop loop when !IsValueOnly(loop) || loop.Results.Any(needed.Contains):
                    needed.UnionWith(loop.Inputs);
                    break;
                case ReverseLoop or FusedLoop or Store or If:
                    MarkUses(body[s], needed);
                    break;
            }
        }

        return body.OfType<Loop>().Where(loop => IsValueOnly(loop) && !loop.Results.Any(needed.Contains));
    }

    /// <summary>True when the statements read an element of a local array or of a derivative buffer (which hold Duals).</summary>
    private static bool ReadsLocal(EquatableArray<Stmt> statements) => statements.Any(s => s switch
    {
        Let let => let.Node.Op == Op.Load && (let.Node.Index == 2 || let.Node.Array!.Local),
        Loop loop => ReadsLocal(loop.Body.Body) || (loop.Test is { } test && ReadsLocal(test.Body)),
        If branch => ReadsLocal(branch.Then) || ReadsLocal(branch.Else),
        _ => false,
    });

    private static bool Records(Loop loop) => loop.Record || loop.Restored || Records(loop.Body.Body);

    private static bool Records(EquatableArray<Stmt> statements) => statements.Any(s => s switch
    {
        Loop loop => Records(loop),
        If branch => Records(branch.Then) || Records(branch.Else),
        _ => false,
    });

    private static void MarkUses(Stmt statement, HashSet<int> needed)
    {
        switch (statement)
        {
            case Let let:
                needed.UnionWith(let.Node.Args);
                break;
            case If branch:
                foreach (var inner in branch.Then.Concat(branch.Else))
                {
                    MarkUses(inner, needed);
                }

                needed.UnionWith(branch.Phis.SelectMany(p => new[] { p.Then, p.Else }));
                break;
            case Loop loop:
                needed.UnionWith(loop.Inputs);
                break;
            case ReverseLoop reverse:
                needed.UnionWith(reverse.Seeds);
                needed.UnionWith(reverse.Inputs);
                break;
            case FusedLoop fused:
                needed.UnionWith(fused.Seeds);
                needed.UnionWith(fused.Inputs);
                break;
            case Store store:
                needed.Add(store.Value);
                break;
        }
    }

    /// <summary>
    /// In Dual mode: true when the reverse loop hands carried adjoint <paramref name="j"/> on unchanged (the adjoint
    /// of an accumulator). It then keeps the type of its seed — a constant seed stays a double instead of a Dual
    /// whose zero tangent every iteration would multiply.
    /// </summary>
    private bool IsPassedThrough(ReverseLoop reverse, int j) =>
        _dual && j < reverse.CarriedCount && reverse.Vjp.Outputs[j] == reverse.CarriedCount + reverse.Inputs.Count + j;

    /// <summary>Writes a value-only loop with a double writer: Dual inputs enter by their value, results are doubles.</summary>
    private void WriteOnDoubles(Loop loop)
    {
        var plain = new ProgramWriter(_writer, false, _parameters, _prefix, _nextLocal, _derivatives, _scratch, _stacks, _nested) { Names = _names };
        plain._tapes.UnionWith(_tapes);
        plain._reversed.UnionWith(_reversed);
        plain._mirrored.UnionWith(_mirrored);
        foreach (var input in loop.Inputs)
        {
            var text = Text(input);
            plain._text[input] = double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) ? text : AsDual(text) + ".Value";
        }

        plain.WriteLoop(loop);
        foreach (var result in loop.Results)
        {
            _text[result] = plain._text[result];
        }
    }
}
