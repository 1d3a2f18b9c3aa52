using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Emit;

/// <summary>Local arrays and their derivative buffers: on the stack when small, rented from the pool otherwise.</summary>
internal sealed partial class ProgramWriter
{
    /// <summary>
    /// Names every array's derivative buffer and declares, up front (a local array may be declared inside a branch),
    /// the locals that hold the buffers rented from the pool, so they are all returned at the end.
    /// </summary>
    private void DeclareBuffers(Program program)
    {
        foreach (var span in GradientSpans)
        {
            _derivatives[span.Key] = span.Value;
        }

        foreach (var alloc in Loops.Allocations(program.Body))
        {
            _derivatives[alloc.Array] = alloc.DerivativeArray;
            if (_generic is not null || !FitsOnStack(alloc.Length))
            {
                var rent = _prefix + "pool" + Int(_rented.Count);
                _rented.Add((alloc, rent));
                _writer.Line(_type + "[]? " + rent + " = null;");
            }
        }
    }

    private static bool FitsOnStack(string length) =>
        int.TryParse(length, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= StackTapeLength;

    /// <summary>A local array: on the stack up to <see cref="StackTapeLength"/> elements, rented (and cleared) beyond that.</summary>
    private void WriteAlloc(Alloc alloc)
    {
        var declaration = "global::System.Span<" + _type + "> " + alloc.Name + " = ";
        if (_rented.FirstOrDefault(r => r.Alloc == alloc).Rent is not { } rent)
        {
            _writer.Line(declaration + "stackalloc " + _type + "[" + alloc.Length + "];");
            return;
        }

        var rented = "new global::System.Span<" + _type + ">(" + rent + " = global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(" + alloc.Length + "), 0, " + alloc.Length + ")";
        _writer.Line(declaration + (_generic is null ? alloc.Length + " <= " + Int(StackTapeLength) + " ? stackalloc " + _type + "[" + alloc.Length + "] : " : "") + rented + ";");
        _writer.Line("if (" + rent + " is not null) " + alloc.Name + ".Clear();");
    }
}
