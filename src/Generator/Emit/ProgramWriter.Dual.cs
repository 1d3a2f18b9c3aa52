using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Leibniz.Generator.Ir;

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
    /// The top-level forward loops whose tangents nobody reads: untaped loops whose results reach only the value
    /// (output 0) and conditions — not a gradient output, a reverse loop, a scatter, a tape or a branch (branches
    /// are taken as needing everything they use). An accumulator loop such as a sum of squares is one; its
    /// reverse pass does not read it. They are written on doubles, which saves their tangent arithmetic.
    /// </summary>
    private IEnumerable<Loop> ValueOnlyLoops(Program program)
    {
        var needed = new HashSet<int>(program.Outputs.Skip(1));
        var body = program.Body;
        for (var s = body.Count - 1; s >= 0; s--)
        {
            switch (body[s])
            {
                case Let let when needed.Contains(let.Id):
                    needed.UnionWith(let.Node.Args);
                    break;
                case Loop loop when _tapes.Contains(loop.Tape) || loop.Results.Any(needed.Contains):
                    needed.UnionWith(loop.Inputs);
                    break;
                case ReverseLoop reverse:
                    needed.UnionWith(reverse.Seeds);
                    needed.UnionWith(reverse.Inputs);
                    break;
                case Scatter scatter:
                    needed.Add(scatter.Value);
                    break;
                case If branch:
                    MarkUses(branch, needed);
                    break;
            }
        }

        return body.OfType<Loop>().Where(loop => !_tapes.Contains(loop.Tape) && !loop.Results.Any(needed.Contains));
    }

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
            case Scatter scatter:
                needed.Add(scatter.Value);
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
        var plain = new ProgramWriter(_writer, false, _parameters, _prefix, _nextLocal, GradientSpans, _nested);
        plain._tapes.UnionWith(_tapes);
        plain._reversed.UnionWith(_reversed);
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
