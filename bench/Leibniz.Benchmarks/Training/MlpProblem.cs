using Leibniz.Nn;

namespace Leibniz.Benchmarks.Training;

/// <summary>
/// One of the two training problems, set up exactly as bench/pytorch/train_mlp.py sets it up: the network
/// (ReLU between Linear layers, PyTorch's default initialisation), Adam with PyTorch's defaults, mean squared
/// error, and the data cut once into consecutive batches (no shuffling, so both sides see the same batches).
/// </summary>
public sealed class MlpProblem
{
    private readonly Tensor[] _batchFeatures;
    private readonly Tensor[] _batchTargets;
    private readonly Tensor _features;
    private readonly Tensor _targets;

    private MlpProblem(string name, int[] layers, int batchSize, (float[] Features, float[] Targets) data, int seed)
    {
        Name = name;
        Layers = string.Join("-", layers);
        BatchSize = batchSize;
        var random = new Random(seed);
        var modules = new List<Module>();
        for (var i = 0; i < layers.Length - 1; i++)
        {
            modules.Add(new Linear(layers[i], layers[i + 1], random: random));
            if (i < layers.Length - 2)
            {
                modules.Add(new ReLU());
            }
        }

        Model = new Sequential([.. modules]);
        Optimizer = new Adam(Model.Parameters());
        Loss = new MSELoss();
        var rows = data.Targets.Length;
        DataChecksum = data.Features.Sum(v => (double)v) + data.Targets.Sum(v => (double)v);
        _features = Tensor.FromArray(data.Features, rows, layers[0]);
        _targets = Tensor.FromArray(data.Targets, rows, 1);
        StepsPerEpoch = rows / batchSize;
        _batchFeatures = new Tensor[StepsPerEpoch];
        _batchTargets = new Tensor[StepsPerEpoch];
        for (var b = 0; b < StepsPerEpoch; b++)
        {
            _batchFeatures[b] = _features.SliceRows(b * batchSize, batchSize);
            _batchTargets[b] = _targets.SliceRows(b * batchSize, batchSize);
        }
    }

    /// <summary>"small" or "large".</summary>
    public string Name { get; }

    /// <summary>Layer sizes, e.g. "2-64-64-1".</summary>
    public string Layers { get; }

    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Batches per pass over the data.</summary>
    public int StepsPerEpoch { get; }

    /// <summary>The sum of every feature and target (as doubles): equal on both sides when the data are equal.</summary>
    public double DataChecksum { get; }

    /// <summary>The network.</summary>
    public Sequential Model { get; }

    /// <summary>Adam with PyTorch's defaults (learning rate 1e-3).</summary>
    public Adam Optimizer { get; }

    /// <summary>Mean squared error.</summary>
    public MSELoss Loss { get; }

    /// <summary>2-64-64-1 at batch 32 on sin(x)·cos(y), or 64-256-256-1 at batch 1024 on the synthetic regression.</summary>
    public static MlpProblem Create(string name, int seed = 0) => name switch
    {
        "small" => new MlpProblem(name, [2, 64, 64, 1], 32, MlpData.Small(), seed),
        "large" => new MlpProblem(name, [64, 256, 256, 1], 1024, MlpData.Large(), seed),
        _ => throw new ArgumentException($"Unknown network '{name}': use small or large.", nameof(name)),
    };

    /// <summary>One optimisation step on batch <paramref name="batch"/>: zero_grad, forward, loss, backward, step.</summary>
    public void Step(int batch)
    {
        Optimizer.ZeroGrad();
        var loss = Loss.Forward(Model.Forward(_batchFeatures[batch]), _batchTargets[batch]);
        loss.Backward();
        Optimizer.Step();
    }

    /// <summary>The forward pass alone on batch <paramref name="batch"/>, without a graph (inference).</summary>
    public Tensor Infer(int batch)
    {
        using var noGrad = Tensor.NoGrad();
        return Model.Forward(_batchFeatures[batch]);
    }

    /// <summary>The mean squared error over the whole training set.</summary>
    public double FullLoss()
    {
        using var noGrad = Tensor.NoGrad();
        return Loss.Forward(Model.Forward(_features), _targets).Item();
    }
}
