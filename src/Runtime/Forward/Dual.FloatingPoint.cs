using System.Numerics;

namespace Leibniz;

// IFloatingPointIeee754<Dual>, so that methods constrained on the common catch-all `T : IFloatingPointIeee754<T>`
// run on Dual too. Rounding functions are piecewise constant: the derivative table takes their derivative as 0
// everywhere (also at the jumps). Bit-level members (exponent and significand bytes, ILogB) describe the value.
public readonly partial struct Dual : IFloatingPointIeee754<Dual>
{
    static Dual IFloatingPointIeee754<Dual>.Epsilon => double.Epsilon;

    static Dual IFloatingPointIeee754<Dual>.NaN => double.NaN;

    static Dual IFloatingPointIeee754<Dual>.NegativeInfinity => double.NegativeInfinity;

    static Dual IFloatingPointIeee754<Dual>.NegativeZero => double.NegativeZero;

    static Dual IFloatingPointIeee754<Dual>.PositiveInfinity => double.PositiveInfinity;

    static Dual IFloatingPointIeee754<Dual>.Atan2Pi(Dual y, Dual x) => Atan2(y, x) / Math.PI;

    static Dual IFloatingPointIeee754<Dual>.BitDecrement(Dual x) => new(Math.BitDecrement(x.Value), 1.0 * x.Tangent);

    static Dual IFloatingPointIeee754<Dual>.BitIncrement(Dual x) => new(Math.BitIncrement(x.Value), 1.0 * x.Tangent);

    static Dual IFloatingPointIeee754<Dual>.FusedMultiplyAdd(Dual left, Dual right, Dual addend) =>
        new(Math.FusedMultiplyAdd(left.Value, right.Value, addend.Value), left.Tangent * right.Value + left.Value * right.Tangent + addend.Tangent);

    static Dual IFloatingPointIeee754<Dual>.Ieee754Remainder(Dual left, Dual right) =>
        new(Math.IEEERemainder(left.Value, right.Value), left.Tangent - Math.Round(left.Value / right.Value, MidpointRounding.ToEven) * right.Tangent);

    static int IFloatingPointIeee754<Dual>.ILogB(Dual x) => Math.ILogB(x.Value);

    static Dual IFloatingPointIeee754<Dual>.ScaleB(Dual x, int n) => Chain(x, LocalPartials.ScaleB(x.Value, n));

    static Dual IFloatingPoint<Dual>.Round(Dual x, int digits, MidpointRounding mode) =>
        Chain(x, LocalPartials.Step(Math.Round(x.Value, digits, mode)));

    static Dual IFloatingPoint<Dual>.Ceiling(Dual x) => Chain(x, LocalPartials.Step(Math.Ceiling(x.Value)));

    static Dual IFloatingPoint<Dual>.Floor(Dual x) => Chain(x, LocalPartials.Step(Math.Floor(x.Value)));

    static Dual IFloatingPoint<Dual>.Truncate(Dual x) => Chain(x, LocalPartials.Step(Math.Truncate(x.Value)));

    int IFloatingPoint<Dual>.GetExponentByteCount() => FloatingPointBits.ExponentByteCount(Value);

    int IFloatingPoint<Dual>.GetExponentShortestBitLength() => FloatingPointBits.ExponentShortestBitLength(Value);

    int IFloatingPoint<Dual>.GetSignificandBitLength() => FloatingPointBits.SignificandBitLength(Value);

    int IFloatingPoint<Dual>.GetSignificandByteCount() => FloatingPointBits.SignificandByteCount(Value);

    bool IFloatingPoint<Dual>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteExponentBigEndian(Value, destination, out bytesWritten);

    bool IFloatingPoint<Dual>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteExponentLittleEndian(Value, destination, out bytesWritten);

    bool IFloatingPoint<Dual>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteSignificandBigEndian(Value, destination, out bytesWritten);

    bool IFloatingPoint<Dual>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteSignificandLittleEndian(Value, destination, out bytesWritten);
}
