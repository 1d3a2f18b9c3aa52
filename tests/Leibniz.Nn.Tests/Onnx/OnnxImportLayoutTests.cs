using Google.Protobuf;
using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace Leibniz.Nn.Tests.Onnx;

/// <summary>
/// Layer layouts other exporters write — MatMul + Add, Gemm without transB and with α/β, weights behind Constant
/// and Transpose nodes, raw_data — import to layers that compute what ONNX Runtime computes on the same file.
/// </summary>
public sealed class OnnxImportLayoutTests
{
    private const int Inputs = 3;
    private const int Hidden = 4;
    private const int Outputs = 2;

    [Fact]
    public void MatMulPlusAddAndGemmWithoutTransBImport()
    {
        var random = new Random(1);
        var graph = new GraphProto { Name = "layouts" };
        graph.Input.Add(FloatMatrix("x", Inputs));
        graph.Output.Add(FloatMatrix("y", Outputs));
        graph.Initializer.Add(FloatTensor("w1", random, Inputs, Hidden));               // [in, out] for MatMul
        graph.Initializer.Add(FloatRawTensor("b1", random, Hidden));
        graph.Initializer.Add(FloatTensor("w2", random, Hidden, Outputs));              // [in, out], transB = 0
        Add(graph, "MatMul", "matmul", ["x", "w1"], "h0");
        Add(graph, "Add", "bias", ["b1", "h0"], "h1");                                  // bias first: Add commutes
        Add(graph, "Tanh", "tanh", ["h1"], "h2");
        Add(graph, "Constant", "c2", [], "b2", new AttributeProto { Name = "value", Type = AttributeProto.Types.AttributeType.Tensor, T = FloatTensor("", random, Outputs) });
        Add(graph, "Gemm", "gemm", ["h2", "w2", "b2"], "y",
            new AttributeProto { Name = "alpha", Type = AttributeProto.Types.AttributeType.Float, F = 0.5f },
            new AttributeProto { Name = "beta", Type = AttributeProto.Types.AttributeType.Float, F = 2f });

        var model = AssertImportMatchesOnnxRuntime(graph);
        Assert.Equal(["Linear", "Tanh", "Linear"], model.Select(m => m.GetType().Name));
    }

    [Fact]
    public void AWeightBehindATransposeNodeImports()
    {
        var random = new Random(2);
        var graph = new GraphProto { Name = "transpose" };
        graph.Input.Add(FloatMatrix("x", Inputs));
        graph.Output.Add(FloatMatrix("y", Outputs));
        graph.Initializer.Add(FloatTensor("w", random, Outputs, Inputs));               // nn.Linear's [out, in]
        graph.Initializer.Add(FloatTensor("b", random, Outputs));
        Add(graph, "Transpose", "t", ["w"], "wt");
        Add(graph, "MatMul", "matmul", ["x", "wt"], "h");
        Add(graph, "Add", "bias", ["h", "b"], "y");

        var model = AssertImportMatchesOnnxRuntime(graph);
        Assert.IsType<Linear>(Assert.Single(model));
    }

    [Fact]
    public void LayersWhoseSizesDoNotChainAreReported()
    {
        var random = new Random(4);
        var graph = new GraphProto { Name = "mismatch" };
        graph.Input.Add(FloatMatrix("x", Inputs));
        graph.Output.Add(FloatMatrix("y", Outputs));
        graph.Initializer.Add(FloatTensor("w1", random, Hidden, Inputs));
        graph.Initializer.Add(FloatTensor("w2", random, Outputs, Hidden + 1));
        var transB = new AttributeProto { Name = "transB", Type = AttributeProto.Types.AttributeType.Int, I = 1 };
        Add(graph, "Gemm", "first", ["x", "w1"], "h", transB);
        Add(graph, "Gemm", "second", ["h", "w2"], "y", transB);
        var proto = new ModelProto { IrVersion = 8, Graph = graph };
        proto.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });

        var error = Assert.Throws<OnnxFormatException>(() => Sequential.FromOnnx(new MemoryStream(proto.ToByteArray()), "mismatch.onnx"));
        Assert.Equal($"mismatch.onnx: layer 1 has {Hidden} outputs but layer 2 takes {Hidden + 1} inputs.", error.Message);
    }

    private static Sequential AssertImportMatchesOnnxRuntime(GraphProto graph)
    {
        var proto = new ModelProto { IrVersion = 8, Graph = graph };
        proto.OpsetImport.Add(new OperatorSetIdProto { Version = 17 });
        var bytes = proto.ToByteArray();
        var model = Sequential.FromOnnx(new MemoryStream(bytes), "layouts.onnx");

        using var session = new InferenceSession(bytes);
        var input = OnnxRuntimeRunner.RandomInput(new Random(3), 7 * Inputs);
        var error = OnnxRuntimeRunner.MaxError(OnnxRuntimeRunner.Run(session, input, 7, "x"), OnnxRuntimeRunner.Forward(model, input, 7));
        Assert.True(error <= OnnxRuntimeRunner.Tolerance, $"Differs by {error:E2}.");
        return model;
    }

    private static ValueInfoProto FloatMatrix(string name, long columns)
    {
        var shape = new TensorShapeProto();
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimParam = "batch" });
        shape.Dim.Add(new TensorShapeProto.Types.Dimension { DimValue = columns });
        return new ValueInfoProto
        {
            Name = name,
            Type = new TypeProto { TensorType = new TypeProto.Types.Tensor { ElemType = (int)TensorProto.Types.DataType.Float, Shape = shape } },
        };
    }

    private static void Add(GraphProto graph, string op, string name, string[] inputs, string output, params AttributeProto[] attributes)
    {
        var node = new NodeProto { OpType = op, Name = name };
        node.Input.Add(inputs);
        node.Output.Add(output);
        node.Attribute.Add(attributes);
        graph.Node.Add(node);
    }

    private static TensorProto FloatTensor(string name, Random random, params long[] dims)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(dims);
        tensor.FloatData.Add(OnnxRuntimeRunner.RandomInput(random, (int)dims.Aggregate(1L, (a, b) => a * b), scale: 1));
        return tensor;
    }

    private static TensorProto FloatRawTensor(string name, Random random, long length)
    {
        var tensor = new TensorProto { Name = name, DataType = (int)TensorProto.Types.DataType.Float };
        tensor.Dims.Add(length);
        var bytes = new byte[length * 4];
        for (var i = 0; i < length; i++)
        {
            System.Buffers.Binary.BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * 4), (float)(random.NextDouble() - 0.5));
        }

        tensor.RawData = ByteString.CopyFrom(bytes);
        return tensor;
    }
}
