namespace Leibniz;

/// <summary>Element-type dispatch for kernels called with a node of either type.</summary>
internal static class Kernels
{
    public static void Fill(TensorNode node, double value)
    {
        if (node.DType == DType.Float32)
        {
            node.Span<float>().Fill((float)value);
        }
        else
        {
            node.Span<double>().Fill(value);
        }
    }
}
