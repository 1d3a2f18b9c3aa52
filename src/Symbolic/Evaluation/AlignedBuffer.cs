namespace Leibniz.Symbolic;

/// <summary>
/// A pinned array whose usable part starts on a 64-byte boundary. TensorPrimitives groups elements into vectors by the
/// destination's alignment, and a vector holding an out-of-range element takes a scalar fallback (exp, sin of large
/// arguments), so the last bit of a result could depend on where the GC put the buffer; with every node slot aligned
/// the grouping, and the search's results, are the same in every run and on every thread.
/// </summary>
internal sealed class AlignedBuffer
{
    private readonly double[] _array;
    private readonly int _offset;

    public unsafe AlignedBuffer(int length)
    {
        _array = GC.AllocateArray<double>(length + 8, pinned: true);
        fixed (double* start = _array)
        {
            _offset = (int)((64 - ((nuint)start % 64)) % 64 / sizeof(double));
        }

        Length = length;
    }

    public int Length { get; }

    public Span<double> Slice(int start, int length) => _array.AsSpan(_offset + start, length);
}
