using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Leibniz;

/// <summary>
/// Row-major C[M,N] (+)= op(A)·op(B): small products by direct loops, larger ones cache-blocked (B panels in L2,
/// A micro-panels streamed, a register-tiled FMA micro-kernel on packed, zero-padded panels).
/// </summary>
internal static partial class Gemm<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private const int KC = 256;
    private const long SmallWork = 16384;

    [ThreadStatic]
    private static T[]? s_packedA;

    [ThreadStatic]
    private static T[]? s_packedB;

    private static readonly bool s_use512 = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    private static int MR => s_use512 ? 8 : 6;

    private static int NR => s_use512 ? 2 * Vector512<T>.Count : 2 * Vector256<T>.Count;

    private static int MC => MR * 16;

    private static int NC => NR * 16;

    /// <summary>
    /// C = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>. A is stored [M,K] ([K,M] when
    /// <paramref name="transposeA"/>), B is stored [K,N] ([N,K] when <paramref name="transposeB"/>), all dense row-major.
    /// </summary>
    public static void Multiply(bool transposeA, bool transposeB, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        if (!accumulate)
        {
            c.Slice(0, m * n).Clear();
        }

        if (k == 0)
        {
            return;
        }

        if ((long)m * n * k <= SmallWork || !Vector256.IsHardwareAccelerated)
        {
            Small(transposeA, transposeB, m, n, k, a, b, c);
        }
        else
        {
            Blocked(transposeA, transposeB, m, n, k, a, b, c);
        }
    }

    private static void Small(bool transposeA, bool transposeB, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
    {
        if (!transposeB && n >= 16)
        {
            // C[i,:] += A[i,p] · B[p,:], vectorized along the contiguous row of B.
            for (var i = 0; i < m; i++)
            {
                var row = c.Slice(i * n, n);
                for (var p = 0; p < k; p++)
                {
                    var alpha = transposeA ? a[(p * m) + i] : a[(i * k) + p];
                    TensorPrimitives.MultiplyAdd(b.Slice(p * n, n), alpha, row, row);
                }
            }

            return;
        }

        if (transposeB && !transposeA && k >= 16)
        {
            // C[i,j] += A[i,:] · B[j,:], both rows contiguous.
            for (var i = 0; i < m; i++)
            {
                var rowA = a.Slice(i * k, k);
                for (var j = 0; j < n; j++)
                {
                    c[(i * n) + j] += TensorPrimitives.Dot(rowA, b.Slice(j * k, k));
                }
            }

            return;
        }

        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                var sum = T.Zero;
                for (var p = 0; p < k; p++)
                {
                    var x = transposeA ? a[(p * m) + i] : a[(i * k) + p];
                    var y = transposeB ? b[(j * k) + p] : b[(p * n) + j];
                    sum += x * y;
                }

                c[(i * n) + j] += sum;
            }
        }
    }

    private static void Blocked(bool transposeA, bool transposeB, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
    {
        int mr = MR, nr = NR, mc = MC, nc = NC;
        var packedA = s_packedA ??= new T[mc * KC];
        var packedB = s_packedB ??= new T[KC * nc];
        for (var j0 = 0; j0 < n; j0 += nc)
        {
            var nBlock = Math.Min(nc, n - j0);
            for (var p0 = 0; p0 < k; p0 += KC)
            {
                var kBlock = Math.Min(KC, k - p0);
                PackB(transposeB, b, n, k, p0, kBlock, j0, nBlock, nr, packedB);
                for (var i0 = 0; i0 < m; i0 += mc)
                {
                    var mBlock = Math.Min(mc, m - i0);
                    PackA(transposeA, a, m, k, i0, mBlock, p0, kBlock, mr, packedA);
                    for (var jr = 0; jr < nBlock; jr += nr)
                    {
                        var nTile = Math.Min(nr, nBlock - jr);
                        ref var panelB = ref packedB[(jr / nr) * kBlock * nr];
                        for (var ir = 0; ir < mBlock; ir += mr)
                        {
                            var mTile = Math.Min(mr, mBlock - ir);
                            ref var panelA = ref packedA[(ir / mr) * kBlock * mr];
                            ref var tile = ref c[((i0 + ir) * n) + j0 + jr];
                            if (s_use512)
                            {
                                Kernel512(kBlock, ref panelA, ref panelB, ref tile, n, mTile, nTile);
                            }
                            else
                            {
                                Kernel256(kBlock, ref panelA, ref panelB, ref tile, n, mTile, nTile);
                            }
                        }
                    }
                }
            }
        }
    }

    /// <summary>Packs op(A)[i0.., p0..] into MR-row strips, k-major inside a strip, zero-padded to a whole strip.</summary>
    private static void PackA(bool transposeA, ReadOnlySpan<T> a, int m, int k, int i0, int mBlock, int p0, int kBlock, int mr, T[] packed)
    {
        var strips = (mBlock + mr - 1) / mr;
        for (var s = 0; s < strips; s++)
        {
            var dest = packed.AsSpan(s * kBlock * mr, kBlock * mr);
            var rows = Math.Min(mr, mBlock - (s * mr));
            if (rows < mr)
            {
                dest.Clear();
            }

            for (var r = 0; r < rows; r++)
            {
                var i = i0 + (s * mr) + r;
                if (transposeA)
                {
                    for (var p = 0; p < kBlock; p++)
                    {
                        dest[(p * mr) + r] = a[((p0 + p) * m) + i];
                    }
                }
                else
                {
                    var row = a.Slice((i * k) + p0, kBlock);
                    for (var p = 0; p < kBlock; p++)
                    {
                        dest[(p * mr) + r] = row[p];
                    }
                }
            }
        }
    }

    /// <summary>Packs op(B)[p0.., j0..] into NR-column strips, k-major inside a strip, zero-padded to a whole strip.</summary>
    private static void PackB(bool transposeB, ReadOnlySpan<T> b, int n, int k, int p0, int kBlock, int j0, int nBlock, int nr, T[] packed)
    {
        var strips = (nBlock + nr - 1) / nr;
        for (var s = 0; s < strips; s++)
        {
            var dest = packed.AsSpan(s * kBlock * nr, kBlock * nr);
            var cols = Math.Min(nr, nBlock - (s * nr));
            if (cols < nr)
            {
                dest.Clear();
            }

            var j = j0 + (s * nr);
            if (transposeB)
            {
                for (var col = 0; col < cols; col++)
                {
                    var source = b.Slice(((j + col) * k) + p0, kBlock);
                    for (var p = 0; p < kBlock; p++)
                    {
                        dest[(p * nr) + col] = source[p];
                    }
                }
            }
            else
            {
                for (var p = 0; p < kBlock; p++)
                {
                    b.Slice(((p0 + p) * n) + j, cols).CopyTo(dest.Slice(p * nr, cols));
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<T> MulAdd(Vector512<T> a, Vector512<T> b, Vector512<T> c)
    {
        if (typeof(T) == typeof(float))
        {
            return Avx512F.FusedMultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
        }

        return Avx512F.FusedMultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<T> MulAdd(Vector256<T> a, Vector256<T> b, Vector256<T> c)
    {
        if (System.Runtime.Intrinsics.X86.Fma.IsSupported)
        {
            if (typeof(T) == typeof(float))
            {
                return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a.AsSingle(), b.AsSingle(), c.AsSingle()).As<float, T>();
            }

            return System.Runtime.Intrinsics.X86.Fma.MultiplyAdd(a.AsDouble(), b.AsDouble(), c.AsDouble()).As<double, T>();
        }

        return (a * b) + c;
    }
}
