using System.Numerics;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Leibniz.Symbolic;

/// <summary>
/// Sums and dot products in a fixed order. TensorPrimitives' reductions may group terms by the memory alignment of
/// their input, which differs between buffers and threads; the search must give the same bits for a seed on any
/// number of threads, so its reductions always start their vector lanes at index 0.
/// </summary>
internal static class Reductions
{
    public static double Sum(ReadOnlySpan<double> x)
    {
        var vectors = MemoryMarshal.Cast<double, Vector<double>>(x);
        var accumulator = Vector<double>.Zero;
        foreach (var v in vectors)
        {
            accumulator += v;
        }

        var sum = Vector.Sum(accumulator);
        for (var i = vectors.Length * Vector<double>.Count; i < x.Length; i++)
        {
            sum += x[i];
        }

        return sum;
    }

    public static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        // The normal equations of Levenberg–Marquardt are p²/2 of these: the widest vectors the machine has.
        if (Vector512.IsHardwareAccelerated)
        {
            return Dot512(x, y);
        }

        var vx = MemoryMarshal.Cast<double, Vector<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector<double>>(y[..x.Length]);
        var accumulator = Vector<double>.Zero;
        for (var i = 0; i < vx.Length; i++)
        {
            accumulator += vx[i] * vy[i];
        }

        var sum = Vector.Sum(accumulator);
        for (var i = vx.Length * Vector<double>.Count; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }

    private static double Dot512(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var vx = MemoryMarshal.Cast<double, Vector512<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector512<double>>(y[..x.Length]);
        var accumulator = Vector512<double>.Zero;
        for (var i = 0; i < vx.Length; i++)
        {
            accumulator += vx[i] * vy[i];
        }

        var sum = Vector512.Sum(accumulator);
        for (var i = vx.Length * Vector512<double>.Count; i < x.Length; i++)
        {
            sum += x[i] * y[i];
        }

        return sum;
    }
}
