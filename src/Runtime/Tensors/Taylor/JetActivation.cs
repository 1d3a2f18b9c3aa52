using System.Numerics;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// An activation applied to a stacked jet (z, z′ⱼ, z″ₚ) by the chain rule to second order:
/// a = σ(z), a′ⱼ = σ′·z′ⱼ, a″ₐᵦ = σ′·z″ₐᵦ + σ″·z′ₐ·z′ᵦ. Its backward needs σ‴ for the last term.
/// </summary>
internal sealed class JetActivation(TaylorRule rule, JetLayout layout) : FusedOperation
{
    public TaylorRule Rule { get; } = rule;

    public JetLayout Layout { get; } = layout;

    public override string Name => $"Jet{Rule.Name}";

    public static Tensor Apply(JetActivation operation, TensorNode jet)
    {
        var result = Ops.FusedResult(operation, jet, null, null, 2, jet.Rows, jet.Cols);
        if (jet.DType == DType.Float32)
        {
            operation.Forward<float>(jet, result);
        }
        else
        {
            operation.Forward<double>(jet, result);
        }

        return new Tensor(result);
    }

    private static Span<T> Rent<T>(TensorPool pool, DType dtype, int length, out Array array)
    {
        array = pool.RentArray(dtype, length);
        return new Span<T>(Unsafe.As<T[]>(array), 0, length);
    }

    /// <summary>Elements per chunk: the rule's derivatives and every block's slice stay in L1 while they are combined.</summary>
    private const int Chunk = 512;

    private void Forward<T>(TensorNode jet, TensorNode result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var pool = TensorPool.Current;
        var length = Layout.Points * jet.Cols;
        var z = jet.Span<T>();
        var y = result.Span<T>();
        var d1Buffer = Rent<T>(pool, jet.DType, Chunk, out var d1Array);
        var d2Buffer = Rent<T>(pool, jet.DType, Chunk, out var d2Array);
        var k = Layout.FirstCount;
        var pairs = Layout.Pairs;
        for (var start = 0; start < length; start += Chunk)
        {
            var count = Math.Min(Chunk, length - start);
            var d1 = d1Buffer.Slice(0, count);
            var d2 = d2Buffer.Slice(0, count);
            var z0 = z.Slice(start, count);
            var y0 = y.Slice(start, count);
            Rule.Value<T>(z0, y0);
            Rule.Derivatives<T>(z0, y0, d1, d2, []);
            for (var j = 1; j <= k; j++)
            {
                TensorPrimitives.Multiply(d1, z.Slice((j * length) + start, count), y.Slice((j * length) + start, count));
            }

            for (var p = 0; p < pairs.Length; p++)
            {
                var q = 1 + k + p;
                var target = y.Slice((q * length) + start, count);
                TensorPrimitives.Multiply(z.Slice(((1 + pairs[p].First) * length) + start, count), z.Slice(((1 + pairs[p].Second) * length) + start, count), target);
                TensorPrimitives.Multiply(target, d2, target);
                TensorPrimitives.MultiplyAdd(d1, z.Slice((q * length) + start, count), target, target);
            }
        }

        pool.ReturnArray(d1Array);
        pool.ReturnArray(d2Array);
    }

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var jet = y.A!;
        if (!jet.RequiresGrad)
        {
            return;
        }

        var length = Layout.Points * jet.Cols;
        var z = jet.Span<T>();
        var a = y.Span<T>();
        var g = y.GradSpan<T>();

        // The first contribution is written straight into the input's gradient; later ones go through scratch.
        Autograd.EnsureGradBuffer(jet);
        var accumulate = jet.GradValid;
        Array? gzArray = null;
        var gz = accumulate ? Rent<T>(pool, y.DType, jet.Length, out gzArray) : jet.GradSpan<T>();
        var d1Buffer = Rent<T>(pool, y.DType, Chunk, out var d1Array);
        var d2Buffer = Rent<T>(pool, y.DType, Chunk, out var d2Array);
        var d3Buffer = Rent<T>(pool, y.DType, Chunk, out var d3Array);
        var tBuffer = Rent<T>(pool, y.DType, Chunk, out var tArray);
        var k = Layout.FirstCount;
        var pairs = Layout.Pairs;
        for (var start = 0; start < length; start += Chunk)
        {
            var count = Math.Min(Chunk, length - start);
            var d1 = d1Buffer.Slice(0, count);
            var d2 = d2Buffer.Slice(0, count);
            var d3 = d3Buffer.Slice(0, count);
            var t = tBuffer.Slice(0, count);
            Span<T> Block(Span<T> data, int block) => data.Slice((block * length) + start, count);
            Rule.Derivatives<T>(z.Slice(start, count), a.Slice(start, count), d1, d2, d3);

            var gz0 = Block(gz, 0);
            TensorPrimitives.Multiply(Block(g, 0), d1, gz0);
            for (var j = 1; j <= k; j++)
            {
                var gj = Block(g, j);
                TensorPrimitives.Multiply(gj, Block(z, j), t);
                TensorPrimitives.MultiplyAdd(t, d2, gz0, gz0);
                TensorPrimitives.Multiply(gj, d1, Block(gz, j));
            }

            for (var p = 0; p < pairs.Length; p++)
            {
                var q = 1 + k + p;
                var gq = Block(g, q);
                var za = Block(z, 1 + pairs[p].First);
                var zb = Block(z, 1 + pairs[p].Second);

                // ∂a″/∂z = σ″·z″ + σ‴·z′ₐ·z′ᵦ.
                TensorPrimitives.Multiply(za, zb, t);
                TensorPrimitives.Multiply(t, d3, t);
                TensorPrimitives.MultiplyAdd(Block(z, q), d2, t, t);
                TensorPrimitives.MultiplyAdd(gq, t, gz0, gz0);

                // ∂a″/∂z′ₐ = σ″·z′ᵦ and ∂a″/∂z′ᵦ = σ″·z′ₐ (twice σ″·z′ₐ for a pure second derivative).
                TensorPrimitives.Multiply(gq, d2, t);
                var gza = Block(gz, 1 + pairs[p].First);
                var gzb = Block(gz, 1 + pairs[p].Second);
                TensorPrimitives.MultiplyAdd(t, zb, gza, gza);
                TensorPrimitives.MultiplyAdd(t, za, gzb, gzb);

                TensorPrimitives.Multiply(gq, d1, Block(gz, q));
            }
        }

        if (accumulate)
        {
            Kernels<T>.Accumulate(jet, gz, T.One);
            pool.ReturnArray(gzArray!);
        }

        jet.GradValid = true;
        pool.ReturnArray(d1Array);
        pool.ReturnArray(d2Array);
        pool.ReturnArray(d3Array);
        pool.ReturnArray(tArray);
    }
}
