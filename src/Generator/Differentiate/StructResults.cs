using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// A method whose result is a struct has no gradient (JAX's grad and Swift's gradient need a scalar result) but a
/// vector-Jacobian product, <c>FVjp(…, seed)</c>: the gradient of the dot product of the seed with the result's
/// fields. So the primal is given one more output in front, Σ seedⱼ·fieldⱼ, where the seed's fields are read as
/// constants (<see cref="Op.Frozen"/> nodes of parameter −1, the seed, named by Emit); reverse mode differentiates that
/// output and passes the fields on.
/// </summary>
internal static class StructResults
{
    /// <summary>The parameter index of the seed in the <see cref="Op.Frozen"/> nodes that read its fields.</summary>
    public const int Seed = -1;

    /// <summary>The primal with outputs [Σ seedⱼ·fieldⱼ, field₀, field₁, …].</summary>
    public static Program Seeded(Program primal, StructShape result)
    {
        var next = System.Math.Max(primal.ParamCount, MaxId(primal.Body) + 1);
        var body = primal.Body.ToList();
        int Let(Node node)
        {
            body.Add(new Let(next, node));
            return next++;
        }

        var sum = -1;
        for (var j = 0; j < primal.Outputs.Count; j++)
        {
            var weight = Let(new Node(Op.Frozen, EquatableArray<int>.Empty, Name: result.Members[j], Index: Seed));
            var term = Let(Node.Of(Op.Mul, primal.Outputs[j], weight));
            sum = sum < 0 ? term : Let(Node.Of(Op.Add, sum, term));
        }

        return new Program(primal.ParamCount, body.ToEquatableArray(), new[] { sum }.Concat(primal.Outputs).ToEquatableArray());
    }

    /// <summary>The largest value id defined at the top level of a program (in its branches too; loop bodies number their own).</summary>
    private static int MaxId(IEnumerable<Stmt> statements) => statements.Select(s => s switch
    {
        Let let => let.Id,
        If branch => new[] { MaxId(branch.Then), MaxId(branch.Else) }.Concat(branch.Phis.Select(p => p.Id)).Max(),
        Loop loop => loop.Results.DefaultIfEmpty(-1).Max(),
        _ => -1,
    }).DefaultIfEmpty(-1).Max();
}
