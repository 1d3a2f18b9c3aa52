using System.Numerics;

namespace Leibniz;

// IFloatingPointIeee754<Var>, so that methods constrained on the common catch-all `T : IFloatingPointIeee754<T>`
// run on Var too. Rounding functions are piecewise constant: the derivative table takes their derivative as 0
// everywhere (also at the jumps). Bit-level members (exponent and significand bytes, ILogB) describe the value.
public readonly partial struct Var : IFloatingPointIeee754<Var>
{
    static Var IFloatingPointIeee754<Var>.Epsilon => double.Epsilon;

    static Var IFloatingPointIeee754<Var>.NaN => double.NaN;

    static Var IFloatingPointIeee754<Var>.NegativeInfinity => double.NegativeInfinity;

    static Var IFloatingPointIeee754<Var>.NegativeZero => double.NegativeZero;

    static Var IFloatingPointIeee754<Var>.PositiveInfinity => double.PositiveInfinity;

    static Var IFloatingPointIeee754<Var>.Atan2Pi(Var y, Var x) => Atan2(y, x) / Math.PI;

    static Var IFloatingPointIeee754<Var>.BitDecrement(Var x) => Tape.Unary(x, Math.BitDecrement(x.Value), 1.0);

    static Var IFloatingPointIeee754<Var>.BitIncrement(Var x) => Tape.Unary(x, Math.BitIncrement(x.Value), 1.0);

    static Var IFloatingPointIeee754<Var>.FusedMultiplyAdd(Var left, Var right, Var addend) =>
        Tape.Binary(left * right, addend, Math.FusedMultiplyAdd(left.Value, right.Value, addend.Value), 1.0, 1.0);

    static Var IFloatingPointIeee754<Var>.Ieee754Remainder(Var left, Var right) =>
        Tape.Binary(left, right, Math.IEEERemainder(left.Value, right.Value), 1.0, -Math.Round(left.Value / right.Value, MidpointRounding.ToEven));

    static int IFloatingPointIeee754<Var>.ILogB(Var x) => Math.ILogB(x.Value);

    static Var IFloatingPointIeee754<Var>.ScaleB(Var x, int n) => Record(x, LocalPartials.ScaleB(x.Value, n));

    static Var IFloatingPoint<Var>.Round(Var x, int digits, MidpointRounding mode) =>
        Record(x, LocalPartials.Step(Math.Round(x.Value, digits, mode)));

    static Var IFloatingPoint<Var>.Ceiling(Var x) => Record(x, LocalPartials.Step(Math.Ceiling(x.Value)));

    static Var IFloatingPoint<Var>.Floor(Var x) => Record(x, LocalPartials.Step(Math.Floor(x.Value)));

    static Var IFloatingPoint<Var>.Truncate(Var x) => Record(x, LocalPartials.Step(Math.Truncate(x.Value)));

    int IFloatingPoint<Var>.GetExponentByteCount() => FloatingPointBits.ExponentByteCount(Value);

    int IFloatingPoint<Var>.GetExponentShortestBitLength() => FloatingPointBits.ExponentShortestBitLength(Value);

    int IFloatingPoint<Var>.GetSignificandBitLength() => FloatingPointBits.SignificandBitLength(Value);

    int IFloatingPoint<Var>.GetSignificandByteCount() => FloatingPointBits.SignificandByteCount(Value);

    bool IFloatingPoint<Var>.TryWriteExponentBigEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteExponentBigEndian(Value, destination, out bytesWritten);

    bool IFloatingPoint<Var>.TryWriteExponentLittleEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteExponentLittleEndian(Value, destination, out bytesWritten);

    bool IFloatingPoint<Var>.TryWriteSignificandBigEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteSignificandBigEndian(Value, destination, out bytesWritten);

    bool IFloatingPoint<Var>.TryWriteSignificandLittleEndian(Span<byte> destination, out int bytesWritten) =>
        FloatingPointBits.TryWriteSignificandLittleEndian(Value, destination, out bytesWritten);
}
