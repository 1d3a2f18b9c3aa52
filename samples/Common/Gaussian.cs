namespace Leibniz.Samples;

/// <summary>Standard normal random numbers (Box–Muller) from a seeded <see cref="Random"/>, like torch.randn.</summary>
/// <param name="random">The source of uniform numbers.</param>
public sealed class Gaussian(Random random)
{
    private double? _spare;

    /// <summary>A generator seeded with <paramref name="seed"/>.</summary>
    public Gaussian(int seed)
        : this(new Random(seed))
    {
    }

    /// <summary>The uniform source, for samples that also need uniform numbers from the same stream.</summary>
    public Random Uniform { get; } = random;

    /// <summary>The next N(0, 1) number.</summary>
    public double Next()
    {
        if (_spare is { } spare)
        {
            _spare = null;
            return spare;
        }

        // 1 − NextDouble() is in (0, 1], so the logarithm is finite.
        var radius = Math.Sqrt(-2 * Math.Log(1 - Uniform.NextDouble()));
        var angle = 2 * Math.PI * Uniform.NextDouble();
        _spare = radius * Math.Sin(angle);
        return radius * Math.Cos(angle);
    }

    /// <summary><paramref name="count"/> N(0, 1) numbers.</summary>
    public double[] Next(int count)
    {
        var values = new double[count];
        for (var i = 0; i < count; i++)
        {
            values[i] = Next();
        }

        return values;
    }
}
