using CsCheck;

namespace Leibniz.Nn.Tests.Tensors;

/// <summary>
/// Autograd.Grad against Backward() (itself checked against finite differences) for first derivatives, and its
/// createGraph backward against central differences of the gradient (Hessian-vector products) for second derivatives.
/// </summary>
public sealed class AutogradGradTests
{
    private static readonly Gen<(int Seed, int Rows, int Cols)> Shapes = Gen.Select(Gen.Int, Gen.Int[1, 5], Gen.Int[1, 5]);

    /// <summary>Operations whose backward is first-order only, so createGraph cannot differentiate them again.</summary>
    private static readonly string[] FirstOrderOnly = ["custom_swish"];

    private static double[] BackwardGradient(Func<Tensor, Tensor> f, Tensor x)
    {
        x.ZeroGrad();
        f(x).Backward();
        return x.Grad.ToArray();
    }

    private static void AssertClose(double[] expected, double[] actual, double relative, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= relative * (1 + Math.Abs(expected[i])), $"{what} element {i}: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }

    /// <summary>
    /// ∇f by Grad equals Backward's; with createGraph, Grad(⟨∇f, v⟩, x) equals (∇f(x + εv) − ∇f(x − εv)) / 2ε.
    /// </summary>
    private static void CheckFirstAndSecondOrder(Func<Tensor, Tensor> f, Tensor x, Random random, bool secondOrder = true)
    {
        x.RequiresGrad = true;
        var expected = BackwardGradient(f, x);
        AssertClose(expected, Autograd.Grad(f(x), x).ToArray(), 1e-12, "Grad");
        var graphGradient = Autograd.Grad(f(x), x, createGraph: true);
        AssertClose(expected, graphGradient.ToArray(), 1e-12, "Grad(createGraph)");
        if (!secondOrder)
        {
            return;
        }

        var v = GradCheck.Random(random, x.Shape);
        var hessianTimesV = Autograd.Grad((graphGradient * v).Sum(), x).ToArray();
        const double epsilon = 1e-5;
        var original = x.ToArray();
        var span = x.AsSpan<double>();
        var direction = v.ToArray();
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = original[i] + (epsilon * direction[i]);
        }

        var plus = BackwardGradient(f, x);
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = original[i] - (epsilon * direction[i]);
        }

        var minus = BackwardGradient(f, x);
        original.CopyTo(span);
        var numeric = plus.Select((p, i) => (p - minus[i]) / (2 * epsilon)).ToArray();
        AssertClose(numeric, hessianTimesV, 1e-5, "Hessian·v");
    }

    [Theory]
    [MemberData(nameof(TensorOpGradientTests.UnaryOps), MemberType = typeof(TensorOpGradientTests))]
    public void UnaryOpFirstAndSecondDerivativesMatchBackwardAndFiniteDifferences(string op) =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            int[] dims = shape.Seed % 3 == 0 ? [shape.Cols] : [shape.Rows, shape.Cols];
            var x = GradCheck.Random(random, dims, avoidBelow: 0.2);
            int[] outputShape;
            using (Tensor.NoGrad())
            {
                outputShape = TensorOpGradientTests.Unary(op, x).Shape;
            }

            var weights = GradCheck.Random(new Random(shape.Seed), outputShape);
            CheckFirstAndSecondOrder(t => (TensorOpGradientTests.Unary(op, t) * weights).Sum().Square(), x, random, !FirstOrderOnly.Contains(op));
        }, iter: 10);

    [Theory]
    [MemberData(nameof(TensorOpGradientTests.BinaryCases), MemberType = typeof(TensorOpGradientTests))]
    public void BroadcastBinaryFirstAndSecondDerivativesMatchBackwardAndFiniteDifferences(string op, string pattern) =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            int r = shape.Rows, c = shape.Cols;
            var (a, b) = TensorOpGradientTests.BroadcastShapes(pattern, r, c);
            var x = GradCheck.Random(random, a, avoidBelow: 0.3);
            var y = GradCheck.Random(random, b, avoidBelow: 0.3);
            Tensor Combine(Tensor left, Tensor right) => TensorOpGradientTests.Binary(op, left, right);

            // Each operand in turn is the differentiated input; the other one requires grad too, so the graph is shared.
            y.RequiresGrad = true;
            CheckFirstAndSecondOrder(t => Combine(t, y.Sin()).Tanh().Sum().Square(), x, random);
            x.RequiresGrad = true;
            CheckFirstAndSecondOrder(t => Combine(x.Sin(), t).Tanh().Sum().Square(), y, random);
        }, iter: 5);

    [Fact]
    public void MatMulAndLinearFirstAndSecondDerivativesMatchForEveryRankCombination() =>
        Gen.Select(Gen.Int, Gen.Int[1, 6], Gen.Int[1, 6], Gen.Int[1, 6]).Sample((seed, m, k, n) =>
        {
            var random = new Random(seed);
            foreach (var (a, b) in new (int[], int[])[] { ([m, k], [k, n]), ([m, k], [k]), ([k], [k, n]), ([k], [k]) })
            {
                var x = GradCheck.Random(random, a).RequireGrad();
                var y = GradCheck.Random(random, b).RequireGrad();
                CheckFirstAndSecondOrder(t => t.MatMul(y).Tanh().Sum().Square(), x, random);
                CheckFirstAndSecondOrder(t => x.MatMul(t).Tanh().Sum().Square(), y, random);
            }

            var weight = GradCheck.Random(random, [n, k]).RequireGrad();
            var bias = GradCheck.Random(random, [n]).RequireGrad();
            foreach (int[] shape in new[] { new[] { m, k }, [k] })
            {
                var input = GradCheck.Random(random, shape).RequireGrad();
                CheckFirstAndSecondOrder(t => Tensor.Linear(t, weight, bias).Tanh().Sum().Square(), input, random);
                CheckFirstAndSecondOrder(t => Tensor.Linear(input, t, bias).Tanh().Sum().Square(), weight, random);
                CheckFirstAndSecondOrder(t => Tensor.Linear(input, weight, t).Tanh().Sum().Square(), bias, random);
            }
        }, iter: 10);

    [Fact]
    public void ColumnSliceAndConcatFirstAndSecondDerivativesMatch() =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            var x = GradCheck.Random(random, [shape.Rows, shape.Cols + 2]);
            var other = GradCheck.Random(random, [shape.Rows, 2]).RequireGrad();
            CheckFirstAndSecondOrder(t => Tensor.ConcatColumns(t.SliceColumns(1, shape.Cols).Sin(), other, t.SliceColumns(0, 1)).Tanh().Sum().Square(), x, random);
            CheckFirstAndSecondOrder(t => Tensor.ConcatColumns(x.Exp(), t).SliceColumns(shape.Cols, 3).Tanh().Sum().Square(), other, random);
        }, iter: 10);

    [Fact]
    public void ColumnOperationsCopyThePyTorchColumns()
    {
        var points = Tensor.FromArray(new double[,] { { 1, 2, 3 }, { 4, 5, 6 } }, DType.Float64);
        Assert.Equal([2.0, 3, 5, 6], points.SliceColumns(1, 2).ToArray());
        Assert.Equal([2, 2], points.SliceColumns(1, 2).Shape);
        var joined = Tensor.ConcatColumns(points.SliceColumns(2, 1), points.SliceColumns(0, 2));
        Assert.Equal([3.0, 1, 2, 6, 4, 5], joined.ToArray());
        Assert.Throws<ArgumentOutOfRangeException>("count", () => points.SliceColumns(2, 2));
        Assert.Throws<ArgumentOutOfRangeException>("start", () => points.SliceColumns(-1, 1));
        Assert.Throws<ArgumentException>("this", () => Tensor.Zeros(3, DType.Float64).SliceColumns(0, 1));
        Assert.Throws<ArgumentException>("parts", () => Tensor.ConcatColumns(points, Tensor.Zeros(3, 1, DType.Float64)));
        Assert.Throws<ArgumentException>("parts", () => Tensor.ConcatColumns());
    }
}
