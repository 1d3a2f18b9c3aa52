using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Leibniz;

/// <summary>
/// Products of a tall, narrow matrix (thousands of rows, a few dozen columns — a PINN layer applied to a stacked
/// jet) with a small one, one row at a time with SIMD vectors along the short dimension. The general GEMM pays a
/// call or a packing per row at these shapes; these loops pay neither.
/// </summary>
internal static class SkinnyGemm<T>
    where T : unmanaged, IFloatingPointIeee754<T>
{
    private static int Width => Vector<T>.Count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Load(ReadOnlySpan<T> span, int offset) =>
        Vector.LoadUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(Vector<T> value, Span<T> span, int offset) =>
        value.StoreUnsafe(ref MemoryMarshal.GetReference(span), (nuint)offset);

    /// <summary>
    /// y[r, :] = bias (rows below <paramref name="biasRows"/> only) + Σₚ x[r, p]·b[p, :], for x [rows, k] and b [k, n]
    /// row-major; with <paramref name="accumulate"/>, added to y instead (no bias).
    /// </summary>
    public static void RowsTimesMatrix(ReadOnlySpan<T> x, int rows, int k, ReadOnlySpan<T> b, int n, Span<T> y, bool accumulate, ReadOnlySpan<T> bias = default, int biasRows = 0)
    {
        var w = Width;
        if (n < w || accumulate)
        {
            RowsTimesMatrixScalarTail(x, rows, k, b, n, y, accumulate, bias, biasRows);
            return;
        }

        // Four rows at a time: four independent FMA chains per vector of B, so the loop is not bound by FMA latency.
        var r = 0;
        for (; r + 4 <= rows; r += 4)
        {
            var x0 = x.Slice(r * k, k);
            var x1 = x.Slice((r + 1) * k, k);
            var x2 = x.Slice((r + 2) * k, k);
            var x3 = x.Slice((r + 3) * k, k);
            for (var j = 0; j < n; j += w)
            {
                // The last vector may overlap the previous one; it recomputes the same values, so overwriting is safe.
                var jj = Math.Min(j, n - w);
                var acc0 = Start(bias, biasRows, r, jj);
                var acc1 = Start(bias, biasRows, r + 1, jj);
                var acc2 = Start(bias, biasRows, r + 2, jj);
                var acc3 = Start(bias, biasRows, r + 3, jj);
                for (var p = 0; p < k; p++)
                {
                    var bp = Load(b, (p * n) + jj);
                    acc0 += new Vector<T>(x0[p]) * bp;
                    acc1 += new Vector<T>(x1[p]) * bp;
                    acc2 += new Vector<T>(x2[p]) * bp;
                    acc3 += new Vector<T>(x3[p]) * bp;
                }

                Store(acc0, y, (r * n) + jj);
                Store(acc1, y, ((r + 1) * n) + jj);
                Store(acc2, y, ((r + 2) * n) + jj);
                Store(acc3, y, ((r + 3) * n) + jj);
            }
        }

        for (; r < rows; r++)
        {
            var xr = x.Slice(r * k, k);
            for (var j = 0; j < n; j += w)
            {
                var jj = Math.Min(j, n - w);
                var acc = Start(bias, biasRows, r, jj);
                for (var p = 0; p < k; p++)
                {
                    acc += new Vector<T>(xr[p]) * Load(b, (p * n) + jj);
                }

                Store(acc, y, (r * n) + jj);
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector<T> Start(ReadOnlySpan<T> bias, int biasRows, int row, int offset) =>
        row < biasRows && !bias.IsEmpty ? Load(bias, offset) : Vector<T>.Zero;

    private static void RowsTimesMatrixScalarTail(ReadOnlySpan<T> x, int rows, int k, ReadOnlySpan<T> b, int n, Span<T> y, bool accumulate, ReadOnlySpan<T> bias, int biasRows)
    {
        var w = Width;
        var vectorEnd = n - (n % w);
        for (var r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * k, k);
            var yOffset = r * n;
            var withBias = r < biasRows && !bias.IsEmpty;
            for (var j = 0; j < vectorEnd; j += w)
            {
                var acc = accumulate ? Load(y, yOffset + j) : withBias ? Load(bias, j) : Vector<T>.Zero;
                for (var p = 0; p < xr.Length; p++)
                {
                    acc += new Vector<T>(xr[p]) * Load(b, (p * n) + j);
                }

                Store(acc, y, yOffset + j);
            }

            for (var j = vectorEnd; j < n; j++)
            {
                var sum = accumulate ? y[yOffset + j] : withBias ? bias[j] : T.Zero;
                for (var p = 0; p < xr.Length; p++)
                {
                    sum += xr[p] * b[(p * n) + j];
                }

                y[yOffset + j] = sum;
            }
        }
    }

    /// <summary>y[r, j] = bias[j] (rows below <paramref name="biasRows"/>) + x[r, :]·w[j, :], for x [rows, k] and w [n, k]: few outputs.</summary>
    public static void RowsDotRows(ReadOnlySpan<T> x, int rows, int k, ReadOnlySpan<T> weight, int n, Span<T> y, ReadOnlySpan<T> bias, int biasRows)
    {
        var w = Width;
        var vectorEnd = k - (k % w);
        for (var r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * k, k);
            for (var j = 0; j < n; j++)
            {
                var wj = weight.Slice(j * k, k);
                var acc = Vector<T>.Zero;
                for (var p = 0; p < vectorEnd; p += w)
                {
                    acc += Load(xr, p) * Load(wj, p);
                }

                var sum = Vector.Sum(acc);
                for (var p = vectorEnd; p < k; p++)
                {
                    sum += xr[p] * wj[p];
                }

                y[(r * n) + j] = r < biasRows && !bias.IsEmpty ? sum + bias[j] : sum;
            }
        }
    }

    /// <summary>
    /// g[n, k] (+)= Σᵣ a[r, :]ᵀ·x[r, :] for a [rows, n] and x [rows, k]: the weight gradient aᵀx, summed over all rows
    /// in registers. <paramref name="scratch"/> holds n·k elements.
    /// </summary>
    public static void TransposeTimes(ReadOnlySpan<T> a, int rows, int n, ReadOnlySpan<T> x, int k, Span<T> g, bool accumulate, Span<T> scratch)
    {
        var w = Width;
        var product = scratch.Slice(0, n * k);
        if (k >= w)
        {
            OuterSum(a, rows, n, x, k, accumulate ? product : g.Slice(0, n * k));
            if (accumulate)
            {
                System.Numerics.Tensors.TensorPrimitives.Add(g.Slice(0, n * k), product, g.Slice(0, n * k));
            }

            return;
        }

        if (n >= w)
        {
            // Narrow inputs (e.g. the first layer's coordinates): gᵀ = xᵀa with vectors along n, then transposed.
            OuterSum(x, rows, k, a, n, product);
            for (var i = 0; i < n; i++)
            {
                for (var p = 0; p < k; p++)
                {
                    g[(i * k) + p] = accumulate ? g[(i * k) + p] + product[(p * n) + i] : product[(p * n) + i];
                }
            }

            return;
        }

        if (!accumulate)
        {
            g.Slice(0, n * k).Clear();
        }

        OuterAccumulate(a, rows, n, x, k, g);
    }

    /// <summary>g[n, k] = Σᵣ a[r, :]ᵀ·x[r, :] for k ≥ the vector width: four rows of g at a time, each a register chain over all r.</summary>
    private static void OuterSum(ReadOnlySpan<T> a, int rows, int n, ReadOnlySpan<T> x, int k, Span<T> g)
    {
        var w = Width;
        if (k > 2 * w && k <= 4 * w && n % 2 == 0)
        {
            OuterSumWide(a, rows, n, x, k, g);
            return;
        }

        var i = 0;
        for (; i + 4 <= n; i += 4)
        {
            for (var j = 0; j < k; j += w)
            {
                // An overlapping last vector recomputes the same sums, so overwriting is safe.
                var jj = Math.Min(j, k - w);
                Vector<T> acc0 = Vector<T>.Zero, acc1 = Vector<T>.Zero, acc2 = Vector<T>.Zero, acc3 = Vector<T>.Zero;
                for (var r = 0; r < rows; r++)
                {
                    var xr = Load(x, (r * k) + jj);
                    var ar = a.Slice((r * n) + i, 4);
                    acc0 += new Vector<T>(ar[0]) * xr;
                    acc1 += new Vector<T>(ar[1]) * xr;
                    acc2 += new Vector<T>(ar[2]) * xr;
                    acc3 += new Vector<T>(ar[3]) * xr;
                }

                Store(acc0, g, (i * k) + jj);
                Store(acc1, g, ((i + 1) * k) + jj);
                Store(acc2, g, ((i + 2) * k) + jj);
                Store(acc3, g, ((i + 3) * k) + jj);
            }
        }

        for (; i < n; i++)
        {
            for (var j = 0; j < k; j += w)
            {
                var jj = Math.Min(j, k - w);
                var acc = Vector<T>.Zero;
                for (var r = 0; r < rows; r++)
                {
                    acc += new Vector<T>(a[(r * n) + i]) * Load(x, (r * k) + jj);
                }

                Store(acc, g, (i * k) + jj);
            }
        }
    }

    /// <summary>g[j] += Σᵣ a[r, j] over the first <paramref name="rows"/> rows of a [·, n] (the bias gradient).</summary>
    public static void AddColumnSums(ReadOnlySpan<T> a, int rows, int n, Span<T> g)
    {
        var w = Width;
        var vectorEnd = n - (n % w);
        for (var j = 0; j < vectorEnd; j += w)
        {
            var acc = Vector<T>.Zero;
            for (var r = 0; r < rows; r++)
            {
                acc += Load(a, (r * n) + j);
            }

            Store(Load(g, j) + acc, g, j);
        }

        for (var j = vectorEnd; j < n; j++)
        {
            var sum = T.Zero;
            for (var r = 0; r < rows; r++)
            {
                sum += a[(r * n) + j];
            }

            g[j] += sum;
        }
    }

    /// <summary>
    /// <see cref="OuterSum"/> for 2 &lt; k/width ≤ 4 (layers 17–32 floats wide): two rows of g and every vector of a
    /// row of x per register tile, so each row of x is loaded once per pair of outputs instead of once per output.
    /// </summary>
    private static void OuterSumWide(ReadOnlySpan<T> a, int rows, int n, ReadOnlySpan<T> x, int k, Span<T> g)
    {
        var w = Width;
        int j1 = w, j2 = Math.Min(2 * w, k - w), j3 = Math.Min(3 * w, k - w);
        for (var i = 0; i < n; i += 2)
        {
            Vector<T> a0 = Vector<T>.Zero, a1 = Vector<T>.Zero, a2 = Vector<T>.Zero, a3 = Vector<T>.Zero;
            Vector<T> b0 = Vector<T>.Zero, b1 = Vector<T>.Zero, b2 = Vector<T>.Zero, b3 = Vector<T>.Zero;
            for (var r = 0; r < rows; r++)
            {
                var offset = r * k;
                var s0 = new Vector<T>(a[(r * n) + i]);
                var s1 = new Vector<T>(a[(r * n) + i + 1]);
                var x0 = Load(x, offset);
                var x1 = Load(x, offset + j1);
                var x2 = Load(x, offset + j2);
                var x3 = Load(x, offset + j3);
                a0 += s0 * x0;
                a1 += s0 * x1;
                a2 += s0 * x2;
                a3 += s0 * x3;
                b0 += s1 * x0;
                b1 += s1 * x1;
                b2 += s1 * x2;
                b3 += s1 * x3;
            }

            // With three vectors per row j3 equals j2 and the last two stores write the same sums.
            var row0 = i * k;
            var row1 = (i + 1) * k;
            Store(a0, g, row0);
            Store(a1, g, row0 + j1);
            Store(a2, g, row0 + j2);
            Store(a3, g, row0 + j3);
            Store(b0, g, row1);
            Store(b1, g, row1 + j1);
            Store(b2, g, row1 + j2);
            Store(b3, g, row1 + j3);
        }
    }

    /// <summary>g[n, k] += Σᵣ a[r, :]ᵀ·x[r, :], vectors along k.</summary>
    private static void OuterAccumulate(ReadOnlySpan<T> a, int rows, int n, ReadOnlySpan<T> x, int k, Span<T> g)
    {
        var w = Width;
        var vectorEnd = k - (k % w);
        for (var r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * k, k);
            var ar = a.Slice(r * n, n);
            for (var i = 0; i < n; i++)
            {
                var ai = ar[i];
                if (ai == T.Zero)
                {
                    continue;
                }

                var gOffset = i * k;
                var scale = new Vector<T>(ai);
                for (var j = 0; j < vectorEnd; j += w)
                {
                    Store(Load(g, gOffset + j) + (scale * Load(xr, j)), g, gOffset + j);
                }

                for (var j = vectorEnd; j < k; j++)
                {
                    g[gOffset + j] += ai * xr[j];
                }
            }
        }
    }
}
