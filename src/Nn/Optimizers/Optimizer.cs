using System.Numerics;
using System.Numerics.Tensors;

namespace Leibniz.Nn;

/// <summary>
/// The base of the optimizers (PyTorch's <c>torch.optim.Optimizer</c>): after <see cref="Tensor.Backward()"/>,
/// <see cref="Step"/> updates every parameter that received a gradient; <see cref="ZeroGrad"/> forgets the gradients.
/// </summary>
public abstract class Optimizer
{
    private readonly Tensor[] _parameters;

    /// <summary>Creates the optimizer over <paramref name="parameters"/>.</summary>
    /// <param name="parameters">
    /// The tensors to update (typically <c>model.Parameters()</c>); leaves that do not require grad (frozen) are
    /// accepted and never move.
    /// </param>
    /// <param name="learningRate">The learning rate (non-negative).</param>
    protected Optimizer(IEnumerable<Tensor> parameters, double learningRate)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = [.. parameters];
        if (_parameters.Length == 0)
        {
            throw new ArgumentException("An optimizer needs at least one parameter.", nameof(parameters));
        }

        foreach (var parameter in _parameters)
        {
            if (!parameter.IsLeaf)
            {
                throw new ArgumentException("Every optimized tensor must be a leaf (a parameter), not the result of an operation.", nameof(parameters));
            }
        }

        if (!(learningRate >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be non-negative.");
        }

        LearningRate = learningRate;
    }

    /// <summary>The parameters being optimized.</summary>
    public IReadOnlyList<Tensor> Parameters => _parameters;

    /// <summary>The learning rate; may be changed between steps (learning-rate schedules).</summary>
    public double LearningRate
    {
        get;
        set
        {
            if (!(value >= 0))
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The learning rate must be non-negative.");
            }

            field = value;
        }
    }

    /// <summary>The number of <see cref="Step"/> calls so far.</summary>
    public int StepCount { get; private set; }

    /// <summary>Forgets every parameter's gradient (like PyTorch's <c>zero_grad(set_to_none=True)</c>).</summary>
    public void ZeroGrad()
    {
        foreach (var parameter in _parameters)
        {
            parameter.ZeroGrad();
        }
    }

    /// <summary>Updates every parameter that has a gradient, by the optimizer's rule.</summary>
    public void Step()
    {
        StepCount++;
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (!parameter.HasGrad)
            {
                continue;
            }

            var node = parameter.Node;
            if (node.DType == DType.Float32)
            {
                Update(i, node.Span<float>(), node.GradSpan<float>());
            }
            else
            {
                Update(i, node.Span<double>(), node.GradSpan<double>());
            }
        }
    }

    /// <summary>Applies the rule to parameter <paramref name="index"/> (single precision).</summary>
    /// <param name="index">The parameter's position in <see cref="Parameters"/>.</param>
    /// <param name="parameter">Its values, updated in place.</param>
    /// <param name="gradient">Its gradient.</param>
    private protected abstract void Update(int index, Span<float> parameter, ReadOnlySpan<float> gradient);

    /// <summary>Applies the rule to parameter <paramref name="index"/> (double precision).</summary>
    /// <param name="index">The parameter's position in <see cref="Parameters"/>.</param>
    /// <param name="parameter">Its values, updated in place.</param>
    /// <param name="gradient">Its gradient.</param>
    private protected abstract void Update(int index, Span<double> parameter, ReadOnlySpan<double> gradient);

    /// <summary>
    /// PyTorch's weight decay: the gradient g + λ·p, written into <paramref name="scratch"/>'s buffer for
    /// <paramref name="index"/>; the gradient itself when λ = 0.
    /// </summary>
    private protected static ReadOnlySpan<T> WithWeightDecay<T>(
        ReadOnlySpan<T> gradient, ReadOnlySpan<T> parameter, double weightDecay, StateBuffers scratch, int index)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (weightDecay == 0)
        {
            return gradient;
        }

        var decayed = scratch.Get<T>(index, parameter.Length);
        TensorPrimitives.MultiplyAdd(parameter, T.CreateTruncating(weightDecay), gradient, decayed);
        return decayed;
    }

    /// <summary>Per-parameter state buffers, created on first use.</summary>
    private protected sealed class StateBuffers
    {
        private readonly Array?[] _buffers;

        public StateBuffers(int count) => _buffers = new Array?[count];

        public bool Has(int index) => _buffers[index] is not null;

        public Span<T> Get<T>(int index, int length)
            where T : unmanaged => (T[])(_buffers[index] ??= new T[length]);
    }
}
