using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Emit;

/// <summary>
/// Names in generated code. The derivative with respect to parameter <c>p</c> is named <c>d</c> + <c>p</c>
/// exactly as written (<c>x</c> → <c>dx</c>, <c>rate</c> → <c>drate</c>, <c>Rate</c> → <c>dRate</c>); if that
/// name is already a parameter name, more <c>d</c>s are prepended until it is free (<c>x</c>, <c>dx</c> →
/// <c>ddx</c>, <c>dddx</c>).
/// </summary>
internal static class Naming
{
    public static IReadOnlyList<string> DerivativeNames(IReadOnlyList<string> parameters)
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
    public static IReadOnlyList<string> SecondDerivativeNames(IReadOnlyList<string> parameters)
    {
        var names = DerivativeNames(parameters);
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

    /// <summary>A prefix for SSA locals that no parameter name can be confused with.</summary>
    public static string LocalPrefix(IEnumerable<string> parameters)
    {
        var all = parameters.ToList();
        var prefix = "t";
        while (all.Any(p => Regex.IsMatch(p, "^" + prefix + "[0-9]+$")))
        {
            prefix = "_" + prefix;
        }

        return prefix;
    }

    /// <summary>
    /// <paramref name="name"/>, or <c>_</c> + it (repeatedly) while it is taken; the result is added to
    /// <paramref name="taken"/>. Second-order directions (<c>v</c> + name) and products (<c>hv</c> + name) use it.
    /// </summary>
    public static string Free(string name, HashSet<string> taken)
    {
        while (taken.Contains(name))
        {
            name = "_" + name;
        }

        taken.Add(name);
        return name;
    }

    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
