using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>Runs an exported model with ONNX Runtime and compares it with <see cref="Module.Forward"/>.</summary>
internal static class OnnxRuntimeRunner
{
    /// <summary>The largest accepted difference: absolute below 1, relative above.</summary>
    public const double Tolerance = 1e-6;

    public static byte[] Export(Module model, OnnxExportOptions? options = null)
    {
        using var stream = new MemoryStream();
        model.ExportOnnx(stream, options);
        return stream.ToArray();
    }

    public static float[] Run(InferenceSession session, float[] input, int batch, string inputName = "input")
    {
        var features = input.Length / batch;
        var tensor = new DenseTensor<float>(input, [batch, features]);
        using var results = session.Run([NamedOnnxValue.CreateFromTensor(inputName, tensor)]);
        return [.. results[0].AsEnumerable<float>()];
    }

    public static float[] Forward(Module model, float[] input, int batch)
    {
        model.Eval();
        using (Tensor.NoGrad())
        {
            var output = model.Forward(Tensor.FromArray(input, batch, input.Length / batch));
            return [.. output.ToArray().Select(v => (float)v)];
        }
    }

    public static float[] RandomInput(Random random, int count, double scale = 2.0) =>
        [.. Enumerable.Range(0, count).Select(_ => (float)((random.NextDouble() * 2 - 1) * scale))];

    /// <summary>The largest difference relative to max(1, |expected|); NaN where exactly one side is NaN.</summary>
    public static double MaxError(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var worst = 0.0;
        for (var i = 0; i < expected.Length; i++)
        {
            if (float.IsNaN(expected[i]) || float.IsNaN(actual[i]))
            {
                Assert.True(float.IsNaN(expected[i]) && float.IsNaN(actual[i]), $"Element {i}: expected {expected[i]}, ONNX Runtime gave {actual[i]}.");
                continue;
            }

            worst = Math.Max(worst, Math.Abs((double)expected[i] - actual[i]) / Math.Max(1.0, Math.Abs((double)expected[i])));
        }

        return worst;
    }

    /// <summary>
    /// Exports, runs batches of 1 and <paramref name="batch"/> rows through one session, and checks both against
    /// Forward within <paramref name="tolerance"/> (<see cref="Tolerance"/> unless the model amplifies rounding).
    /// </summary>
    public static double AssertMatches(Module model, int inputs, int batch, int seed, double tolerance = Tolerance)
    {
        using var session = new InferenceSession(Export(model));
        var random = new Random(seed);
        var worst = 0.0;
        foreach (var rows in new[] { 1, batch })
        {
            var input = RandomInput(random, rows * inputs);
            var error = MaxError(Forward(model, input, rows), Run(session, input, rows));
            Assert.True(error <= tolerance, $"Batch {rows}: ONNX Runtime differs from Forward by {error:E2}.");
            worst = Math.Max(worst, error);
        }

        return worst;
    }
}
