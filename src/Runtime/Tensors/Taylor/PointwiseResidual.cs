using System.Numerics;
using System.Runtime.CompilerServices;

namespace Leibniz;

/// <summary>
/// One fused pointwise node r[i] = f(args at point i), where each argument is a block of a stacked jet column
/// (differentiable) or a column of the points (constant). Its backward calls f's gradient again instead of keeping
/// the partials, so a step allocates nothing.
/// </summary>
internal sealed class PointwiseResidual : FusedOperation
{
    private readonly PointwiseFunction _function;

    /// <summary>Per argument: the offset of point 0 and the stride between points, in the jet or in the points.</summary>
    private readonly (bool FromPoints, int Offset, int Stride)[] _arguments;

    public PointwiseResidual(PointwiseFunction function, (bool FromPoints, int Offset, int Stride)[] arguments, int points)
    {
        _function = function;
        _arguments = arguments;
        Points = points;
    }

    public int Points { get; }

    public override string Name => "PointwiseResidual";

    public bool Matches(PointwiseFunction function, ReadOnlySpan<(bool FromPoints, int Offset, int Stride)> arguments, int points) =>
        ReferenceEquals(function, _function) && points == Points && arguments.SequenceEqual(_arguments);

    public static Tensor Apply(PointwiseResidual operation, TensorNode jet, TensorNode? points)
    {
        var result = Ops.FusedResult(operation, jet, points, null, 2, operation.Points, 1);
        if (jet.DType == DType.Float32)
        {
            operation.Forward<float>(jet, points, result);
        }
        else
        {
            operation.Forward<double>(jet, points, result);
        }

        return new Tensor(result);
    }

    private void Gather<T>(ReadOnlySpan<T> jet, ReadOnlySpan<T> points, int i, Span<double> x)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        for (var k = 0; k < x.Length; k++)
        {
            var (fromPoints, offset, stride) = _arguments[k];
            x[k] = double.CreateTruncating(fromPoints ? points[offset + (i * stride)] : jet[offset + (i * stride)]);
        }
    }

    private void Forward<T>(TensorNode jet, TensorNode? points, TensorNode result)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var arity = _function.Arity;
        Span<double> x = stackalloc double[arity];
        Span<double> partials = stackalloc double[arity];
        var z = jet.Span<T>();
        var p = points is null ? default : points.Span<T>();
        var r = result.Span<T>();
        for (var i = 0; i < Points; i++)
        {
            Gather<T>(z, p, i, x);
            r[i] = T.CreateTruncating(_function.Evaluate(x, partials));
        }
    }

    protected override void Backward<T>(TensorNode y, TensorPool pool)
    {
        var jet = y.A!;
        if (!jet.RequiresGrad)
        {
            return;
        }

        var arity = _function.Arity;
        Span<double> x = stackalloc double[arity];
        Span<double> partials = stackalloc double[arity];
        var z = jet.Span<T>();
        var p = y.B is null ? default : y.B.Span<T>();
        var g = y.GradSpan<T>();
        // The first contribution is scattered straight into the jet's gradient; later ones go through scratch.
        Autograd.EnsureGradBuffer(jet);
        var accumulate = jet.GradValid;
        var array = accumulate ? pool.RentArray(jet.DType, jet.Length) : null;
        var gz = accumulate ? new Span<T>(Unsafe.As<T[]>(array!), 0, jet.Length) : jet.GradSpan<T>();
        gz.Clear();
        for (var i = 0; i < Points; i++)
        {
            Gather<T>(z, p, i, x);
            _function.Evaluate(x, partials);
            var gi = double.CreateTruncating(g[i]);
            for (var k = 0; k < arity; k++)
            {
                var (fromPoints, offset, stride) = _arguments[k];
                if (!fromPoints)
                {
                    gz[offset + (i * stride)] += T.CreateTruncating(gi * partials[k]);
                }
            }
        }

        if (accumulate)
        {
            Kernels<T>.Accumulate(jet, gz, T.One);
            pool.ReturnArray(array!);
        }

        jet.GradValid = true;
    }
}
