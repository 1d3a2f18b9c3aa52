using System.Numerics;

namespace Leibniz;

/// <summary>
/// An activation σ with its first three derivatives, the one rule a smooth activation needs to be pushed through
/// a forward Taylor (jet) propagation: the forward uses σ, σ′ and σ″; the backward of the jet also needs σ‴.
/// </summary>
/// <remarks>Adding an activation to physics-informed training is subclassing this and registering it for the module
/// (see <c>Leibniz.Nn.Pinn.TaylorRules</c>).</remarks>
public abstract class TaylorRule
{
    /// <summary>The activation's name, for diagnostics.</summary>
    public abstract string Name { get; }

    /// <summary>a = σ(z), element-wise.</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="z">The pre-activations.</param>
    /// <param name="a">Receives σ(z); same length as <paramref name="z"/>.</param>
    public abstract void Value<T>(ReadOnlySpan<T> z, Span<T> a)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>σ′, σ″ and (when <paramref name="d3"/> is not empty) σ‴ at z, given a = σ(z).</summary>
    /// <typeparam name="T"><see cref="float"/> or <see cref="double"/>.</typeparam>
    /// <param name="z">The pre-activations.</param>
    /// <param name="a">σ(z), as written by <see cref="Value{T}"/>.</param>
    /// <param name="d1">Receives σ′(z).</param>
    /// <param name="d2">Receives σ″(z).</param>
    /// <param name="d3">Receives σ‴(z), or is empty when not needed.</param>
    public abstract void Derivatives<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> d1, Span<T> d2, Span<T> d3)
        where T : unmanaged, IFloatingPointIeee754<T>;

    /// <summary>tanh: σ′ = s = 1 − a², σ″ = −2a·s, σ‴ = s·(6a² − 2).</summary>
    public static TaylorRule Tanh { get; } = new TanhRule();

    /// <summary>The logistic sigmoid: σ′ = a(1 − a), σ″ = σ′(1 − 2a), σ‴ = σ′(1 − 6σ′).</summary>
    public static TaylorRule Sigmoid { get; } = new SigmoidRule();

    /// <summary>SiLU (swish) z·S(z) with S the sigmoid: σ′ = S + zS′, σ″ = 2S′ + zS″, σ‴ = 3S″ + zS‴.</summary>
    public static TaylorRule Silu { get; } = new SiluRule();

    /// <summary>sin(ωz), SIREN's activation: σ′ = ω·cos(ωz), σ″ = −ω²·σ, σ‴ = −ω²·σ′.</summary>
    /// <param name="frequency">ω, finite and non-zero.</param>
    public static TaylorRule Sin(double frequency = 1.0) => new SinRule(frequency);

    /// <summary>
    /// Softplus with PyTorch's β and threshold: (1/β)·log(1 + e^{βz}), and z itself where βz &gt; threshold.
    /// σ′ = S(βz), σ″ = β·S′(βz), σ‴ = β²·S″(βz) (zero beyond the threshold).
    /// </summary>
    /// <param name="beta">β &gt; 0.</param>
    /// <param name="threshold">The linear regime starts where βz exceeds it.</param>
    public static TaylorRule Softplus(double beta = 1, double threshold = 20) => new SoftplusRule(beta, threshold);

    private sealed class TanhRule : TaylorRule
    {
        public override string Name => "Tanh";

        public override void Value<T>(ReadOnlySpan<T> z, Span<T> a) => AccurateTanh.Compute<T>(z, a);

        public override void Derivatives<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> d1, Span<T> d2, Span<T> d3)
        {
            // s = 1 − a², σ″ = −2a·s, σ‴ = s·(6a² − 2), vectorized. Where a rounds to ±1 (|z| ≳ 9 in float32) s cancels
            // to 0 instead of a value below the rounding unit: exact to that absolute error, not relatively. sech² z
            // (through cosh) would be, but cost 10–13 % of a 1-D Poisson training step (measured); the jets keep this form.
            System.Numerics.Tensors.TensorPrimitives.Multiply(a, a, d1);
            if (!d3.IsEmpty)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(d1, T.CreateTruncating(6), d3);
                System.Numerics.Tensors.TensorPrimitives.Subtract(d3, T.CreateTruncating(2), d3);
            }

            System.Numerics.Tensors.TensorPrimitives.Subtract(T.One, d1, d1);
            System.Numerics.Tensors.TensorPrimitives.Multiply(a, d1, d2);
            System.Numerics.Tensors.TensorPrimitives.Multiply(d2, T.CreateTruncating(-2), d2);
            if (!d3.IsEmpty)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(d3, d1, d3);
            }
        }
    }

    private sealed class SigmoidRule : TaylorRule
    {
        public override string Name => "Sigmoid";

        public override void Value<T>(ReadOnlySpan<T> z, Span<T> a) => System.Numerics.Tensors.TensorPrimitives.Sigmoid(z, a);

        public override void Derivatives<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> d1, Span<T> d2, Span<T> d3)
        {
            // From the values alone, σ·(1 − σ): exact to the rounding unit absolutely, like the tanh jets (σ(−z) for the
            // complement would take another pass over z).
            var two = T.CreateTruncating(2);
            var six = T.CreateTruncating(6);
            for (var i = 0; i < z.Length; i++)
            {
                var s = a[i];
                var first = s * (T.One - s);
                d1[i] = first;
                d2[i] = first * (T.One - (two * s));
                if (!d3.IsEmpty)
                {
                    d3[i] = first * (T.One - (six * first));
                }
            }
        }
    }

    /// <summary>
    /// The logistic S(u) and its complement 1 − S(u) = S(−u), each from e^{−|u|} (which cannot overflow), without
    /// the cancellation of 1 − S where S rounds to 1: S′ = S·(1 − S) and S″ = S′·(1 − 2S) stay accurate in the tails.
    /// </summary>
    private static (T S, T Complement) Logistic<T>(T u)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var e = T.Exp(-T.Abs(u));
        var small = e / (T.One + e);
        var large = T.One / (T.One + e);
        return u >= T.Zero ? (large, small) : (small, large);
    }

    private sealed class SiluRule : TaylorRule
    {
        public override string Name => "SiLU";

        public override void Value<T>(ReadOnlySpan<T> z, Span<T> a)
        {
            System.Numerics.Tensors.TensorPrimitives.Sigmoid(z, a);
            System.Numerics.Tensors.TensorPrimitives.Multiply(z, a, a);
        }

        public override void Derivatives<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> d1, Span<T> d2, Span<T> d3)
        {
            var two = T.CreateTruncating(2);
            var three = T.CreateTruncating(3);
            var six = T.CreateTruncating(6);
            for (var i = 0; i < z.Length; i++)
            {
                var zi = z[i];
                var (s, r) = Logistic(zi);
                var s1 = s * r;
                var s2 = s1 * (r - s);
                d1[i] = s + (zi * s1);
                d2[i] = (two * s1) + (zi * s2);
                if (!d3.IsEmpty)
                {
                    var s3 = s1 * (T.One - (six * s1));
                    d3[i] = (three * s2) + (zi * s3);
                }
            }
        }
    }

    private sealed class SinRule : TaylorRule
    {
        private readonly double _frequency;

        public SinRule(double frequency)
        {
            if (!double.IsFinite(frequency) || frequency == 0)
            {
                throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "The frequency must be finite and non-zero.");
            }

            _frequency = frequency;
        }

        public override string Name => "Sin";

        public override void Value<T>(ReadOnlySpan<T> z, Span<T> a)
        {
            System.Numerics.Tensors.TensorPrimitives.Sin(Scaled(z, a), a);
        }

        public override void Derivatives<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> d1, Span<T> d2, Span<T> d3)
        {
            var omega = T.CreateChecked(_frequency);
            System.Numerics.Tensors.TensorPrimitives.Cos(Scaled(z, d1), d1);
            System.Numerics.Tensors.TensorPrimitives.Multiply(a, -omega * omega, d2);
            if (_frequency != 1.0)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(d1, omega, d1);
            }

            if (!d3.IsEmpty)
            {
                System.Numerics.Tensors.TensorPrimitives.Multiply(d1, -omega * omega, d3);
            }
        }

        /// <summary>ωz written into <paramref name="scratch"/>, or z itself for ω = 1 (the module multiplies in T too).</summary>
        private ReadOnlySpan<T> Scaled<T>(ReadOnlySpan<T> z, Span<T> scratch)
            where T : unmanaged, IFloatingPointIeee754<T>
        {
            if (_frequency == 1.0)
            {
                return z;
            }

            System.Numerics.Tensors.TensorPrimitives.Multiply(z, T.CreateChecked(_frequency), scratch);
            return scratch;
        }
    }

    private sealed class SoftplusRule : TaylorRule
    {
        private readonly double _beta;
        private readonly double _threshold;

        public SoftplusRule(double beta, double threshold)
        {
            if (!(beta > 0) || double.IsInfinity(beta))
            {
                throw new ArgumentOutOfRangeException(nameof(beta), beta, "Softplus needs a finite β > 0.");
            }

            _beta = beta;
            _threshold = threshold;
        }

        public override string Name => "Softplus";

        public override void Value<T>(ReadOnlySpan<T> z, Span<T> a)
        {
            var beta = T.CreateTruncating(_beta);
            var threshold = T.CreateTruncating(_threshold);
            for (var i = 0; i < z.Length; i++)
            {
                var bz = beta * z[i];
                a[i] = bz > threshold ? z[i] : T.Log(T.One + T.Exp(bz)) / beta;
            }
        }

        public override void Derivatives<T>(ReadOnlySpan<T> z, ReadOnlySpan<T> a, Span<T> d1, Span<T> d2, Span<T> d3)
        {
            var beta = T.CreateTruncating(_beta);
            var threshold = T.CreateTruncating(_threshold);
            for (var i = 0; i < z.Length; i++)
            {
                var bz = beta * z[i];
                if (bz > threshold)
                {
                    d1[i] = T.One;
                    d2[i] = T.Zero;
                    if (!d3.IsEmpty)
                    {
                        d3[i] = T.Zero;
                    }

                    continue;
                }

                var (s, r) = Logistic(bz);
                var first = s * r;
                d1[i] = s;
                d2[i] = beta * first;
                if (!d3.IsEmpty)
                {
                    d3[i] = beta * beta * first * (r - s);
                }
            }
        }
    }
}
