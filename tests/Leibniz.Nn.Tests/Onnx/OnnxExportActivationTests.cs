using Microsoft.ML.OnnxRuntime;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>Every built-in activation, exported and run by ONNX Runtime, computes what Forward computes.</summary>
public sealed class OnnxExportActivationTests
{
    public static TheoryData<string> Activations() =>
    [
        "ReLU", "Sigmoid", "Tanh", "LeakyReLU", "LeakyReLU(0.2)", "Softplus", "Softplus(2,5)", "Softplus(0.5,20)",
        "Softplus(1,inf)", "ELU", "ELU(0.7)", "SiLU", "Heaviside", "Sign",
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
        "Heaviside" => new Heaviside(),
        "Sign" => new Sign(),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "Unknown activation."),
    };

    [Theory]
    [MemberData(nameof(Activations))]
    public void MlpWithTheActivationMatchesForward(string activation)
    {
        var random = new Random(7);
        var model = new Sequential(
            new Linear(5, 16, random: random), Create(activation),
            new Linear(16, 8, random: random), Create(activation),
            new Linear(8, 3, random: random));
        OnnxRuntimeRunner.AssertMatches(model, 5, 37, seed: 11);
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
