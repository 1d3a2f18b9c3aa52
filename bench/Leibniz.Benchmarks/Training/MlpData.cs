namespace Leibniz.Benchmarks.Training;

/// <summary>
/// The training data of both sides, generated bit-for-bit as bench/pytorch/mlp_data.py does: SplitMix64 is counter
/// based (draw i of the stream with seed s is mix(s + (i + 1)·γ)), and a draw becomes a double in [0, 1) from its
/// top 53 bits. Features and targets are float32, row-major.
/// </summary>
public static class MlpData
{
    /// <summary>Rows of the small problem (2 features).</summary>
    public const int SmallRows = 4096;

    /// <summary>Rows of the large problem.</summary>
    public const int LargeRows = 16384;

    /// <summary>Features of the large problem.</summary>
    public const int LargeFeatures = 64;

    private const ulong Gamma = 0x9E3779B97F4A7C15;

    /// <summary>Draw <paramref name="index"/> (0-based) in [0, 1) of the stream with this seed.</summary>
    public static double Uniform(ulong seed, long index)
    {
        var z = unchecked(seed + ((ulong)index + 1) * Gamma);
        z = unchecked((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9);
        z = unchecked((z ^ (z >> 27)) * 0x94D049BB133111EB);
        z ^= z >> 31;
        return (z >> 11) * (1.0 / 9007199254740992.0);
    }

    /// <summary>4096 points of [-3, 3]² (x then y per row) and the target sin(x)·cos(y).</summary>
    public static (float[] Features, float[] Targets) Small()
    {
        var features = new float[SmallRows * 2];
        var targets = new float[SmallRows];
        for (var row = 0; row < SmallRows; row++)
        {
            var x = -3.0 + 6.0 * Uniform(42, 2L * row);
            var y = -3.0 + 6.0 * Uniform(42, 2L * row + 1);
            features[2 * row] = (float)x;
            features[2 * row + 1] = (float)y;
            targets[row] = (float)(Math.Sin(x) * Math.Cos(y));
        }

        return (features, targets);
    }

    /// <summary>16384 rows of 64 features in [-1, 1) and the target sin(0.25·w·x) + 0.1·x₀·x₁.</summary>
    public static (float[] Features, float[] Targets) Large()
    {
        var weights = new double[LargeFeatures];
        for (var j = 0; j < LargeFeatures; j++)
        {
            weights[j] = 2.0 * Uniform(44, j) - 1.0;
        }

        var features = new float[LargeRows * LargeFeatures];
        var targets = new float[LargeRows];
        var row = new double[LargeFeatures];
        for (var r = 0; r < LargeRows; r++)
        {
            var dot = 0.0;
            for (var j = 0; j < LargeFeatures; j++)
            {
                row[j] = 2.0 * Uniform(43, (long)r * LargeFeatures + j) - 1.0;
                features[r * LargeFeatures + j] = (float)row[j];
                dot += weights[j] * row[j];
            }

            targets[r] = (float)(Math.Sin(0.25 * dot) + 0.1 * row[0] * row[1]);
        }

        return (features, targets);
    }
}
