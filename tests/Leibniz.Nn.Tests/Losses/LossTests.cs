using CsCheck;
using Leibniz.Nn.Tests.Tensors;

namespace Leibniz.Nn.Tests.Losses;

public sealed class LossTests
{
    private static readonly Gen<(int Seed, int Rows, int Cols)> Shapes = Gen.Select(Gen.Int, Gen.Int[1, 6], Gen.Int[1, 5]);

    public static TheoryData<string> ElementwiseLosses => ["mse", "mse_sum", "l1", "l1_sum", "huber", "huber_sum", "bce", "bce_sum"];

    private static Loss Create(string name) => name switch
    {
        "mse" => new MSELoss(),
        "mse_sum" => new MSELoss(Reduction.Sum),
        "l1" => new L1Loss(),
        "l1_sum" => new L1Loss(Reduction.Sum),
        "huber" => new HuberLoss(0.7),
        "huber_sum" => new HuberLoss(0.7, Reduction.Sum),
        "bce" => new BCEWithLogitsLoss(),
        _ => new BCEWithLogitsLoss(Reduction.Sum),
    };

    /// <summary>The published per-element formula, summed or averaged, computed independently in double.</summary>
    private static double Reference(string name, double[] x, double[] t)
    {
        var total = 0.0;
        for (var i = 0; i < x.Length; i++)
        {
            var d = x[i] - t[i];
            total += name.Split('_')[0] switch
            {
                "mse" => d * d,
                "l1" => Math.Abs(d),
                "huber" => Math.Abs(d) <= 0.7 ? 0.5 * d * d : 0.7 * (Math.Abs(d) - 0.35),
                _ => -((t[i] * Math.Log(1 / (1 + Math.Exp(-x[i])))) + ((1 - t[i]) * Math.Log(1 - (1 / (1 + Math.Exp(-x[i])))))),
            };
        }

        return name.EndsWith("_sum", StringComparison.Ordinal) ? total : total / x.Length;
    }

    [Theory]
    [MemberData(nameof(ElementwiseLosses))]
    public void ElementwiseLossMatchesFormulaAndFiniteDifferences(string name) =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            var loss = Create(name);
            var prediction = GradCheck.Random(random, [shape.Rows, shape.Cols], avoidBelow: 0.05);
            var target = name.StartsWith("bce", StringComparison.Ordinal)
                ? GradCheck.Random(random, [shape.Rows, shape.Cols], 0, 1)
                : GradCheck.Random(random, [shape.Rows, shape.Cols]);
            using (Tensor.NoGrad())
            {
                Assert.Equal(Reference(name, prediction.ToArray(), target.ToArray()), loss.Forward(prediction, target).Item(), 1e-10);
            }

            GradCheck.Assert(t => loss.Forward(t[0], target), prediction);
        }, iter: 20);

    [Fact]
    public void CrossEntropyWithClassIndicesMatchesLogSoftmaxFormulaAndFiniteDifferences() =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            var classes = shape.Cols + 1;
            var logits = GradCheck.Random(random, [shape.Rows, classes], -4, 4);
            var labels = new double[shape.Rows];
            for (var i = 0; i < labels.Length; i++)
            {
                labels[i] = random.Next(classes);
            }

            var target = Tensor.FromArray(labels, DType.Float64);
            foreach (var reduction in new[] { Reduction.Mean, Reduction.Sum })
            {
                var loss = new CrossEntropyLoss(reduction);
                var expected = 0.0;
                for (var r = 0; r < shape.Rows; r++)
                {
                    var sum = 0.0;
                    for (var c = 0; c < classes; c++)
                    {
                        sum += Math.Exp(logits[r, c]);
                    }

                    expected -= logits[r, (int)labels[r]] - Math.Log(sum);
                }

                expected /= reduction == Reduction.Mean ? shape.Rows : 1;
                using (Tensor.NoGrad())
                {
                    Assert.Equal(expected, loss.Forward(logits, target).Item(), 1e-10);
                }

                GradCheck.Assert(t => loss.Forward(t[0], target), logits);
            }
        }, iter: 20);

    [Fact]
    public void CrossEntropyWithProbabilitiesMatchesFiniteDifferences() =>
        Shapes.Sample(shape =>
        {
            var random = new Random(shape.Seed);
            var logits = GradCheck.Random(random, [shape.Rows, shape.Cols]);
            Tensor probabilities;
            using (Tensor.NoGrad())
            {
                probabilities = GradCheck.Random(random, [shape.Rows, shape.Cols]).Softmax();
            }

            GradCheck.Assert(t => new CrossEntropyLoss().Forward(t[0], probabilities), logits);
        }, iter: 20);

    [Fact]
    public void CrossEntropyIsStableForHugeLogits()
    {
        var logits = Tensor.FromArray([1000.0, -1000.0, 0.0, 1000.0], 2, 2);
        var loss = new CrossEntropyLoss().Forward(logits, Tensor.FromArray([0.0, 0.0]));
        Assert.Equal(500.0, loss.Item(), 1e-3);
    }

    [Fact]
    public void BceWithLogitsIsStableForHugeLogits()
    {
        var loss = new BCEWithLogitsLoss().Forward(Tensor.FromArray([200.0, -200.0]), Tensor.FromArray([0.0, 1.0]));
        Assert.Equal(200.0, loss.Item(), 1e-3);
    }

    [Fact]
    public void MismatchedShapesNameBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(() => new MSELoss().Forward(Tensor.Zeros(100, 1), Tensor.Zeros(100)));
        Assert.Contains("[100, 1]", error.Message, StringComparison.Ordinal);
        Assert.Contains("[100]", error.Message, StringComparison.Ordinal);
        Assert.Equal("target", error.ParamName);
    }

    [Fact]
    public void InvalidClassIndexIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new CrossEntropyLoss().Forward(Tensor.Zeros(2, 3), Tensor.FromArray([0.0, 3.0])));
        Assert.Contains("Class index 3", error.Message, StringComparison.Ordinal);
    }
}
