namespace Leibniz.Nn;

/// <summary>
/// SplitMix64: a tiny generator whose sequence is fixed by its seed alone, on every runtime and platform, which
/// is what reproducible shuffles and splits need (System.Random does not promise that across versions). A struct, so
/// that a shuffle per epoch allocates nothing.
/// </summary>
internal struct SeededRandom(ulong seed)
{
    private ulong _state = seed;

    public ulong NextUInt64()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform integer in [0, <paramref name="exclusiveMax"/>), without modulo bias (Lemire's method).</summary>
    public int NextInt(int exclusiveMax)
    {
        var bound = (ulong)exclusiveMax;
        var product = (UInt128)NextUInt64() * bound;
        if ((ulong)product < bound)
        {
            var threshold = (0UL - bound) % bound;
            while ((ulong)product < threshold)
            {
                product = (UInt128)NextUInt64() * bound;
            }
        }

        return (int)(ulong)(product >> 64);
    }

    /// <summary>Fisher–Yates shuffle.</summary>
    public void Shuffle(Span<int> items)
    {
        for (var i = items.Length - 1; i > 0; i--)
        {
            var j = NextInt(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>Mixes a seed and a stream number (an epoch, say) into an independent seed.</summary>
    public static ulong Mix(long seed, long stream) => new SeededRandom(unchecked((ulong)seed) ^ (unchecked((ulong)stream) * 0xD1B54A32D192ED03UL)).NextUInt64();
}
