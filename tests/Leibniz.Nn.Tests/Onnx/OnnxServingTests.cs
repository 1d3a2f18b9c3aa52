using Leibniz.Nn.Tests.Data;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>The serving lines of docs/onnx.md, run verbatim.</summary>
public sealed class OnnxServingTests
{
    [Fact]
    public void TheDocumentedServingLinesRunTheExportedModel()
    {
        var random = new Random(8);
        var model = new Sequential(new Linear(13, 32, random: random), new ReLU(), new Linear(32, 1, random: random));
        var modelPath = Path.Combine(Path.GetTempPath(), $"leibniz-serving-{Guid.NewGuid():N}.onnx");
        const int rows = 5;
        const int columns = 13;
        var features = OnnxRuntimeRunner.RandomInput(random, rows * columns);
        try
        {
            model.ExportOnnx(modelPath);

            using var session = new InferenceSession(modelPath);
            using var results = session.Run([NamedOnnxValue.CreateFromTensor("input", new DenseTensor<float>(features, [rows, columns]))]);
            float[] predictions = results[0].AsEnumerable<float>().ToArray();

            var error = OnnxRuntimeRunner.MaxError(OnnxRuntimeRunner.Forward(model, features, rows), predictions);
            Assert.True(error <= OnnxRuntimeRunner.Tolerance, $"Differs by {error:E2}.");
        }
        finally
        {
            File.Delete(modelPath);
        }
    }

    [Fact]
    public void TheDocsShowExactlyTheLinesThisTestRuns()
    {
        var root = Path.GetFullPath(Path.Combine(TestFiles.Fixture(""), "..", "..", ".."));
        var docs = File.ReadAllLines(Path.Combine(root, "docs", "onnx.md"));
        var marker = Array.FindIndex(docs, line => line.Contains("run verbatim by tests/Leibniz.Nn.Tests/Onnx/OnnxServingTests.cs", StringComparison.Ordinal));
        Assert.True(marker >= 0, "docs/onnx.md lost the marker above its serving lines.");
        Assert.Equal("```csharp", docs[marker + 1]);
        var lines = docs.Skip(marker + 2).TakeWhile(line => line != "```").ToArray();
        Assert.Equal(3, lines.Length);

        var source = File.ReadAllLines(Path.Combine(root, "tests", "Leibniz.Nn.Tests", "Onnx", "OnnxServingTests.cs")).Select(l => l.Trim()).ToHashSet();
        foreach (var line in lines)
        {
            Assert.Contains(line, source);
        }
    }
}
