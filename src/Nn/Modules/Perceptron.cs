namespace Leibniz.Nn;

/// <summary>The step function of a <see cref="Perceptron"/>.</summary>
public enum PerceptronActivation
{
    /// <summary>1 for z ≥ 0, else 0; targets are 0 and 1.</summary>
    Heaviside,

    /// <summary>+1 for z &gt; 0, −1 for z &lt; 0, 0 at 0; targets are −1 and +1.</summary>
    Sign,
}

/// <summary>
/// Rosenblatt's perceptron (1958): ŷ = step(w·x + b), trained one sample at a time by w ← w + η(y − ŷ)x,
/// b ← b + η(y − ŷ). It needs no gradients — the step has none — and converges exactly when the classes are
/// linearly separable.
/// </summary>
public sealed class Perceptron
{
    private readonly double[] _weights;

    /// <summary>Creates a perceptron.</summary>
    /// <param name="inputs">The number of inputs.</param>
    /// <param name="activation">The step function.</param>
    /// <param name="learningRate">η (positive).</param>
    /// <param name="random">When given, weights and bias start from U(−0.5, 0.5); otherwise they start at zero.</param>
    public Perceptron(int inputs, PerceptronActivation activation = PerceptronActivation.Heaviside, double learningRate = 0.1, Random? random = null)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inputs);
        if (!(learningRate > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(learningRate), learningRate, "The learning rate must be positive.");
        }

        Activation = activation;
        LearningRate = learningRate;
        _weights = new double[inputs];
        if (random is not null)
        {
            for (var i = 0; i < inputs; i++)
            {
                _weights[i] = random.NextDouble() - 0.5;
            }

            Bias = random.NextDouble() - 0.5;
        }
    }

    /// <summary>The step function.</summary>
    public PerceptronActivation Activation { get; }

    /// <summary>η.</summary>
    public double LearningRate { get; }

    /// <summary>The weights w.</summary>
    public IReadOnlyList<double> Weights => _weights;

    /// <summary>The bias b.</summary>
    public double Bias { get; private set; }

    /// <summary>step(w·x + b) for one sample.</summary>
    /// <param name="x">The inputs.</param>
    public double Predict(ReadOnlySpan<double> x)
    {
        if (x.Length != _weights.Length)
        {
            throw new ArgumentException($"Expected {_weights.Length} inputs, got {x.Length}.", nameof(x));
        }

        var z = Bias;
        for (var i = 0; i < x.Length; i++)
        {
            z += _weights[i] * x[i];
        }

        return Activation == PerceptronActivation.Heaviside ? (z >= 0 ? 1 : 0) : Math.Sign(z);
    }

    /// <summary>The predictions for every row of <paramref name="inputs"/> [samples, inputs], as a vector.</summary>
    /// <param name="inputs">One sample per row.</param>
    public Tensor Predict(Tensor inputs)
    {
        var rows = ToRows(inputs, nameof(inputs));
        var result = new double[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            result[i] = Predict(rows[i]);
        }

        return Tensor.FromArray(result, inputs.DType);
    }

    /// <summary>One application of the learning rule; returns whether the sample was misclassified (and the weights moved).</summary>
    /// <param name="x">The inputs.</param>
    /// <param name="target">The expected output (0/1 for Heaviside, −1/+1 for Sign).</param>
    public bool Learn(ReadOnlySpan<double> x, double target)
    {
        var error = target - Predict(x);
        if (error == 0)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            _weights[i] += LearningRate * error * x[i];
        }

        Bias += LearningRate * error;
        return true;
    }

    /// <summary>
    /// Sweeps the samples in order, applying <see cref="Learn"/> to each, until an epoch makes no mistake or
    /// <paramref name="maxEpochs"/> is reached. Returns the number of epochs run and whether it converged.
    /// </summary>
    /// <param name="inputs">[samples, inputs].</param>
    /// <param name="targets">[samples].</param>
    /// <param name="maxEpochs">The most sweeps to make.</param>
    public (int Epochs, bool Converged) Fit(Tensor inputs, Tensor targets, int maxEpochs = 1000)
    {
        var rows = ToRows(inputs, nameof(inputs));
        var labels = targets.ToArray();
        if (labels.Length != rows.Length)
        {
            throw new ArgumentException($"{rows.Length} samples but {labels.Length} targets.", nameof(targets));
        }

        for (var epoch = 1; epoch <= maxEpochs; epoch++)
        {
            var mistakes = 0;
            for (var i = 0; i < rows.Length; i++)
            {
                mistakes += Learn(rows[i], labels[i]) ? 1 : 0;
            }

            if (mistakes == 0)
            {
                return (epoch, true);
            }
        }

        return (maxEpochs, false);
    }

    private double[][] ToRows(Tensor inputs, string paramName)
    {
        if (inputs.Rank != 2 || inputs.Columns != _weights.Length)
        {
            throw new ArgumentException($"Expected inputs of shape [samples, {_weights.Length}].", paramName);
        }

        var values = inputs.ToArray();
        var rows = new double[inputs.Rows][];
        for (var i = 0; i < rows.Length; i++)
        {
            rows[i] = values.AsSpan(i * _weights.Length, _weights.Length).ToArray();
        }

        return rows;
    }
}
