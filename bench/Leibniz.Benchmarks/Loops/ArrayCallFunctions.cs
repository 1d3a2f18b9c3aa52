namespace Leibniz.Benchmarks.Loops;

/// <summary>
/// A method that calls a [Differentiable] span helper, and the same method with the helper's loop written inline;
/// the generator adds <c>{Name}Gradient</c> and <c>{Name}Jvp</c> to this class.
/// </summary>
public static partial class ArrayCallFunctions
{
    /// <summary>The dot product, as a reusable helper.</summary>
    [Differentiable]
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return s;
    }

    /// <summary>A logistic loss of the mean margin a·b/n, through <see cref="Dot"/>.</summary>
    [Differentiable]
    public static double Margin(ReadOnlySpan<double> a, ReadOnlySpan<double> b) => Math.Log(1 + Math.Exp(-Dot(a, b) / a.Length));

    /// <summary><see cref="Margin"/> with the loop of <see cref="Dot"/> written inline.</summary>
    [Differentiable]
    public static double MarginInlined(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return Math.Log(1 + Math.Exp(-s / a.Length));
    }

    /// <summary>
    /// <see cref="Margin"/> plus a term that reads a and b outside the call, so the call's array gradients go through
    /// scratch buffers added into da and db (the general case) instead of being written into them directly.
    /// </summary>
    [Differentiable]
    public static double MarginShared(ReadOnlySpan<double> a, ReadOnlySpan<double> b) =>
        Math.Log(1 + Math.Exp(-Dot(a, b) / a.Length)) + 1e-3 * a[0] * b[0];

    /// <summary><see cref="MarginShared"/> with the loop of <see cref="Dot"/> written inline.</summary>
    [Differentiable]
    public static double MarginSharedInlined(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var s = 0.0;
        for (int i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }

        return Math.Log(1 + Math.Exp(-s / a.Length)) + 1e-3 * a[0] * b[0];
    }
}
