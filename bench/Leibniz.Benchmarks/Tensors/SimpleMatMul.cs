using System.Numerics.Tensors;

namespace Leibniz.Benchmarks.Tensors;

/// <summary>
/// The matrix multiply a user writes in five lines: row-major i-k-j order with a SIMD inner loop
/// (TensorPrimitives), no blocking. The baseline that shows what cache blocking and register tiling buy.
/// </summary>
public static class SimpleMatMul
{
    /// <summary>c = a·b for square n×n row-major matrices.</summary>
    public static void Multiply(float[] a, float[] b, float[] c, int n)
    {
        Array.Clear(c, 0, n * n);
        for (var i = 0; i < n; i++)
        {
            var row = c.AsSpan(i * n, n);
            for (var k = 0; k < n; k++)
            {
                TensorPrimitives.MultiplyAdd(b.AsSpan(k * n, n), a[i * n + k], row, row);
            }
        }
    }
}
