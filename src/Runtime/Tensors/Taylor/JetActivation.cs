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

    private static Span<T> Block<T>(Span<T> data, int block, int length) => data.Slice(block * length, length);

    private static Span<T> Rent<T>(TensorPool pool, DType dtype, int length, out Array array)
    {
        array = pool.RentArray(dtype, length);
        return new Span<T>(Unsafe.As<T[]>(array), 0, length);
    }

    private void Forward<T>(TensorNode jet, TensorNode result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var pool = TensorPool.Current;
        var length = Layout.Points * jet.Cols;
        var z = jet.Span<T>();
        var y = result.Span<T>();
        var d1 = Rent<T>(pool, jet.DType, length, out var d1Array);
        var d2 = Rent<T>(pool, jet.DType, length, out var d2Array);
        var z0 = Block(z, 0, length);
        var y0 = Block(y, 0, length);
        Rule.Value<T>(z0, y0);
        Rule.Derivatives<T>(z0, y0, d1, d2, []);
        var k = Layout.FirstCount;
        for (var j = 1; j <= k; j++)
        {
            TensorPrimitives.Multiply(d1, Block(z, j, length), Block(y, j, length));
        }

        var pairs = Layout.Pairs;
        for (var p = 0; p < pairs.Length; p++)
        {
            var q = 1 + k + p;
            var target = Block(y, q, length);
            TensorPrimitives.Multiply(Block(z, 1 + pairs[p].First, length), Block(z, 1 + pairs[p].Second, length), target);
            TensorPrimitives.Multiply(target, d2, target);
            TensorPrimitives.MultiplyAdd(d1, Block(z, q, length), target, target);
        }

        pool.ReturnArray(d1Array);
        pool.ReturnArray(d2Array);
    }

    public override void Backward(TensorNode y, TensorPool pool)
    {
        if (y.DType == DType.Float32)
        {
            Backward<float>(y, pool);
        }
        else
        {
            Backward<double>(y, pool);
        }
    }

    private void Backward<T>(TensorNode y, TensorPool pool)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var jet = y.A!;
        if (!jet.RequiresGrad)
        {
            return;
        }

        var length = Layout.Points * jet.Cols;
        var z = jet.Span<T>();
        var g = y.GradSpan<T>();
        var d1 = Rent<T>(pool, y.DType, length, out var d1Array);
        var d2 = Rent<T>(pool, y.DType, length, out var d2Array);
        var d3 = Rent<T>(pool, y.DType, length, out var d3Array);
        var t = Rent<T>(pool, y.DType, length, out var tArray);
        var gz = Rent<T>(pool, y.DType, jet.Length, out var gzArray);
        var z0 = Block(z, 0, length);
        Rule.Derivatives<T>(z0, Block(y.Span<T>(), 0, length), d1, d2, d3);

        var k = Layout.FirstCount;
        var gz0 = Block(gz, 0, length);
        TensorPrimitives.Multiply(Block(g, 0, length), d1, gz0);
        for (var j = 1; j <= k; j++)
        {
            var gj = Block(g, j, length);
            TensorPrimitives.Multiply(gj, Block(z, j, length), t);
            TensorPrimitives.MultiplyAdd(t, d2, gz0, gz0);
            TensorPrimitives.Multiply(gj, d1, Block(gz, j, length));
        }

        var pairs = Layout.Pairs;
        for (var p = 0; p < pairs.Length; p++)
        {
            var q = 1 + k + p;
            var gq = Block(g, q, length);
            var za = Block(z, 1 + pairs[p].First, length);
            var zb = Block(z, 1 + pairs[p].Second, length);

            // ∂a″/∂z = σ″·z″ + σ‴·z′ₐ·z′ᵦ.
            TensorPrimitives.Multiply(za, zb, t);
            TensorPrimitives.Multiply(t, d3, t);
            TensorPrimitives.MultiplyAdd(Block(z, q, length), d2, t, t);
            TensorPrimitives.MultiplyAdd(gq, t, gz0, gz0);

            // ∂a″/∂z′ₐ = σ″·z′ᵦ and ∂a″/∂z′ᵦ = σ″·z′ₐ (twice σ″·z′ₐ for a pure second derivative).
            TensorPrimitives.Multiply(gq, d2, t);
            var gza = Block(gz, 1 + pairs[p].First, length);
            var gzb = Block(gz, 1 + pairs[p].Second, length);
            TensorPrimitives.MultiplyAdd(t, zb, gza, gza);
            TensorPrimitives.MultiplyAdd(t, za, gzb, gzb);

            TensorPrimitives.Multiply(gq, d1, Block(gz, q, length));
        }

        Kernels<T>.Accumulate(jet, gz, T.One);
        pool.ReturnArray(d1Array);
        pool.ReturnArray(d2Array);
        pool.ReturnArray(d3Array);
        pool.ReturnArray(tArray);
        pool.ReturnArray(gzArray);
    }
}
