using Microsoft.ML.OnnxRuntime;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>Every built-in activation, exported and run by ONNX Runtime, computes what Forward computes.</summary>
public sealed class OnnxExportActivationTests
{
    public static TheoryData<string> Activations() =>
    [
        "ReLU", "Sigmoid", "Tanh", "LeakyReLU", "LeakyReLU(0.2)", "Softplus", "Softplus(2,5)", "Softplus(0.5,20)",
        "Softplus(1,inf)", "ELU", "ELU(0.7)", "SiLU", "Sin", "Sin(30)", "Heaviside", "Sign",
    ];

    internal static Module Create(string name) => name switch
    {
        "ReLU" => new ReLU(),
        "Sigmoid" => new Sigmoid(),
        "Tanh" => new Tanh(),
        "LeakyReLU" => new LeakyReLU(),
        "LeakyReLU(0.2)" => new LeakyReLU(0.2),
        "Softplus" => new Softplus(),
        "Softplus(2,5)" => new Softplus(2, 5),
        "Softplus(0.5,20)" => new Softplus(0.5, 20),
        "Softplus(1,inf)" => new Softplus(1, double.PositiveInfinity),
        "ELU" => new ELU(),
        "ELU(0.7)" => new ELU(0.7),
        "SiLU" => new SiLU(),
        "Sin" => new Sin(),
        "Sin(30)" => new Sin(30),
        "Heaviside" => new Heaviside(),
        "Sign" => new Sign(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown activation."),
    };

    /// <summary>
    /// sin(ω·z) turns the two engines' float32 rounding of z (their Gemms sum in different orders) into ω times that
    /// difference, so SIREN's ω = 30 gets 30 times the tolerance; its network is initialised as SIREN's (hidden
    /// weights divided by ω), so the factor does not compound from layer to layer. Its edge values, fed exactly,
    /// keep the plain tolerance.
    /// </summary>
    [Theory]
    [MemberData(nameof(Activations))]
    public void MlpWithTheActivationMatchesForward(string activation)
    {
        var random = new Random(7);
        Linear first = new(5, 16, random: random), hidden = new(16, 8, random: random), last = new(8, 3, random: random);
        var model = new Sequential(first, Create(activation), hidden, Create(activation), last);
        var tolerance = OnnxRuntimeRunner.Tolerance;
        if (activation == "Sin(30)")
        {
            Siren.InitializeFirst(first, random);
            Siren.InitializeHidden(hidden, 30, random);
            Siren.InitializeHidden(last, 30, random);
            tolerance *= 30;
        }

        OnnxRuntimeRunner.AssertMatches(model, 5, 37, seed: 11, tolerance);
    }

    /// <summary>
    /// The activation sees the edge values directly (an identity Linear in front is exact): signed zeros, tiny and
    /// huge magnitudes, the points where Softplus switches to linear, and NaN.
    /// </summary>
    [Theory]
    [MemberData(nameof(Activations))]
    public void EdgeValuesMatchForward(string activation)
    {
        float[] edges = [0f, -0f, 1e-30f, -1e-30f, 1e-7f, -1e-7f, 2.5f, 2.5000002f, 5f, 10f, 20f, 20.000002f, 40f, -20f, -40f, 88f, -88f, 100f, -100f, 3e38f, -3e38f, 0.5f];
        const int width = 2;
        var identity = new Linear(width, width);
        identity.Weight.AsSpan<float>().Clear();
        identity.Weight.AsSpan<float>()[0] = 1f;
        identity.Weight.AsSpan<float>()[3] = 1f;
        identity.Bias!.Value.AsSpan<float>().Clear();
        var model = new Sequential(identity, Create(activation));
        float[] input = [.. edges, float.NaN, float.NaN];
        var rows = input.Length / width;

        using var session = new InferenceSession(OnnxRuntimeRunner.Export(model));
        var expected = OnnxRuntimeRunner.Forward(model, input, rows);
        var actual = OnnxRuntimeRunner.Run(session, input, rows);
        Assert.True(OnnxRuntimeRunner.MaxError(expected, actual) <= OnnxRuntimeRunner.Tolerance,
            $"{activation}: Forward [{string.Join(", ", expected)}], ONNX Runtime [{string.Join(", ", actual)}].");
    }
}
