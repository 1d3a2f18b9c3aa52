using System.Collections.Generic;
using System.Linq;

namespace Leibniz.Generator.Ir;

/// <summary>The table functions of Leibniz.Elementary: Parse resolves calls to them, Emit writes calls to them.</summary>
internal static class ElementaryFunctions
{
    /// <summary>Each function's number of floating-point arguments.</summary>
    public static readonly Dictionary<string, int> Arity = new()
    {
        ["Cot"] = 1,
        ["Sec"] = 1,
        ["Csc"] = 1,
        ["Acot"] = 1,
        ["Coth"] = 1,
        ["Sech"] = 1,
        ["Csch"] = 1,
        ["Acoth"] = 1,
        ["Asec"] = 1,
        ["Acsc"] = 1,
        ["Asech"] = 1,
        ["Acsch"] = 1,
        ["Sigmoid"] = 1,
        ["Softplus"] = 1,
        ["Relu"] = 1,
        ["LeakyRelu"] = 2,
        ["Heaviside"] = 1,
        ["Sign"] = 1,
    };

    /// <summary>Their table names (Elementary.Sign is "ElementarySign": Math.Sign returns an int), which Emit calls on Leibniz.Elementary.</summary>
    public static readonly HashSet<string> Names = new(Arity.Keys.Where(k => k != "Sign")) { "ElementarySign" };
}
