using Microsoft.ML.OnnxRuntime;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>The exported file's structure, models of several shapes and histories, and the exporter's errors.</summary>
public sealed class OnnxExportTests
{
    [Theory]
    [InlineData(1, 1, 1, 1)]
    [InlineData(1, 3, 7, 2)]
    [InlineData(2, 4, 32, 1)]
    [InlineData(4, 8, 64, 3)]
    [InlineData(6, 2, 17, 5)]
    public void MlpsOfSeveralDepthsAndWidthsMatchForward(int depth, int inputs, int width, int outputs)
    {
        var random = new Random(depth * 100 + width);
        string[] activations = ["Tanh", "ReLU", "SiLU", "Softplus(2,5)", "ELU", "Sigmoid"];
        var model = new Sequential();
        var features = inputs;
        for (var layer = 0; layer < depth; layer++)
        {
            model.Add(new Linear(features, width, random: random));
            model.Add(OnnxExportActivationTests.Create(activations[layer % activations.Length]));
            features = width;
        }

        model.Add(new Linear(features, outputs, random: random));
        OnnxRuntimeRunner.AssertMatches(model, inputs, batch: 257, seed: depth);
    }

    [Fact]
    public void NestedSequentialsAndLayersWithoutBiasMatchForward()
    {
        var random = new Random(3);
        var model = new Sequential(
            new Sequential(new Linear(4, 8, bias: false, random: random), new Tanh()),
            new Sequential(new Sequential(new Linear(8, 8, random: random), new LeakyReLU(0.1))),
            new Linear(8, 2, bias: false, random: random));
        OnnxRuntimeRunner.AssertMatches(model, 4, 50, seed: 4);
    }

    [Fact]
    public void ASingleLinearLayerExports()
    {
        OnnxRuntimeRunner.AssertMatches(new Linear(3, 2, random: new Random(1)), 3, 10, seed: 2);
    }

    [Fact]
    public void AFloat64ModelExportsAsFloat32WithinFloat32Rounding()
    {
        var random = new Random(12);
        var model = new Sequential(
            new Linear(3, 10, random: random, dtype: DType.Float64), new Tanh(), new Linear(10, 2, random: random, dtype: DType.Float64));
        var proto = global::Onnx.ModelProto.Parser.ParseFrom(OnnxRuntimeRunner.Export(model));
        Assert.All(proto.Graph.Initializer, i => Assert.Equal((int)global::Onnx.TensorProto.Types.DataType.Float, i.DataType));

        using var session = new InferenceSession(OnnxRuntimeRunner.Export(model));
        var input = OnnxRuntimeRunner.RandomInput(random, 16 * 3);
        model.Eval();
        double[] expected;
        using (Tensor.NoGrad())
        {
            expected = model.Forward(Tensor.FromArray(input, 16, 3, DType.Float64)).ToArray();
        }

        var error = OnnxRuntimeRunner.MaxError([.. expected.Select(v => (float)v)], OnnxRuntimeRunner.Run(session, input, 16));
        Assert.True(error <= 1e-5, $"Differs by {error:E2}.");
    }

    [Fact]
    public void ATrainedModelMatchesForward()
    {
        var random = new Random(5);
        var model = new Sequential(new Linear(3, 16, random: random), new Tanh(), new Linear(16, 1, random: random));
        var x = Tensor.Randn(128, 3, random);
        var y = Tensor.Randn(128, 1, random);
        var optimizer = new Adam(model.Parameters(), 1e-2);
        var loss = new MSELoss();
        var first = 0.0;
        var last = 0.0;
        for (var step = 0; step < 100; step++)
        {
            optimizer.ZeroGrad();
            var value = loss.Forward(model.Forward(x), y);
            value.Backward();
            optimizer.Step();
            last = value.Item();
            first = step == 0 ? last : first;
        }

        Assert.True(last < first, $"Training did not lower the loss ({first} → {last}).");
        OnnxRuntimeRunner.AssertMatches(model, 3, 64, seed: 6);
    }

    [Fact]
    public void AModelLoadedFromAParameterFileMatchesTheSavedOne()
    {
        Sequential Build(int seed)
        {
            var random = new Random(seed);
            return new Sequential(new Linear(4, 12, random: random), new SiLU(), new Linear(12, 2, random: random));
        }

        var saved = Build(1);
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-onnx-{Guid.NewGuid():N}.bin");
        try
        {
            saved.SaveParameters(path);
            var loaded = Build(2);
            loaded.LoadParameters(path);
            using var session = new InferenceSession(OnnxRuntimeRunner.Export(loaded));
            var input = OnnxRuntimeRunner.RandomInput(new Random(3), 20 * 4);
            var error = OnnxRuntimeRunner.MaxError(OnnxRuntimeRunner.Forward(saved, input, 20), OnnxRuntimeRunner.Run(session, input, 20));
            Assert.True(error <= OnnxRuntimeRunner.Tolerance, $"Differs by {error:E2}.");
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void TheFileDeclaresNamedInputAndOutputWithADynamicBatchAndOpset17()
    {
        var model = new Sequential(new Linear(6, 4, random: new Random(1)), new ReLU(), new Linear(4, 2, random: new Random(2)));
        var path = Path.Combine(Path.GetTempPath(), $"leibniz-onnx-{Guid.NewGuid():N}.onnx");
        try
        {
            model.ExportOnnx(path, new OnnxExportOptions
            {
                InputName = "features", OutputName = "price", BatchDimension = "rows",
                Metadata = new Dictionary<string, string> { ["feature_names"] = "a,b,c,d,e,f" },
            });
            Assert.Equal(OnnxRuntimeRunner.Export(model, new OnnxExportOptions
            {
                InputName = "features", OutputName = "price", BatchDimension = "rows",
                Metadata = new Dictionary<string, string> { ["feature_names"] = "a,b,c,d,e,f" },
            }), File.ReadAllBytes(path));
            var proto = global::Onnx.ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
            Assert.Equal(8, proto.IrVersion);
            Assert.Equal(17, Assert.Single(proto.OpsetImport).Version);
            Assert.Equal(["Gemm", "Relu", "Gemm"], proto.Graph.Node.Select(n => n.OpType));
            Assert.Equal(["0.weight", "0.bias", "2.weight", "2.bias"], proto.Graph.Initializer.Select(i => i.Name));

            using var session = new InferenceSession(path);
            var input = Assert.Single(session.InputMetadata);
            Assert.Equal("features", input.Key);
            Assert.Equal([-1, 6], input.Value.Dimensions);
            Assert.Equal("rows", input.Value.SymbolicDimensions[0]);
            var output = Assert.Single(session.OutputMetadata);
            Assert.Equal("price", output.Key);
            Assert.Equal([-1, 2], output.Value.Dimensions);
            Assert.Equal(typeof(float), output.Value.ElementType);
            Assert.Equal("a,b,c,d,e,f", session.ModelMetadata.CustomMetadataMap["feature_names"]);
            Assert.Equal("Leibniz.Nn", session.ModelMetadata.ProducerName);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AnUnsupportedModuleIsNamedWithItsTypeAndPosition()
    {
        var custom = new Activation(Math.Cos, x => -Math.Sin(x), "cosine");
        var model = new Sequential(new Linear(2, 3), new Sequential(new Linear(3, 3), custom), new Linear(3, 1));
        var error = Assert.Throws<NotSupportedException>(() => OnnxRuntimeRunner.Export(model));
        Assert.Contains("Module 1.1 (Activation 'cosine')", error.Message, StringComparison.Ordinal);
        Assert.Contains("Linear, ReLU", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LayerSizesThatDoNotChainAreRejected()
    {
        var model = new Sequential(new Linear(2, 3), new ReLU(), new Linear(4, 1));
        var error = Assert.Throws<ArgumentException>(() => OnnxRuntimeRunner.Export(model));
        Assert.Contains("Module 0 (Linear) has 3 outputs but module 2 (Linear) takes 4 inputs", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AModelWithoutLinearLayersIsRejected()
    {
        var error = Assert.Throws<ArgumentException>(() => OnnxRuntimeRunner.Export(new Sequential(new ReLU())));
        Assert.Contains("no Linear layer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BadArgumentsAreNamed()
    {
        var model = new Linear(2, 1);
        Assert.Equal("model", Assert.Throws<ArgumentNullException>(() => ((Module)null!).ExportOnnx(new MemoryStream())).ParamName);
        Assert.Equal("path", Assert.Throws<ArgumentException>(() => model.ExportOnnx(" ")).ParamName);
        Assert.Equal("stream", Assert.Throws<ArgumentException>(() => model.ExportOnnx(new MemoryStream([], writable: false))).ParamName);
        var same = Assert.Throws<ArgumentException>(() => OnnxRuntimeRunner.Export(model, new OnnxExportOptions { InputName = "x", OutputName = "x" }));
        Assert.Contains("both named 'x'", same.Message, StringComparison.Ordinal);
    }
}
