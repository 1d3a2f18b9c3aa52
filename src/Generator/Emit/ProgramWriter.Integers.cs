using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Emit;

/// <summary>
/// The integer locals that hold the current values of the user's changing int locals (see Parse's BodyLowering.Integers):
/// declared once at the top of the method, so that every index text naming them is in scope wherever a loop body,
/// its reverse or a mirrored branch uses it; each is assigned just before its uses in the same pass.
/// </summary>
internal sealed partial class ProgramWriter
{
    private void DeclareIntLocals(Program program)
    {
        var locals = new SortedDictionary<int, string>();
        CollectIntLocals(program.Body, locals);
        foreach (var local in locals)
        {
            _writer.Line("int " + _names.DeclareInteger(local.Key, local.Value) + " = 0;");
        }
    }

    private static void CollectIntLocals(IEnumerable<Stmt> statements, SortedDictionary<int, string> names)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let { Node: { Op: Op.IntValue, Name: { } name, Integer: IntLocal holder } }:
                    names[holder.Id] = name;
                    break;
                case If branch:
                    CollectIntLocals(branch.Then, names);
                    CollectIntLocals(branch.Else, names);
                    break;
                case Loop loop:
                    CollectIntLocals(loop.Body.Body, names);
                    if (loop.Test is { } test)
                    {
                        CollectIntLocals(test.Body, names);
                    }

                    break;
                case ReverseLoop reverse:
                    CollectIntLocals(reverse.Vjp.Body, names);
                    break;
                case FusedLoop fused:
                    CollectIntLocals(fused.Vjp.Body, names);
                    break;
            }
        }
    }

    /// <summary>Writes the value (a whole number held as a floating value) into its int local.</summary>
    private void WriteIntLocal(Let let)
    {
        var value = Text(let.Node.Args[0]);
        var converted = _generic is null ? "(int)(" + value + ")" : "int.CreateTruncating(" + value + ")";
        _writer.Line(_names.Print(let.Node.Integer!) + " = " + converted + ";");
        _text[let.Id] = value;
    }
}
