using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// Forward mode: the primal and its tangent in one pass, in the same branches. Parameters 0..n-1 are the
/// primal arguments and n..2n-1 their tangents; a value without a tangent entry has tangent zero.
/// </summary>
/// <remarks>
/// Over a primal program (a Jvp) an array's tangent is its derivative buffer. Over a gradient program (forward over
/// reverse: the Hessian-vector product) arrays already have derivative buffers, so tangents go into buffers of their
/// own (<see cref="Store.Tangent"/>, loads 3 and 4), and loops, their tapes, reverse loops and calls carry tangents too.
/// </remarks>
internal static partial class ForwardMode
{
    /// <summary>Outputs: the value, then the tangent (for several outputs, the fields of a struct result: all values, then all tangents).</summary>
    public static Program Build(Program primal, bool isFloat)
    {
        var n = primal.ParamCount;
        var b = new GraphBuilder(2 * n, isFloat);
        var map = new Dictionary<int, int>();
        var tangents = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            map[i] = i;
            tangents[i] = n + i;
        }

        new Sweep(b, overReverse: false).Replay(primal.Body, map, tangents);
        var outputs = primal.Outputs.Select(o => map[o]).ToList();
        return b.Build(outputs.Concat(outputs.Select(o => tangents.TryGetValue(o, out var t) ? t : b.Constant(0)).ToList()));
    }

    /// <summary>
    /// Forward over reverse: differentiates a gradient program (outputs: value, then ∂/∂ of every parameter) in the
    /// direction of parameters n..2n−1. Outputs: the value, the gradient, then the Hessian-vector product.
    /// </summary>
    public static Program BuildHvp(Program gradient, bool isFloat)
    {
        var n = gradient.ParamCount;
        var b = new GraphBuilder(2 * n, isFloat);
        var map = new Dictionary<int, int>();
        var tangents = new Dictionary<int, int>();
        for (var i = 0; i < n; i++)
        {
            map[i] = i;
            tangents[i] = n + i;
        }

        new Sweep(b, overReverse: true).Replay(gradient.Body, map, tangents);
        var outputs = gradient.Outputs.Select(o => map[o]).ToList();
        var products = outputs.Skip(1).Select(g => tangents.TryGetValue(g, out var t) ? t : b.Constant(0)).ToList();
        return b.Build(outputs.Concat(products));
    }

    /// <summary>
    /// The full Hessian of a straight-line gradient, one forward-over-reverse sweep per parameter (shared work is merged
    /// by the builder). Outputs: the value, the gradient, then the upper triangle row by row (H₀₀, H₀₁, …, H₁₁, …).
    /// </summary>
    public static Program BuildHessian(Program gradient, bool isFloat)
    {
        var n = gradient.ParamCount;
        var b = new GraphBuilder(n, isFloat);
        var columns = new List<List<int>>();
        List<int>? outputs = null;
        for (var j = 0; j < n; j++)
        {
            var map = new Dictionary<int, int>();
            for (var i = 0; i < n; i++)
            {
                map[i] = i;
            }

            var tangents = new Dictionary<int, int> { [j] = b.Constant(1) };
            new Sweep(b, overReverse: true).Replay(gradient.Body, map, tangents);
            outputs ??= gradient.Outputs.Select(o => map[o]).ToList();
            columns.Add(gradient.Outputs.Skip(1).Select(o => tangents.TryGetValue(map[o], out var t) ? t : b.Constant(0)).ToList());
        }

        var triangle = new List<int>();
        for (var i = 0; i < n; i++)
        {
            for (var j = i; j < n; j++)
            {
                triangle.Add(columns[j][i]);
            }
        }

        return b.Build(outputs!.Concat(triangle));
    }
}
