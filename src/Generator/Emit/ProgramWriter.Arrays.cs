using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Emit;

/// <summary>Local arrays and their derivative buffers: on the stack when small, rented from the pool otherwise.</summary>
internal sealed partial class ProgramWriter
{
    /// <summary>
    /// Names every array's derivative buffer and allocates every array up front, with the locals that hold the buffers
    /// rented from the pool, so they are all returned at the end: an array of a branch (the rest of the method after
    /// a guard clause, whose forward and reverse code are two separate branches) must be seen by both.
    /// </summary>
    private void DeclareBuffers(Program program)
    {
        foreach (var span in GradientSpans)
        {
            _derivatives[span.Key] = span.Value;
        }

        foreach (var span in DirectionSpans)
        {
            _tangents[span.Key] = span.Value;
        }

        foreach (var span in ProductSpans)
        {
            _products[span.Key] = span.Value;
        }

        var all = Loops.Allocations(program.Body).ToList();
        var rents = new Dictionary<Alloc, string>();
        foreach (var alloc in all)
        {
            _derivatives[alloc.Array] = _names.Buffer(alloc.Array);
            if (alloc.Tangent)
            {
                _tangents[alloc.Array] = _names.Tangent(alloc.Array);
                _products[alloc.Array] = _names.Product(alloc.Array);
            }

            if (_generic is not null || !FitsOnStack(alloc.Length))
            {
                rents[alloc] = DeclareRent();
            }
        }

        // All of them, in order: a branch's array may take its length from an array declared before the branch.
        var topLevel = program.Body.OfType<Alloc>().ToList();
        foreach (var alloc in all)
        {
            // The guard that made a branch may be what keeps the length from being negative.
            var length = _names.Print(alloc.Length);
            WriteAlloc(Buffer(alloc.Array, alloc.Derivative, alloc.Tangent), topLevel.Contains(alloc) ? length : "global::System.Math.Max(0, " + length + ")",
                rents.TryGetValue(alloc, out var rent) ? rent : null);
        }
    }

    /// <summary>Declares a local for an array that may be rented from the pool, returned at the end of the method.</summary>
    private string DeclareRent()
    {
        var rent = _prefix + "pool" + Int(_rented.Count);
        _rented.Add(rent);
        _writer.Line(_type + "[]? " + rent + " = null;");
        return rent;
    }

    private static bool FitsOnStack(IntExpr length) => length is IntConstant { Value: <= StackTapeLength };

    /// <summary>
    /// A local array <paramref name="name"/> of <paramref name="length"/> elements, cleared unless <paramref name="clear"/>
    /// is false: on the stack (up to <see cref="StackTapeLength"/> elements when it may be rented into
    /// <paramref name="rent"/>), rented beyond that.
    /// </summary>
    private void WriteAlloc(string name, string length, string? rent, bool clear = true)
    {
        var declaration = "global::System.Span<" + _type + "> " + name + " = ";
        if (rent is null)
        {
            _writer.Line(declaration + "stackalloc " + _type + "[" + length + "];");
        }
        else
        {
            var rented = "new global::System.Span<" + _type + ">(" + rent + " = global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(" + length + "), 0, " + length + ")";
            _writer.Line(declaration + (_generic is null ? length + " <= " + Int(StackTapeLength) + " ? stackalloc " + _type + "[" + length + "] : " : "") + rented + ";");
        }

        // Pooled memory is not zeroed, and neither is the stack in a module with [SkipLocalsInit]; arrays and adjoint
        // buffers must start at zero (the user's new T[n] did).
        if (clear)
        {
            _writer.Line(name + ".Clear();");
        }
    }
}
