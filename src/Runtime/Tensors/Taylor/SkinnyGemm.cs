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

        for (var r = 0; r < rows; r++)
        {
            var xr = x.Slice(r * k, k);
            var yOffset = r * n;
            var withBias = r < biasRows && !bias.IsEmpty;
            for (var j = 0; j < n; j += w)
            {
                // The last vector may overlap the previous one; it recomputes the same values, so overwriting is safe.
                var jj = Math.Min(j, n - w);
                var acc = withBias ? Load(bias, jj) : Vector<T>.Zero;
                for (var p = 0; p < xr.Length; p++)
                {
                    acc += new Vector<T>(xr[p]) * Load(b, (p * n) + jj);
                }

                Store(acc, y, yOffset + jj);
            }
        }
    }

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

    /// <summary>g[n, k] (+)= Σᵣ a[r, :]ᵀ·x[r, :] for a [rows, n] and x [rows, k]: the weight gradient aᵀx.</summary>
    public static void TransposeTimes(ReadOnlySpan<T> a, int rows, int n, ReadOnlySpan<T> x, int k, Span<T> g, bool accumulate, Span<T> scratch)
    {
        var w = Width;
        if (k >= w || n < w)
        {
            if (!accumulate)
            {
                g.Slice(0, n * k).Clear();
            }

            OuterAccumulate(a, rows, n, x, k, g);
            return;
        }

        // Narrow inputs (k < vector width, e.g. the first layer's coordinates): accumulate gᵀ = xᵀa with vectors along n.
        var transposed = scratch.Slice(0, k * n);
        transposed.Clear();
        OuterAccumulate(x, rows, k, a, n, transposed);
        for (var i = 0; i < n; i++)
        {
            for (var p = 0; p < k; p++)
            {
                g[(i * k) + p] = accumulate ? g[(i * k) + p] + transposed[(p * n) + i] : transposed[(p * n) + i];
            }
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
