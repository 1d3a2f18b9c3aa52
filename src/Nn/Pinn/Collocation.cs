namespace Leibniz.Nn.Pinn;

/// <summary>
/// Collocation points in a box [lower, upper] ⊂ ℝᵈ, as an [N, d] tensor: independent uniform draws, a Latin
/// hypercube (each of N equal slices of every axis holds one point), or the Sobol low-discrepancy sequence.
/// </summary>
public static class Collocation
{
    /// <summary>N independent uniform points.</summary>
    /// <param name="count">N ≥ 1.</param>
    /// <param name="lower">The box's lower corner.</param>
    /// <param name="upper">The box's upper corner (each coordinate &gt; lower's).</param>
    /// <param name="random">The source of randomness.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Uniform(int count, double[] lower, double[] upper, Random random, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        var d = CheckBox(count, lower, upper);
        var data = new double[count * d];
        for (var i = 0; i < count; i++)
        {
            for (var c = 0; c < d; c++)
            {
                data[(i * d) + c] = lower[c] + ((upper[c] - lower[c]) * random.NextDouble());
            }
        }

        return Tensor.FromArray(data, count, d, dtype);
    }

    /// <summary>N points of a Latin hypercube: per axis, one point in each of N equal slices, slices shuffled independently.</summary>
    /// <param name="count">N ≥ 1.</param>
    /// <param name="lower">The box's lower corner.</param>
    /// <param name="upper">The box's upper corner.</param>
    /// <param name="random">The source of randomness.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor LatinHypercube(int count, double[] lower, double[] upper, Random random, DType dtype = DType.Float32)
    {
        ArgumentNullException.ThrowIfNull(random);
        var d = CheckBox(count, lower, upper);
        var data = new double[count * d];
        var slices = new int[count];
        for (var c = 0; c < d; c++)
        {
            for (var i = 0; i < count; i++)
            {
                slices[i] = i;
            }

            random.Shuffle(slices);
            for (var i = 0; i < count; i++)
            {
                var unit = (slices[i] + random.NextDouble()) / count;
                data[(i * d) + c] = lower[c] + ((upper[c] - lower[c]) * unit);
            }
        }

        return Tensor.FromArray(data, count, d, dtype);
    }

    /// <summary>
    /// The first N points of the (unscrambled) Sobol sequence, starting with the corner point, in up to
    /// <see cref="SobolSequence.MaxDimensions"/> dimensions (Joe–Kuo direction numbers, Gray-code order; the same
    /// points as SciPy's <c>qmc.Sobol(d, scramble=False)</c>).
    /// </summary>
    /// <param name="count">N ≥ 1 (a power of two keeps the balance properties).</param>
    /// <param name="lower">The box's lower corner.</param>
    /// <param name="upper">The box's upper corner.</param>
    /// <param name="dtype">The element type.</param>
    public static Tensor Sobol(int count, double[] lower, double[] upper, DType dtype = DType.Float32)
    {
        var d = CheckBox(count, lower, upper);
        var sequence = new SobolSequence(d);
        var data = new double[count * d];
        var point = new double[d];
        for (var i = 0; i < count; i++)
        {
            sequence.Next(point);
            for (var c = 0; c < d; c++)
            {
                data[(i * d) + c] = lower[c] + ((upper[c] - lower[c]) * point[c]);
            }
        }

        return Tensor.FromArray(data, count, d, dtype);
    }

    private static int CheckBox(int count, double[] lower, double[] upper)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentNullException.ThrowIfNull(lower);
        ArgumentNullException.ThrowIfNull(upper);
        if (lower.Length == 0 || lower.Length != upper.Length)
        {
            throw new ArgumentException($"The corners must have the same, non-zero number of coordinates ({lower.Length} and {upper.Length}).", nameof(upper));
        }

        for (var c = 0; c < lower.Length; c++)
        {
            if (!(upper[c] > lower[c]) || double.IsInfinity(upper[c] - lower[c]))
            {
                throw new ArgumentException($"Coordinate {c}: the upper bound {upper[c]} must be finite and above the lower bound {lower[c]}.", nameof(upper));
            }
        }

        return lower.Length;
    }
}
