using System.Numerics;
using CsCheck;

namespace Leibniz.Tests;

/// <summary>
/// Random compositions of table functions, written once generically and evaluated on double, Dual and Var: the
/// Dual gradient (n forward passes), the Tape gradient (one reverse pass) and O(h⁴) central differences agree.
/// </summary>
public sealed class CompositionTests
{
    private const int Inputs = 3;
    private const int Operations = 12;
    private const int OperationKinds = 16;

    [Fact]
    public void DualTapeAndFiniteDifferencesAgreeOnRandomCompositions()
    {
        var gen = Gen.Select(
            Gen.Int[0, OperationKinds - 1].Array[Operations],
            Gen.Int[0, 1000].Array[Operations * 2],
            Gen.Double[-1.5, 1.5].Array[Inputs]);
        gen.Sample((kinds, picks, point) =>
        {
            var program = new Program(kinds, picks);
            var dualGradient = Dual.Gradient(program.Evaluate, point).Gradient;
            var tapeGradient = new double[Inputs];
            var value = new Tape().Gradient(program.Evaluate, point, tapeGradient);
            var coarse = FiniteDifference.Gradient(program.Evaluate, point, accuracy: 4, step: 2e-3);
            var fine = FiniteDifference.Gradient(program.Evaluate, point, accuracy: 4, step: 1e-3);

            Assert.Equal(program.Evaluate<double>(point), value);
            for (var i = 0; i < Inputs; i++)
            {
                Close.Within(dualGradient[i], tapeGradient[i], 1e-12, 1e-13, $"∂/∂x{i} Dual vs Tape");

                // The O(h⁴) error of the fine estimate is about |coarse − fine|/15 (Richardson); allow twice the
                // difference itself, so only a wrong derivative, not a steep random program, fails.
                var estimatedError = Math.Abs(coarse[i] - fine[i]);
                Close.Within(
                    dualGradient[i], fine[i], 1e-7, 1e-8 + 2 * estimatedError, $"∂/∂x{i} Dual vs finite differences");
            }
        }, iter: 300);
    }

    /// <summary>
    /// A straight-line program: register k (after the inputs) applies operation kinds[k] to two earlier
    /// registers; the output is the last register. Every operation is smooth on all of R.
    /// </summary>
    private sealed class Program(int[] kinds, int[] picks)
    {
        public T Evaluate<T>(ReadOnlySpan<T> x)
            where T : INumber<T>, ITrigonometricFunctions<T>, IExponentialFunctions<T>, ILogarithmicFunctions<T>,
                IPowerFunctions<T>, IRootFunctions<T>, IHyperbolicFunctions<T>
        {
            Span<T> registers = new T[Inputs + Operations];
            x.CopyTo(registers);
            var one = T.One;
            for (var k = 0; k < Operations; k++)
            {
                var count = Inputs + k;
                var a = registers[picks[2 * k] % count];
                var b = registers[picks[(2 * k) + 1] % count];
                registers[count] = kinds[k] switch
                {
                    0 => a + b,
                    1 => a - b,
                    2 => a * b,
                    3 => a / (one + b * b),
                    4 => T.Sin(a),
                    5 => T.Cos(a) * b,
                    6 => T.Tanh(a + b),
                    7 => T.Atan(a),
                    8 => T.Exp(-(a * a)),
                    9 => T.Sqrt(one + a * a),
                    10 => T.Log(one + a * a),
                    11 => T.Asinh(a) * T.Sinh(T.Sin(b)),
                    12 => T.Hypot(a, one + b * b),
                    13 => T.Pow(one + a * a, T.Sin(b)),
                    14 => T.Atan(a) * T.Exp(T.Sin(b)),
                    _ => T.Cbrt(T.Exp(T.Sin(a))) + T.Cosh(T.Cos(b)),
                };
            }

            return registers[^1];
        }
    }
}
