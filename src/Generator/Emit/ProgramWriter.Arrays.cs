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

        var all = Loops.Allocations(program.Body).ToList();
        foreach (var alloc in all)
        {
            _derivatives[alloc.Array] = alloc.DerivativeArray;
            if (_generic is not null || !FitsOnStack(alloc.Length))
            {
                var rent = _prefix + "pool" + Int(_rented.Count);
                _rented.Add((alloc, rent));
                _writer.Line(_type + "[]? " + rent + " = null;");
            }
        }

        // All of them, in order: a branch's array may take its length from an array declared before the branch.
        var topLevel = program.Body.OfType<Alloc>().ToList();
        foreach (var alloc in all)
        {
            // The guard that made a branch may be what keeps the length from being negative.
            WriteAlloc(alloc, topLevel.Contains(alloc) ? alloc.Length : "global::System.Math.Max(0, " + alloc.Length + ")");
        }
    }

    private static bool FitsOnStack(string length) =>
        int.TryParse(length, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= StackTapeLength;

    /// <summary>
    /// A local array of <paramref name="length"/> (C# text; the array's own length when null), cleared unless
    /// <paramref name="clear"/> is false: on the stack up to <see cref="StackTapeLength"/> elements, rented beyond that.
    /// </summary>
    private void WriteAlloc(Alloc alloc, string? length = null, bool clear = true)
    {
        length ??= alloc.Length;
        var declaration = "global::System.Span<" + _type + "> " + alloc.Name + " = ";
        if (_rented.FirstOrDefault(r => r.Alloc == alloc).Rent is not { } rent)
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
            _writer.Line(alloc.Name + ".Clear();");
        }
    }
}
