using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    // Measured on Zen 4 (AVX-512): a KC × NR panel of B of 16 KB stays in L1 next to the streamed A micro-panels.
    private const int KC = 128;
    private const long SmallWork = 16384;

    [ThreadStatic]
    private static T[]? s_packedA;

    [ThreadStatic]
    private static T[]? s_packedB;

    [ThreadStatic]
    private static T[]? s_edge;

    private static readonly bool s_use512 = Vector512.IsHardwareAccelerated && Avx512F.IsSupported;

    private static int MR => s_use512 ? 8 : 6;

    private static int NR => s_use512 ? 2 * Vector512<T>.Count : 2 * Vector256<T>.Count;

    private static int MC => MR * 32;

    private static int NC => NR * 32;

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

        if ((long)m * n * k <= SmallWork || m < 8 || n < 8 || k < 8 || !Vector256.IsHardwareAccelerated)
        {
            if (!accumulate)
            {
                c.Slice(0, m * n).Clear();
            }

            Small(transposeA, transposeB, m, n, k, a, b, c);
        }
        else
        {
            Blocked(transposeA, transposeB, m, n, k, a, b, c, accumulate);
        }
    }

    [ThreadStatic]
    private static T[]? s_smallA;

    [ThreadStatic]
    private static T[]? s_smallB;

    [ThreadStatic]
    private static T[]? s_smallC;

    private static Span<T> Scratch(ref T[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 1024)];
        }

        return buffer.AsSpan(0, length);
    }

    /// <summary>
    /// Small products: vectorized along the rows of B when N is wide enough (B transposed into scratch if
    /// needed), otherwise dot products along K (operands transposed into scratch so both are contiguous).
    /// </summary>
    private static void Small(bool transposeA, bool transposeB, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c)
    {
        if (n >= 8)
        {
            if (transposeB)
            {
                var bt = Scratch(ref s_smallB, k * n);
                Kernels<T>.Transpose(b.Slice(0, n * k), n, k, bt);
                b = bt;
            }

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

        if (m >= 8 && transposeA)
        {
            // Few columns, many rows, A stored [K, M]: Cᵀ = op(B)ᵀ·op(A)ᵀ is wide with contiguous rows of A; transpose the small result back.
            var ct = Scratch(ref s_smallC, n * m);
            Kernels<T>.Transpose(c.Slice(0, m * n), m, n, ct);
            Small(!transposeB, !transposeA, n, m, k, b, a, ct);
            Kernels<T>.Transpose(ct, n, m, c);
            return;
        }

        if (transposeA)
        {
            var at = Scratch(ref s_smallA, m * k);
            Kernels<T>.Transpose(a.Slice(0, k * m), k, m, at);
            a = at;
        }

        if (!transposeB)
        {
            var bt = Scratch(ref s_smallB, k * n);
            Kernels<T>.Transpose(b.Slice(0, k * n), k, n, bt);
            b = bt;
        }

        for (var i = 0; i < m; i++)
        {
            var rowA = a.Slice(i * k, k);
            for (var j = 0; j < n; j++)
            {
                c[(i * n) + j] += TensorPrimitives.Dot(rowA, b.Slice(j * k, k));
            }
        }
    }

    private static void Blocked(bool transposeA, bool transposeB, int m, int n, int k, ReadOnlySpan<T> a, ReadOnlySpan<T> b, Span<T> c, bool accumulate)
    {
        int mr = MR, nr = NR, mc = MC, nc = NC;
        var packedA = s_packedA ??= new T[mc * KC];
        var packedB = s_packedB ??= new T[KC * nc];
        var edge = (s_edge ??= new T[mr * nr]).AsSpan();
        for (var j0 = 0; j0 < n; j0 += nc)
        {
            var nBlock = Math.Min(nc, n - j0);
            for (var p0 = 0; p0 < k; p0 += KC)
            {
                var kBlock = Math.Min(KC, k - p0);
                var overwrite = p0 == 0 && !accumulate;
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
                            if (mTile == mr && nTile == nr)
                            {
                                Kernel(kBlock, ref panelA, ref panelB, ref c[((i0 + ir) * n) + j0 + jr], n, overwrite);
                            }
                            else
                            {
                                // Edge tile: compute a whole tile into scratch, then add the part that exists.
                                Kernel(kBlock, ref panelA, ref panelB, ref edge[0], nr, true);
                                for (var r = 0; r < mTile; r++)
                                {
                                    var row = c.Slice(((i0 + ir + r) * n) + j0 + jr, nTile);
                                    if (overwrite)
                                    {
                                        edge.Slice(r * nr, nTile).CopyTo(row);
                                    }
                                    else
                                    {
                                        TensorPrimitives.Add(row, edge.Slice(r * nr, nTile), row);
                                    }
                                }
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
        ref var source = ref MemoryMarshal.GetReference(a);
        var strips = (mBlock + mr - 1) / mr;
        for (var s = 0; s < strips; s++)
        {
            ref var dest = ref packed[s * kBlock * mr];
            var rows = Math.Min(mr, mBlock - (s * mr));
            if (rows < mr)
            {
                packed.AsSpan(s * kBlock * mr, kBlock * mr).Clear();
            }

            var firstRow = i0 + (s * mr);
            if (transposeA)
            {
                // A is stored [K, M]: the strip's rows at one k are contiguous.
                for (var p = 0; p < kBlock; p++)
                {
                    ref var from = ref Unsafe.Add(ref source, ((p0 + p) * m) + firstRow);
                    ref var to = ref Unsafe.Add(ref dest, p * mr);
                    if (rows == Vector256<T>.Count)
                    {
                        Vector256.LoadUnsafe(ref from).StoreUnsafe(ref to);
                        continue;
                    }

                    if (rows == Vector512<T>.Count && Vector512.IsHardwareAccelerated)
                    {
                        Vector512.LoadUnsafe(ref from).StoreUnsafe(ref to);
                        continue;
                    }

                    for (var r = 0; r < rows; r++)
                    {
                        Unsafe.Add(ref to, r) = Unsafe.Add(ref from, r);
                    }
                }
            }
            else if (typeof(T) == typeof(float) && rows == 8 && mr == 8 && Avx.IsSupported)
            {
                // Eight rows at a time: 8 × 8 blocks transposed in registers, stored as whole vectors.
                ref var from = ref Unsafe.As<T, float>(ref Unsafe.Add(ref source, (firstRow * k) + p0));
                ref var to = ref Unsafe.As<T, float>(ref dest);
                var p = 0;
                for (; p + 8 <= kBlock; p += 8)
                {
                    Transpose8x8(ref Unsafe.Add(ref from, p), k, ref Unsafe.Add(ref to, p * 8));
                }

                for (; p < kBlock; p++)
                {
                    for (var r = 0; r < 8; r++)
                    {
                        Unsafe.Add(ref to, (p * 8) + r) = Unsafe.Add(ref from, (r * k) + p);
                    }
                }
            }
            else
            {
                for (var r = 0; r < rows; r++)
                {
                    ref var from = ref Unsafe.Add(ref source, ((firstRow + r) * k) + p0);
                    ref var to = ref Unsafe.Add(ref dest, r);
                    for (var p = 0; p < kBlock; p++)
                    {
                        Unsafe.Add(ref to, p * mr) = Unsafe.Add(ref from, p);
                    }
                }
            }
        }
    }

    /// <summary>Writes the transpose of the 8 × 8 block at <paramref name="source"/> (row stride <paramref name="stride"/>) densely.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Transpose8x8(ref float source, int stride, ref float target)
    {
        var r0 = Vector256.LoadUnsafe(ref source);
        var r1 = Vector256.LoadUnsafe(ref source, (nuint)stride);
        var r2 = Vector256.LoadUnsafe(ref source, (nuint)(2 * stride));
        var r3 = Vector256.LoadUnsafe(ref source, (nuint)(3 * stride));
        var r4 = Vector256.LoadUnsafe(ref source, (nuint)(4 * stride));
        var r5 = Vector256.LoadUnsafe(ref source, (nuint)(5 * stride));
        var r6 = Vector256.LoadUnsafe(ref source, (nuint)(6 * stride));
        var r7 = Vector256.LoadUnsafe(ref source, (nuint)(7 * stride));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        var t4 = Avx.UnpackLow(r4, r5);
        var t5 = Avx.UnpackHigh(r4, r5);
        var t6 = Avx.UnpackLow(r6, r7);
        var t7 = Avx.UnpackHigh(r6, r7);
        var s0 = Avx.Shuffle(t0, t2, 0x44);
        var s1 = Avx.Shuffle(t0, t2, 0xEE);
        var s2 = Avx.Shuffle(t1, t3, 0x44);
        var s3 = Avx.Shuffle(t1, t3, 0xEE);
        var s4 = Avx.Shuffle(t4, t6, 0x44);
        var s5 = Avx.Shuffle(t4, t6, 0xEE);
        var s6 = Avx.Shuffle(t5, t7, 0x44);
        var s7 = Avx.Shuffle(t5, t7, 0xEE);
        Avx.Permute2x128(s0, s4, 0x20).StoreUnsafe(ref target);
        Avx.Permute2x128(s1, s5, 0x20).StoreUnsafe(ref target, 8);
        Avx.Permute2x128(s2, s6, 0x20).StoreUnsafe(ref target, 16);
        Avx.Permute2x128(s3, s7, 0x20).StoreUnsafe(ref target, 24);
        Avx.Permute2x128(s0, s4, 0x31).StoreUnsafe(ref target, 32);
        Avx.Permute2x128(s1, s5, 0x31).StoreUnsafe(ref target, 40);
        Avx.Permute2x128(s2, s6, 0x31).StoreUnsafe(ref target, 48);
        Avx.Permute2x128(s3, s7, 0x31).StoreUnsafe(ref target, 56);
    }

    /// <summary>Packs op(B)[p0.., j0..] into NR-column strips, k-major inside a strip, zero-padded to a whole strip.</summary>
    private static void PackB(bool transposeB, ReadOnlySpan<T> b, int n, int k, int p0, int kBlock, int j0, int nBlock, int nr, T[] packed)
    {
        ref var source = ref MemoryMarshal.GetReference(b);
        var strips = (nBlock + nr - 1) / nr;
        for (var s = 0; s < strips; s++)
        {
            ref var dest = ref packed[s * kBlock * nr];
            var cols = Math.Min(nr, nBlock - (s * nr));
            if (cols < nr)
            {
                packed.AsSpan(s * kBlock * nr, kBlock * nr).Clear();
            }

            var j = j0 + (s * nr);
            if (transposeB)
            {
                // B is stored [N, K]: each output column is a contiguous row of the source.
                for (var col = 0; col < cols; col++)
                {
                    ref var from = ref Unsafe.Add(ref source, ((j + col) * k) + p0);
                    ref var to = ref Unsafe.Add(ref dest, col);
                    for (var p = 0; p < kBlock; p++)
                    {
                        Unsafe.Add(ref to, p * nr) = Unsafe.Add(ref from, p);
                    }
                }
            }
            else
            {
                for (var p = 0; p < kBlock; p++)
                {
                    ref var from = ref Unsafe.Add(ref source, ((p0 + p) * n) + j);
                    ref var to = ref Unsafe.Add(ref dest, p * nr);
                    if (cols == 2 * Vector512<T>.Count && s_use512)
                    {
                        Vector512.LoadUnsafe(ref from).StoreUnsafe(ref to);
                        Vector512.LoadUnsafe(ref from, (nuint)Vector512<T>.Count).StoreUnsafe(ref to, (nuint)Vector512<T>.Count);
                    }
                    else if (cols == 2 * Vector256<T>.Count && !s_use512)
                    {
                        Vector256.LoadUnsafe(ref from).StoreUnsafe(ref to);
                        Vector256.LoadUnsafe(ref from, (nuint)Vector256<T>.Count).StoreUnsafe(ref to, (nuint)Vector256<T>.Count);
                    }
                    else
                    {
                        MemoryMarshal.CreateReadOnlySpan(ref from, cols).CopyTo(MemoryMarshal.CreateSpan(ref to, cols));
                    }
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Kernel(int kc, ref T a, ref T b, ref T c, int ldc, bool overwrite)
    {
        if (s_use512)
        {
            Kernel512(kc, ref a, ref b, ref c, ldc, overwrite);
        }
        else
        {
            Kernel256(kc, ref a, ref b, ref c, ldc, overwrite);
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
