using System.Collections.Generic;

namespace Leibniz.Generator.Model;

/// <summary>
/// The names of the derivative outputs, part of the generated API (and of a [DerivativeOf] method's tuple). The
/// derivative with respect to parameter <c>p</c> is named <c>d</c> + <c>p</c> exactly as written (<c>x</c> → <c>dx</c>,
/// <c>rate</c> → <c>drate</c>, <c>Rate</c> → <c>dRate</c>); if that name is already a parameter name, more <c>d</c>s
/// are prepended until it is free (<c>x</c>, <c>dx</c> → <c>ddx</c>, <c>dddx</c>).
/// </summary>
internal static class DerivativeNames
{
    /// <summary>The derivative output of each parameter, in order.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<string> parameters)
    {
        var taken = new HashSet<string>(parameters);
        var names = new List<string>();
        foreach (var parameter in parameters)
        {
            var name = "d" + parameter;
            while (taken.Contains(name))
            {
                name = "d" + name;
            }

            taken.Add(name);
            names.Add(name);
        }

        return names;
    }

    /// <summary>
    /// The names of the Hessian's upper triangle, row by row, from the derivative names (<c>dxdx</c>, <c>dxdy</c>,
    /// <c>dydy</c>): the shape of <c>FHessian</c>'s tuple and of a second-order <c>[DerivativeOf]</c> method's.
    /// </summary>
    public static IReadOnlyList<string> SecondOrder(IReadOnlyList<string> parameters)
    {
        var names = Of(parameters);
        var pairs = new List<string>();
        for (var i = 0; i < names.Count; i++)
        {
            for (var j = i; j < names.Count; j++)
            {
                pairs.Add(names[i] + names[j]);
            }
        }

        return pairs;
    }
}
