using Leibniz.Nn.Pinn;

namespace Leibniz.Nn.Tests.Pinn;

/// <summary>The Taylor propagation's value and input derivatives against central finite differences of the plain forward, in float64.</summary>
public sealed class JetTests
{
    public static TheoryData<string> Activations => ["tanh", "sigmoid", "silu", "softplus", "softplus-threshold", "sin", "siren"];

    private static Module Activation(string name) => name switch
    {
        "tanh" => new Tanh(),
        "sigmoid" => new Sigmoid(),
        "silu" => new SiLU(),
        "softplus" => new Softplus(beta: 2),
        "softplus-threshold" => new Softplus(beta: 1, threshold: 0.5),
        "siren" => new Sin(frequency: 3),
        _ => SinActivation.Create(),
    };

    internal static Sequential Network(string activation, int inputs, int seed, int width = 10) => new(
        new Linear(inputs, width, random: new Random(seed), dtype: DType.Float64), Activation(activation),
        new Linear(width, width, random: new Random(seed + 1), dtype: DType.Float64), Activation(activation),
        new Linear(width, 1, random: new Random(seed + 2), dtype: DType.Float64));

    private static double Evaluate(Sequential model, double[] point)
    {
        using (Tensor.NoGrad())
        {
            return model.Forward(Tensor.FromArray(point, 1, point.Length, DType.Float64)).Item();
        }
    }

    /// <summary>∂²f/∂xₐ∂x_b by the central four-point stencil (the pure case is the three-point one).</summary>
    private static double SecondDifference(Sequential model, double[] point, int a, int b, double h)
    {
        double At(double da, double db)
        {
            var p = (double[])point.Clone();
            p[a] += da;
            p[b] += db;
            return Evaluate(model, p);
        }

        return a == b
            ? (At(h, 0) - (2 * Evaluate(model, point)) + At(-h, 0)) / (h * h)
            : (At(h, h) - At(h, -h) - At(-h, h) + At(-h, -h)) / (4 * h * h);
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void ValueFirstSecondAndMixedDerivativesMatchFiniteDifferences(string activation)
    {
        var model = Network(activation, inputs: 3, seed: 7);
        var random = new Random(3);
        var points = Tensor.Uniform(5, 3, -1.5, 1.5, random, DType.Float64);
        var taylor = new TaylorForward(model, new InputDerivatives([0, 2, 1], [(0, 0), (2, 2), (0, 2), (1, 0)]));
        var jet = taylor.Forward(points);
        Assert.Equal(5, jet.Count);
        for (var i = 0; i < 5; i++)
        {
            var point = new[] { points[i, 0], points[i, 1], points[i, 2] };
            Assert.Equal(Evaluate(model, point), jet.Value[i, 0], 1e-12);
            foreach (var column in new[] { 0, 1, 2 })
            {
                const double h = 1e-5;
                var plus = (double[])point.Clone();
                var minus = (double[])point.Clone();
                plus[column] += h;
                minus[column] -= h;
                var difference = (Evaluate(model, plus) - Evaluate(model, minus)) / (2 * h);
                Assert.Equal(difference, jet.D(column)[i, 0], 1e-8);
            }

            foreach (var (a, b) in new[] { (0, 0), (2, 2), (0, 2), (1, 0) })
            {
                Assert.Equal(SecondDifference(model, point, a, b, 1e-4), jet.D2(a, b)[i, 0], 1e-5);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Activations))]
    public void ParameterGradientOfALossOnTheJetMatchesFiniteDifferences(string activation)
    {
        var model = Network(activation, inputs: 2, seed: 11, width: 10);
        var points = Tensor.Uniform(6, 2, -1, 1, new Random(5), DType.Float64);
        var taylor = new TaylorForward(model, new InputDerivatives([0, 1], [(0, 0), (0, 1)]));
        var weights = Tensor.FromArray(new[] { 0.3, -0.7, 1.1, 0.4, -0.2, 0.9 }, 6, 1, DType.Float64);

        // A loss that uses every block, nonlinearly: Σ w·(u·uₓ + u_y² + uₓₓ·u + sin-free mixes).
        double Loss(bool backward)
        {
            var jet = taylor.Forward(points);
            var u = jet.Value;
            var terms = (u * jet.D(0)) + jet.D(1).Square() + (jet.D2(0) * u) + (jet.D2(0, 1) * jet.D(0)) + jet.D2(0, 1);
            var loss = (terms * weights).Sum();
            if (backward)
            {
                loss.Backward();
            }

            return loss.Item();
        }

        model.ZeroGrad();
        Loss(backward: true);
        foreach (var parameter in model.Parameters())
        {
            var gradient = parameter.Grad.ToArray();
            var values = parameter.AsSpan<double>();
            for (var i = 0; i < values.Length; i++)
            {
                const double h = 1e-6;
                var saved = values[i];
                values[i] = saved + h;
                var plus = Loss(backward: false);
                values[i] = saved - h;
                var minus = Loss(backward: false);
                values[i] = saved;
                Assert.Equal((plus - minus) / (2 * h), gradient[i], 1e-6);
            }
        }
    }

    [Fact]
    public void Float32JetAgreesWithFloat64()
    {
        // Width 20: the SIMD paths with an overlapping last vector (8 + 8 + 4 floats, 4 × 5 doubles).
        var model64 = Network("tanh", inputs: 2, seed: 3, width: 20);
        var model32 = new Sequential(
            new Linear(2, 20, random: new Random(3)), new Tanh(),
            new Linear(20, 20, random: new Random(4)), new Tanh(),
            new Linear(20, 1, random: new Random(5)));
        var points = Tensor.Uniform(9, 2, -1, 1, new Random(1), DType.Float64);
        var request = new InputDerivatives([0, 1], [(0, 0), (1, 1)]);
        var jet64 = new TaylorForward(model64, request).Forward(points);
        var jet32 = new TaylorForward(model32, request).Forward(points.To(DType.Float32));
        var expected = jet64.Stacked.ToArray();
        var actual = jet32.Stacked.ToArray();
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], 1e-5);
        }

        // The parameter gradients of a loss on every block agree too (the SIMD weight-gradient and input-gradient paths).
        jet64.Stacked.Square().Sum().Backward();
        jet32.Stacked.Square().Sum().Backward();
        var parameters64 = model64.Parameters();
        var parameters32 = model32.Parameters();
        for (var p = 0; p < parameters64.Count; p++)
        {
            var g64 = parameters64[p].Grad.ToArray();
            var g32 = parameters32[p].Grad.ToArray();
            for (var i = 0; i < g64.Length; i++)
            {
                Assert.Equal(g64[i], g32[i], 1e-4 * Math.Max(1, Math.Abs(g64[i])));
            }
        }
    }

    [Fact]
    public void BadRequestsAndModulesAreRejectedWithTheirProblem()
    {
        var model = Network("tanh", inputs: 2, seed: 1);
        Assert.Contains("twice", Assert.Throws<ArgumentException>(() => new InputDerivatives([0, 0])).Message);
        Assert.Contains("among the first derivatives", Assert.Throws<ArgumentException>(() => new InputDerivatives([0], [(0, 1)])).Message);
        Assert.Contains("does not exist", Assert.Throws<ArgumentException>(() => new TaylorForward(model, new InputDerivatives([2]))).Message);
        var relu = new Sequential(new Linear(2, 3, dtype: DType.Float64), new ReLU(), new Linear(3, 1, dtype: DType.Float64));
        Assert.Contains("ReLU has no Taylor rule", Assert.Throws<ArgumentException>(() => new TaylorForward(relu, new InputDerivatives([0]))).Message);
        var taylor = new TaylorForward(model, new InputDerivatives([0], [(0, 0)]));
        Assert.Contains("[N, 2]", Assert.Throws<ArgumentException>(() => taylor.Forward(Tensor.Zeros(3, 3, DType.Float64))).Message);
        Assert.Contains("Float32", Assert.Throws<ArgumentException>(() => taylor.Forward(Tensor.Zeros(3, 2))).Message);
        var jet = taylor.Forward(Tensor.Zeros(3, 2, DType.Float64));
        Assert.Contains("column 1", Assert.Throws<ArgumentException>(() => jet.D(1)).Message);
    }
}
