using System.Numerics;

namespace Leibniz;

/// <summary>
/// The bit-level <see cref="IFloatingPoint{TSelf}"/> members, reached through a generic constraint: double
/// implements them explicitly, and a constrained call forwards to them without boxing.
/// </summary>
internal static class FloatingPointBits
{
    internal static int ExponentByteCount<T>(T value)
        where T : IFloatingPoint<T> => value.GetExponentByteCount();

    internal static int ExponentShortestBitLength<T>(T value)
        where T : IFloatingPoint<T> => value.GetExponentShortestBitLength();

    internal static int SignificandBitLength<T>(T value)
        where T : IFloatingPoint<T> => value.GetSignificandBitLength();

    internal static int SignificandByteCount<T>(T value)
        where T : IFloatingPoint<T> => value.GetSignificandByteCount();

    internal static bool TryWriteExponentBigEndian<T>(T value, Span<byte> destination, out int bytesWritten)
        where T : IFloatingPoint<T> => value.TryWriteExponentBigEndian(destination, out bytesWritten);

    internal static bool TryWriteExponentLittleEndian<T>(T value, Span<byte> destination, out int bytesWritten)
        where T : IFloatingPoint<T> => value.TryWriteExponentLittleEndian(destination, out bytesWritten);

    internal static bool TryWriteSignificandBigEndian<T>(T value, Span<byte> destination, out int bytesWritten)
        where T : IFloatingPoint<T> => value.TryWriteSignificandBigEndian(destination, out bytesWritten);

    internal static bool TryWriteSignificandLittleEndian<T>(T value, Span<byte> destination, out int bytesWritten)
        where T : IFloatingPoint<T> => value.TryWriteSignificandLittleEndian(destination, out bytesWritten);
}
