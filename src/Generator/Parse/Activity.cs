using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Parse;

/// <summary>Which values depend on a parameter (only those need derivatives).</summary>
internal static class Activity
{
    public static HashSet<int> ActiveValues(Program program)
    {
        var active = new HashSet<int>(Enumerable.Range(0, program.ParamCount));
        Visit(program.Body, active);
        return active;
    }

    public static bool IsOutputActive(Program program) => program.Outputs.Any(ActiveValues(program).Contains);

    private static void Visit(IEnumerable<Stmt> statements, HashSet<int> active)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let let when let.Node.Op != Op.Param && let.Node.Args.Any(active.Contains):
                    active.Add(let.Id);
                    break;
                case Let { Node: { Op: Op.Load, Index: 1 } } load:
                    active.Add(load.Id);
                    break;
                case Let call when call.Node.Shape.Any(a => a.Flows):
                    active.Add(call.Id);
                    break;
                case Loop loop when loop.Inputs.Any(active.Contains) || Loops.ReadsActive(loop.Body):
                    active.UnionWith(loop.Results);
                    break;
                case If branch:
                    Visit(branch.Then, active);
                    Visit(branch.Else, active);
                    foreach (var phi in branch.Phis)
                    {
                        if (active.Contains(phi.Then) || active.Contains(phi.Else))
                        {
                            active.Add(phi.Id);
                        }
                    }

                    break;
            }
        }
    }
}
