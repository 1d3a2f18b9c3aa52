using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator.Emit;

/// <summary>Names in generated code: locals, buffers and escaped identifiers (the outputs' names are <see cref="Model.DerivativeNames"/>).</summary>
internal static class Naming
{
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
