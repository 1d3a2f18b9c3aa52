using CsCheck;

namespace Leibniz.Nn.Tests.Tensors;

public sealed class TensorOpGradientTests
{
    private static readonly Gen<(int Seed, int Rows, int Cols)> Shapes = Gen.Select(Gen.Int, Gen.Int[1, 5], Gen.Int[1, 5]);

    public static TheoryData<string> UnaryOps =>
    [
        "neg", "exp", "log", "sqrt", "abs", "sin", "cos", "tanh", "sigmoid", "relu", "leaky_relu", "softplus",
        "softplus_beta", "elu", "silu", "pow3", "square", "pow_half", "add_scalar", "scalar_sub", "mul_scalar",
        "div_scalar", "scalar_div", "sum", "mean", "sum0", "sum1", "mean0", "mean1", "sum0_keep", "mean1_keep",
        "transpose", "reshape", "flatten", "log_softmax", "softmax", "custom_swish", "slice_rows", "index_rows",
        "concat",
    ];

    internal static Tensor Unary(string name, Tensor x) => name switch
    {
        "neg" => -x,
        "exp" => x.Exp(),
        "log" => x.Abs().Log(),
        "sqrt" => x.Abs().Sqrt(),
        "abs" => x.Abs(),
        "sin" => x.Sin(),
        "cos" => x.Cos(),
        "tanh" => x.Tanh(),
        "sigmoid" => x.Sigmoid(),
        "relu" => x.Relu(),
        "leaky_relu" => x.LeakyRelu(0.1),
        "softplus" => x.Softplus(),
        "softplus_beta" => x.Softplus(beta: 2, threshold: 1),
        "elu" => x.Elu(0.7),
        "silu" => x.Silu(),
        "pow3" => x.Pow(3),
        "square" => x.Square(),
        "pow_half" => x.Abs().Pow(0.5),
        "add_scalar" => x + 1.5,
        "scalar_sub" => 1.5 - x,
        "mul_scalar" => 2.5 * x,
        "div_scalar" => x / 4,
        "scalar_div" => 3 / x,
        "sum" => x.Sum(),
        "mean" => x.Mean(),
        "sum0" => x.Sum(0),
        "sum1" => x.Rank == 2 ? x.Sum(1) : x.Sum(0),
        "mean0" => x.Mean(0),
        "mean1" => x.Rank == 2 ? x.Mean(1) : x.Mean(0),
        "sum0_keep" => x.Sum(0, keepDims: true),
        "mean1_keep" => x.Rank == 2 ? x.Mean(1, keepDims: true) : x.Mean(0, keepDims: true),
        "transpose" => x.Transpose(),
        "reshape" => x.Reshape(1, -1),
        "flatten" => x.Reshape(-1),
        "log_softmax" => x.LogSoftmax(),
        "softmax" => x.Softmax(),
        "custom_swish" => x.Apply(Swish),
        "slice_rows" => x.SliceRows(x.Rows / 2, x.Rows - (x.Rows / 2)),
        "index_rows" => x.IndexRows([x.Rows - 1, 0, x.Rows - 1]),
        "concat" => Tensor.Concat(x, x.Exp(), x.SliceRows(0, 1)),
        _ => throw new ArgumentException(name),
    };

    private static readonly ElementwiseFunction Swish = new(
        x => x / (1 + Math.Exp(-x)),
        x =>
        {
            var s = 1 / (1 + Math.Exp(-x));
            return s + (x * s * (1 - s));
        },
        "swish");

    [Theory]
    [MemberData(nameof(UnaryOps))]
    public void UnaryOpGradientMatchesFiniteDifferences(string op) =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            int[] dims = shape.Seed % 3 == 0 ? [shape.Cols] : [shape.Rows, shape.Cols];
            var x = GradCheck.Random(random, dims, avoidBelow: 0.2);
            GradCheck.Assert(inputs => GradCheck.WeightedSum(Unary(op, inputs[0]), new Random(shape.Seed)), x);
        }, iter: 20);

    public static TheoryData<string, string> BinaryCases
    {
        get
        {
            var data = new TheoryData<string, string>();
            foreach (var op in new[] { "+", "-", "*", "/" })
            {
                foreach (var pattern in new[] { "same", "row", "column", "scalar", "vector", "row_left", "column_left", "outer" })
                {
                    data.Add(op, pattern);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(BinaryCases))]
    public void BroadcastBinaryGradientMatchesFiniteDifferences(string op, string pattern) =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            int r = shape.Rows, c = shape.Cols;
            var (a, b) = BroadcastShapes(pattern, r, c);
            var x = GradCheck.Random(random, a, avoidBelow: 0.3);
            var y = GradCheck.Random(random, b, avoidBelow: 0.3);
            GradCheck.Assert(
                inputs =>
                {
                    var z = Binary(op, inputs[0], inputs[1]);
                    Assert.Equal([r, c], z.Shape);
                    return GradCheck.WeightedSum(z, new Random(shape.Seed));
                },
                x,
                y);
        }, iter: 10);

    [Fact]
    public void MatMulGradientMatchesFiniteDifferencesForEveryRankCombination() =>
        Gen.Select(Gen.Int, Gen.Int[1, 12], Gen.Int[1, 12], Gen.Int[1, 12]).Sample((seed, m, k, n) =>
        {
            var random = new Random(seed);
            foreach (var (a, b) in new (int[], int[])[] { ([m, k], [k, n]), ([m, k], [k]), ([k], [k, n]), ([k], [k]) })
            {
                var x = GradCheck.Random(random, a);
                var y = GradCheck.Random(random, b);
                GradCheck.Assert(inputs => GradCheck.WeightedSum(inputs[0].MatMul(inputs[1]), new Random(seed)), x, y);
            }
        }, iter: 20);

    [Fact]
    public void LargeMatMulGradientMatchesFiniteDifferences()
    {
        // Large enough for the blocked, packed kernel (and its edge tiles), small enough for finite differences.
        var random = new Random(5);
        var x = GradCheck.Random(random, [19, 37]);
        var y = GradCheck.Random(random, [37, 41]);
        GradCheck.Assert(inputs => GradCheck.WeightedSum(inputs[0].MatMul(inputs[1]), new Random(6)), x, y);
    }

    [Fact]
    public void LinearGradientMatchesFiniteDifferences() =>
        Gen.Select(Gen.Int, Gen.Int[1, 12], Gen.Int[1, 12], Gen.Int[1, 12]).Sample((seed, batch, inputs, outputs) =>
        {
            var random = new Random(seed);
            var x = GradCheck.Random(random, [batch, inputs]);
            var w = GradCheck.Random(random, [outputs, inputs]);
            var b = GradCheck.Random(random, [outputs]);
            GradCheck.Assert(t => GradCheck.WeightedSum(Tensor.Linear(t[0], t[1], t[2]), new Random(seed)), x, w, b);
            GradCheck.Assert(t => GradCheck.WeightedSum(Tensor.Linear(t[0], t[1], null), new Random(seed)), x, w);
            var v = GradCheck.Random(random, [inputs]);
            GradCheck.Assert(t => GradCheck.WeightedSum(Tensor.Linear(t[0], t[1], t[2]), new Random(seed)), v, w, b);
        }, iter: 20);

    [Fact]
    public void ConcatRowsGradientMatchesFiniteDifferences() =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            var a = GradCheck.Random(random, [shape.Rows, shape.Cols]);
            var b = GradCheck.Random(random, [shape.Cols]);
            var c = GradCheck.Random(random, [2, shape.Cols]);
            GradCheck.Assert(t => GradCheck.WeightedSum(Tensor.ConcatRows(t[0], t[1], t[2]), new Random(shape.Seed)), a, b, c);
        }, iter: 10);

    [Fact]
    public void ReusedSubexpressionGradientMatchesFiniteDifferences()
    {
        // A diamond: x feeds two paths that meet again; only a topological order gets this right.
        var random = new Random(3);
        var x = GradCheck.Random(random, [3, 4]);
        var w = GradCheck.Random(random, [4, 4]);
        GradCheck.Assert(
            t =>
            {
                var h = t[0].MatMul(t[1]).Tanh();
                var g = (h * h) + h.Sigmoid() - (h * t[0]);
                return (g.Sum(1).Exp() + h.Mean()).Sum();
            },
            x,
            w);
    }

    [Fact]
    public void StepFunctionsHaveZeroGradient()
    {
        var x = Tensor.FromArray([-1.5, 0.0, 2.0], DType.Float64).RequireGrad();
        var y = (x.Heaviside() + x.Sign()).Sum() + (0 * x).Sum();
        y.Backward();
        Assert.Equal([0.0, 0.0, 0.0], x.Grad.ToArray());
        using (Tensor.NoGrad())
        {
            Assert.Equal([0.0, 1.0, 1.0], x.Heaviside().ToArray());
            Assert.Equal([-1.0, 0.0, 1.0], x.Sign().ToArray());
        }
    }

    /// <summary>The operand shapes of a broadcasting case of <see cref="BinaryCases"/> for an r × c result.</summary>
    internal static (int[] Left, int[] Right) BroadcastShapes(string pattern, int r, int c) => pattern switch
    {
        "same" => ([r, c], [r, c]),
        "row" => ([r, c], [1, c]),
        "column" => ([r, c], [r, 1]),
        "scalar" => ([r, c], []),
        "vector" => ([r, c], [c]),
        "row_left" => ([1, c], [r, c]),
        "column_left" => ([r, 1], [r, c]),
        _ => ([r, 1], [1, c]),
    };

    /// <summary>The binary operation <paramref name="op"/> (+, −, ×, ÷) of <see cref="BinaryCases"/>.</summary>
    internal static Tensor Binary(string op, Tensor left, Tensor right) => op switch
    {
        "+" => left + right,
        "-" => left - right,
        "*" => left * right,
        _ => left / right,
    };
}
