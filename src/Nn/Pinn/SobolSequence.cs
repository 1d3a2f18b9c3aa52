using System.Numerics;

namespace Leibniz.Nn.Pinn;

/// <summary>
/// The Sobol sequence in [0, 1)ᵈ by Bratley and Fox's Gray-code recurrence, 32-bit, with Joe and Kuo's direction
/// numbers (new-joe-kuo-6.21201) for dimensions 2 to <see cref="MaxDimensions"/>.
/// </summary>
public sealed class SobolSequence
{
    /// <summary>The number of dimensions with direction numbers here.</summary>
    public const int MaxDimensions = 10;

    private const int Bits = 32;

    /// <summary>(s, a, m₁…mₛ) for dimensions 2, 3, …: the primitive polynomial's degree and coefficients, and the initial numbers.</summary>
    private static readonly (int S, int A, int[] M)[] s_directions =
    [
        (1, 0, [1]),
        (2, 1, [1, 3]),
        (3, 1, [1, 3, 1]),
        (3, 2, [1, 1, 1]),
        (4, 1, [1, 1, 3, 3]),
        (4, 4, [1, 3, 5, 13]),
        (5, 2, [1, 1, 5, 5, 17]),
        (5, 4, [1, 1, 5, 5, 5]),
        (5, 7, [1, 1, 7, 11, 19]),
    ];

    private readonly uint[][] _v;
    private readonly uint[] _x;
    private long _index;

    /// <summary>Starts the sequence at its first point (the origin).</summary>
    /// <param name="dimensions">d, from 1 to <see cref="MaxDimensions"/>.</param>
    public SobolSequence(int dimensions)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(dimensions);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MaxDimensions);
        Dimensions = dimensions;
        _x = new uint[dimensions];
        _v = new uint[dimensions][];
        for (var d = 0; d < dimensions; d++)
        {
            var v = new uint[Bits + 1];
            if (d == 0)
            {
                for (var k = 1; k <= Bits; k++)
                {
                    v[k] = 1u << (Bits - k);
                }
            }
            else
            {
                var (s, a, m) = s_directions[d - 1];
                for (var k = 1; k <= s; k++)
                {
                    v[k] = (uint)m[k - 1] << (Bits - k);
                }

                for (var k = s + 1; k <= Bits; k++)
                {
                    v[k] = v[k - s] ^ (v[k - s] >> s);
                    for (var i = 1; i < s; i++)
                    {
                        if (((a >> (s - 1 - i)) & 1) != 0)
                        {
                            v[k] ^= v[k - i];
                        }
                    }
                }
            }

            _v[d] = v;
        }
    }

    /// <summary>d.</summary>
    public int Dimensions { get; }

    /// <summary>Writes the next point into <paramref name="point"/> (length d).</summary>
    /// <param name="point">Receives the coordinates in [0, 1).</param>
    /// <exception cref="InvalidOperationException">All 2³² points have been used.</exception>
    public void Next(Span<double> point)
    {
        if (point.Length != Dimensions)
        {
            throw new ArgumentException($"The point needs {Dimensions} coordinates, not {point.Length}.", nameof(point));
        }

        if (_index > 0)
        {
            // Gray code: point n differs from point n − 1 by the direction number of n − 1's lowest zero bit.
            var c = BitOperations.TrailingZeroCount(~(ulong)(_index - 1)) + 1;
            if (c > Bits)
            {
                throw new InvalidOperationException("The 32-bit Sobol sequence is exhausted (2^32 points).");
            }

            for (var d = 0; d < Dimensions; d++)
            {
                _x[d] ^= _v[d][c];
            }
        }

        _index++;
        for (var d = 0; d < Dimensions; d++)
        {
            point[d] = _x[d] / 4294967296.0;
        }
    }
}
