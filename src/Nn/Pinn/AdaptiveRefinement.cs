namespace Leibniz.Nn.Pinn;

/// <summary>
/// Residual-based adaptive refinement (RAR, as in DeepXDE): evaluate the residual at many candidate points and add
/// the ones where it is largest to the collocation points, where a plain sample is too thin (e.g. at a shock).
/// </summary>
public static class AdaptiveRefinement
{
    /// <summary>The <paramref name="count"/> candidate rows with the largest |residual|, largest first.</summary>
    /// <param name="candidates">[M, d] candidate points.</param>
    /// <param name="residual">The residual at each candidate, M elements (e.g. [M, 1]).</param>
    /// <param name="count">How many to pick, 1 ≤ count ≤ M.</param>
    public static Tensor Largest(Tensor candidates, Tensor residual, int count)
    {
        if (candidates.Rank != 2)
        {
            throw new ArgumentException($"The candidates must be a matrix [M, d], not shape [{string.Join(", ", candidates.Shape)}].", nameof(candidates));
        }

        var values = residual.ToArray();
        if (values.Length != candidates.Rows)
        {
            throw new ArgumentException($"The residual has {values.Length} values for {candidates.Rows} candidates.", nameof(residual));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(count, values.Length);
        var order = new int[values.Length];
        var keys = new double[values.Length];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
            keys[i] = double.IsNaN(values[i]) ? double.PositiveInfinity : -Math.Abs(values[i]);
        }

        Array.Sort(keys, order);
        using (Tensor.NoGrad())
        {
            return candidates.Detach().IndexRows(order.AsSpan(0, count));
        }
    }

    /// <summary>The collocation points with <paramref name="added"/> appended below them (a new tensor outside any graph).</summary>
    /// <param name="points">[N, d].</param>
    /// <param name="added">[K, d], same element type.</param>
    public static Tensor Append(Tensor points, Tensor added)
    {
        using (Tensor.NoGrad())
        {
            return Tensor.ConcatRows(points.Detach(), added.Detach());
        }
    }
}
