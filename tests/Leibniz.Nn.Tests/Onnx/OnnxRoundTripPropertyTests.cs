using CsCheck;
using Microsoft.ML.OnnxRuntime;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>Random architectures, parameters and inputs: export, ONNX Runtime and import all agree with Forward.</summary>
public sealed class OnnxRoundTripPropertyTests
{
    /// <summary>
    /// The smooth and piecewise-linear activations: after a step (Heaviside, Sign), a pre-activation within float32
    /// rounding of 0 could land on either side in two engines that sum in different orders, so the steps are
    /// covered by the deterministic tests instead; so is SIREN's sin(30·z), which multiplies that rounding by 30 in
    /// every layer it follows.
    /// </summary>
    private static readonly string[] Activations =
        [.. OnnxExportActivationTests.Activations().Select(row => row.Data).Where(name => name is not ("Heaviside" or "Sign" or "Sin(30)"))];

    /// <summary>Layer widths (input first), one activation per hidden layer, a bias flag per layer, and seeds.</summary>
    private static readonly Gen<(int[] Widths, int[] Activations, bool[] Biases, int Seed, int Batch)> Architectures =
        from depth in Gen.Int[1, 4]
        from widths in Gen.Int[1, 24].Array[depth + 1]
        from activations in Gen.Int[0, Activations.Length - 1].Array[depth]
        from biases in Gen.Bool.Array[depth]
        from seed in Gen.Int
        from batch in Gen.Int[1, 64]
        select (widths, activations, biases, seed, batch);

    [Fact]
    public void ExportRunAndImportAgreeWithForward() =>
        Architectures.Sample(architecture =>
        {
            var (widths, activations, biases, seed, batch) = architecture;
            var random = new Random(seed);
            var model = new Sequential();
            for (var layer = 0; layer < widths.Length - 1; layer++)
            {
                model.Add(new Linear(widths[layer], widths[layer + 1], biases[layer], random));
                if (layer < widths.Length - 2 || activations.Length == 1)
                {
                    model.Add(OnnxExportActivationTests.Create(Activations[activations[layer]]));
                }
            }

            var bytes = OnnxRuntimeRunner.Export(model);
            var input = OnnxRuntimeRunner.RandomInput(random, batch * widths[0], scale: 3);
            var expected = OnnxRuntimeRunner.Forward(model, input, batch);
            using var session = new InferenceSession(bytes);
            var error = OnnxRuntimeRunner.MaxError(expected, OnnxRuntimeRunner.Run(session, input, batch));
            Assert.True(error <= OnnxRuntimeRunner.Tolerance, $"ONNX Runtime differs from Forward by {error:E2}.");
            Assert.Equal(expected, OnnxRuntimeRunner.Forward(Sequential.FromOnnx(new MemoryStream(bytes)), input, batch));
        }, iter: 60);
}
