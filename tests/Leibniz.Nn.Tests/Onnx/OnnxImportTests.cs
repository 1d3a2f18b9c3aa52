using System.Globalization;
using Leibniz.Nn.Tests.Data;
using Microsoft.ML.OnnxRuntime;
using Google.Protobuf;
using Onnx;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>Sequential.FromOnnx reads back what ExportOnnx writes, and what torch.onnx.export writes for the same layers.</summary>
public sealed class OnnxImportTests
{
    [Theory]
    [MemberData(nameof(OnnxExportActivationTests.Activations), MemberType = typeof(OnnxExportActivationTests))]
    public void AnExportedModelReadsBackToTheSameLayersAndOutputs(string activation)
    {
        var random = new Random(21);
        var model = new Sequential(
            new Linear(4, 9, random: random), OnnxExportActivationTests.Create(activation),
            new Linear(9, 5, bias: false, random: random), OnnxExportActivationTests.Create(activation),
            new Linear(5, 2, random: random));

        var imported = Sequential.FromOnnx(new MemoryStream(OnnxRuntimeRunner.Export(model)));

        Assert.Equal(model.Select(m => m.GetType()), imported.Select(m => m.GetType()));
        Assert.Equal(Describe(model), Describe(imported));
        foreach (var ((name, expected), (importedName, actual)) in model.NamedParameters().Zip(imported.NamedParameters()))
        {
            Assert.Equal(name, importedName);
            Assert.Equal(expected.ToArray(), actual.ToArray());
        }

        var input = OnnxRuntimeRunner.RandomInput(new Random(22), 30 * 4, scale: 4);
        Assert.Equal(OnnxRuntimeRunner.Forward(model, input, 30), OnnxRuntimeRunner.Forward(imported, input, 30));
    }

    [Fact]
    public void AModelExportedByTorchImportsAndComputesWhatTorchComputed()
    {
        var path = TestFiles.Fixture(Path.Combine("onnx", "torch_mlp.onnx"));
        var model = Sequential.FromOnnx(path);

        Assert.Equal(
            ["Linear", "ReLU", "Linear", "Tanh", "Linear", "SiLU", "Linear", "Softplus", "Linear", "ELU", "Linear", "LeakyReLU", "Linear", "Sigmoid", "Linear"],
            model.Select(m => m.GetType().Name));
        Assert.Null(((Linear)model[2]).Bias);
        Assert.Equal(2.0, ((Softplus)model[7]).Beta);
        Assert.Equal(0.5, ((ELU)model[9]).Alpha, 6);
        Assert.Equal(0.2, ((LeakyReLU)model[11]).NegativeSlope, 6);

        var rows = File.ReadAllLines(TestFiles.Fixture(Path.Combine("onnx", "torch_mlp.expected.csv"))).Skip(1)
            .Select(line => line.Split(',').Select(v => float.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        float[] input = [.. rows.SelectMany(r => r[..3])];
        float[] expected = [.. rows.SelectMany(r => r[3..])];
        var error = OnnxRuntimeRunner.MaxError(expected, OnnxRuntimeRunner.Forward(model, input, rows.Length));
        Assert.True(error <= OnnxRuntimeRunner.Tolerance, $"The imported model differs from torch by {error:E2}.");

        using var session = new InferenceSession(path);
        var runtimeError = OnnxRuntimeRunner.MaxError(OnnxRuntimeRunner.Run(session, input, rows.Length), OnnxRuntimeRunner.Forward(model, input, rows.Length));
        Assert.True(runtimeError <= OnnxRuntimeRunner.Tolerance, $"The imported model differs from ONNX Runtime by {runtimeError:E2}.");
    }

    [Fact]
    public void AReimportedTorchModelExportsAgainAndStillMatchesOnnxRuntime()
    {
        var model = Sequential.FromOnnx(TestFiles.Fixture(Path.Combine("onnx", "torch_mlp.onnx")));
        OnnxRuntimeRunner.AssertMatches(model, 3, 100, seed: 5);
    }

    [Fact]
    public void AnUnsupportedNodeIsNamedWithTheFile()
    {
        var data = new Dataset([1f, 2f, 3f, 5f], 2, [1f, 2f]);
        var model = new Sequential(new Linear(2, 1));
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            model.ExportOnnx(path, new OnnxExportOptions { Features = Standardizer.FitFeatures(data) });
            var error = Assert.Throws<OnnxFormatException>(() => Sequential.FromOnnx(path));
            Assert.StartsWith($"{path}: node 'features.scale' (Div): ", error.Message, StringComparison.Ordinal);
            Assert.Equal(path, error.FilePath);
            Assert.Equal("features.scale", error.NodeName);
            Assert.Equal("Div", error.OpType);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void ANodeOffTheChainIsNamed()
    {
        var graph = Graph(("Relu", "relu", ["input"], "output"), ("Tanh", "side_branch", ["input"], "unused"));
        var error = Assert.Throws<OnnxFormatException>(() => Read(graph));
        Assert.Contains("node 'side_branch' (Tanh)", error.Message, StringComparison.Ordinal);
        Assert.Contains("not on the single chain", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnUnnamedUnsupportedNodeIsNamedByItsIndex()
    {
        var graph = Graph(("Relu", "relu", ["input"], "hidden"), ("Softmax", "", ["hidden"], "output"));
        var error = Assert.Throws<OnnxFormatException>(() => Read(graph));
        Assert.Equal("#1", error.NodeName);
        Assert.Contains("'#1' (Softmax)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ANonOnnxFileIsReportedWithItsPath()
    {
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            File.WriteAllText(path, "x0,x1\n1,2\n");
            var error = Assert.Throws<OnnxFormatException>(() => Sequential.FromOnnx(path));
            Assert.StartsWith(path + ": ", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AMissingFileIsReported()
    {
        var error = Assert.Throws<FileNotFoundException>(() => Sequential.FromOnnx("no-such-model.onnx"));
        Assert.Contains("no-such-model.onnx", error.Message, StringComparison.Ordinal);
    }

    private static string Describe(Sequential model) => string.Join(" ", model.Select(m => m switch
    {
        Linear l => FormattableString.Invariant($"Linear({l.InFeatures},{l.OutFeatures},{l.Bias is not null})"),
        LeakyReLU l => FormattableString.Invariant($"LeakyReLU({(float)l.NegativeSlope})"),
        ELU e => FormattableString.Invariant($"ELU({(float)e.Alpha})"),
        Softplus s => FormattableString.Invariant($"Softplus({(float)s.Beta},{(float)s.Threshold})"),
        Sin s => FormattableString.Invariant($"Sin({(float)s.Frequency})"),
        _ => m.GetType().Name,
    }));

    private static GraphProto Graph(params (string Op, string Name, string[] Inputs, string Output)[] nodes)
    {
        var graph = new GraphProto { Name = "test" };
        graph.Input.Add(new ValueInfoProto { Name = "input" });
        graph.Output.Add(new ValueInfoProto { Name = "output" });
        foreach (var (op, name, inputs, output) in nodes)
        {
            var node = new NodeProto { OpType = op, Name = name };
            node.Input.Add(inputs);
            node.Output.Add(output);
            graph.Node.Add(node);
        }

        return graph;
    }

    private static Sequential Read(GraphProto graph)
    {
        var model = new ModelProto { IrVersion = 8, Graph = graph };
        model.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });
        using var stream = new MemoryStream();
        model.WriteTo(stream);
        stream.Position = 0;
        return Sequential.FromOnnx(stream, "test.onnx");
    }
}
