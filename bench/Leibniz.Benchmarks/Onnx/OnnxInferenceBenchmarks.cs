using BenchmarkDotNet.Attributes;
using Leibniz.Nn;
using Microsoft.ML.OnnxRuntime;

namespace Leibniz.Benchmarks.Onnx;

/// <summary>
/// Inference of the HousingPrices MLP (13-64-64-1, ReLU, float32) on batches of 1 and 1024 rows: Leibniz's
/// <see cref="Module.Forward"/> without a graph (the baseline) against the same model exported with
/// <see cref="OnnxExport.ExportOnnx(Module, Stream, OnnxExportOptions?)"/> and run by ONNX Runtime (one session,
/// default options, OrtValue input over the same float array).
/// </summary>
public class OnnxInferenceBenchmarks : IDisposable
{
    private const int Features = 13;
    private readonly RunOptions _runOptions = new();
    private Sequential _model = null!;
    private InferenceSession _session = null!;
    private OrtValue _input = null!;
    private Tensor _x;

    [Params(1, 1024)]
    public int Batch { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(5);
        _model = new Sequential(
            new Linear(Features, 64, random: random), new ReLU(),
            new Linear(64, 64, random: random), new ReLU(),
            new Linear(64, 1, random: random));
        _model.Eval();
        var data = Enumerable.Range(0, Batch * Features).Select(_ => (float)random.NextDouble()).ToArray();
        _x = Tensor.FromArray(data, Batch, Features);
        using var stream = new MemoryStream();
        _model.ExportOnnx(stream);
        _session = new InferenceSession(stream.ToArray());
        _input = OrtValue.CreateTensorValueFromMemory(data, [Batch, Features]);

        var expected = LeibnizForward();
        var actual = OnnxRuntime();
        if (Math.Abs(expected - actual) > 1e-5)
        {
            throw new InvalidOperationException($"Forward gives {expected}, ONNX Runtime {actual}.");
        }
    }

    [Benchmark(Baseline = true)]
    public float LeibnizForward()
    {
        using (Tensor.NoGrad())
        {
            return (float)_model.Forward(_x)[0, 0];
        }
    }

    [Benchmark]
    public float OnnxRuntime()
    {
        using var results = _session.Run(_runOptions, ["input"], [_input], ["output"]);
        return results[0].GetTensorDataAsSpan<float>()[0];
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _input?.Dispose();
        _session?.Dispose();
        _runOptions.Dispose();
        GC.SuppressFinalize(this);
    }
}
