using System.Collections.Generic;
using System.Linq;

namespace Leibniz.Generator.Model;

/// <summary>
/// A struct of numbers (a user struct of double or float fields, System.Numerics.Vector2/3/4 or Complex) as the
/// generated code sees it: the members that hold its fields, in layout order, and how to build one from them.
/// The derivative code works on the fields one by one; the signatures put them back together, so the gradient with
/// respect to a struct has the struct's own type (Swift's TangentVector, a JAX pytree).
/// </summary>
/// <param name="TypeText">The fully qualified type.</param>
/// <param name="Members">The readable member of each field, in layout order (X, Y, Z; Real, Imaginary).</param>
/// <param name="Positional">True: built by <c>new T(f0, f1, …)</c>; false: by an object initializer <c>new T { M0 = f0, … }</c>.</param>
/// <param name="ElementType">The fields' type: "double" or "float".</param>
internal sealed record StructShape(string TypeText, EquatableArray<string> Members, bool Positional, string ElementType)
{
    /// <summary>C# text that reads each field of <paramref name="instance"/> (an escaped name).</summary>
    public IEnumerable<string> Reads(string instance) => Members.Select(m => instance + "." + m);

    /// <summary>C# text that builds a value of the struct from the text of each field.</summary>
    public string Construct(IReadOnlyList<string> fields) => Positional
        ? "new " + TypeText + "(" + string.Join(", ", fields) + ")"
        : "new " + TypeText + " { " + string.Join(", ", Members.Select((m, i) => m + " = " + fields[i])) + " }";
}
