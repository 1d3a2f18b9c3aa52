namespace Leibniz.Symbolic;

/// <summary>
/// A small, fast, splittable random generator (SplitMix64): a value type, so every offspring of a generation gets its
/// own stream from (seed, generation, index) and the search is the same for a seed whatever the thread count.
/// </summary>
public struct Rng
{
    private ulong _state;

    /// <summary>Starts a stream.</summary>
    /// <param name="seed">The seed.</param>
    public Rng(ulong seed) => _state = seed;

    /// <summary>A stream derived from a seed and two indices (e.g. generation and offspring).</summary>
    /// <param name="seed">The search's seed.</param>
    /// <param name="a">The first index.</param>
    /// <param name="b">The second index.</param>
    public static Rng For(ulong seed, long a, long b)
    {
        var rng = new Rng(seed ^ 0x9E3779B97F4A7C15UL);
        rng._state = rng.NextULong() ^ (ulong)a * 0xBF58476D1CE4E5B9UL;
        rng._state = rng.NextULong() ^ (ulong)b * 0x94D049BB133111EBUL;
        rng.NextULong();
        return rng;
    }

    /// <summary>64 random bits.</summary>
    public ulong NextULong()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>).</summary>
    /// <param name="bound">Positive.</param>
    public long NextInt(long bound) => (long)(NextULong() % (ulong)bound);

    /// <summary>A uniform double in [0, 1).</summary>
    public double NextDouble() => (NextULong() >> 11) * (1.0 / (1UL << 53));

    /// <summary>True with probability <paramref name="p"/>.</summary>
    /// <param name="p">The probability.</param>
    public bool Chance(double p) => NextDouble() < p;

    /// <summary>A standard normal sample (Box–Muller).</summary>
    public double NextGaussian()
    {
        var u = 1 - NextDouble();
        var v = NextDouble();
        return Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v);
    }
}
