namespace Leibniz.Nn;

/// <summary>
/// SIREN networks (Sitzmann et al., "Implicit Neural Representations with Periodic Activation Functions", 2020):
/// <see cref="Linear"/> layers followed by <see cref="Sin"/>(ω₀), with the paper's initialisation. The first layer's
/// weights are drawn from U(−1/fan_in, 1/fan_in), so ω₀·x spans about ω₀/π periods over inputs in [−1, 1]; every
/// later layer's from U(−√(6/fan_in)/ω, √(6/fan_in)/ω), so each pre-activation ω·(Wx + b) is distributed the same
/// way at every depth. Biases keep <see cref="Linear"/>'s default. Inputs should be scaled to about [−1, 1].
/// </summary>
public static class Siren
{
    /// <summary>SIREN's ω₀ = 30, for the first layer and (by default) the hidden ones.</summary>
    public const double DefaultFrequency = 30;

    /// <summary>
    /// A SIREN multilayer perceptron: inputs → <paramref name="hiddenLayers"/> × (Linear, Sin) of
    /// <paramref name="width"/> units → a linear output layer.
    /// </summary>
    /// <param name="inputs">Inputs per sample.</param>
    /// <param name="width">Units per hidden layer.</param>
    /// <param name="hiddenLayers">The number of sine layers (at least 1).</param>
    /// <param name="outputs">Outputs per sample.</param>
    /// <param name="firstFrequency">ω₀ of the first layer.</param>
    /// <param name="hiddenFrequency">ω of the later sine layers.</param>
    /// <param name="random">The source of the initial weights (default: <see cref="Random.Shared"/>).</param>
    /// <param name="dtype">The parameters' element type.</param>
    public static Sequential Create(int inputs, int width, int hiddenLayers, int outputs, double firstFrequency = DefaultFrequency,
        double hiddenFrequency = DefaultFrequency, Random? random = null, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hiddenLayers);
        random ??= Random.Shared;
        var first = new Linear(inputs, width, random: random, dtype: dtype);
        InitializeFirst(first, random);
        var network = new Sequential(first, new Sin(firstFrequency));
        for (var i = 1; i < hiddenLayers; i++)
        {
            var hidden = new Linear(width, width, random: random, dtype: dtype);
            InitializeHidden(hidden, hiddenFrequency, random);
            network.Add(hidden);
            network.Add(new Sin(hiddenFrequency));
        }

        var output = new Linear(width, outputs, random: random, dtype: dtype);
        InitializeHidden(output, hiddenFrequency, random);
        network.Add(output);
        return network;
    }

    /// <summary>Draws a first layer's weights from U(−1/fan_in, 1/fan_in).</summary>
    /// <param name="layer">The layer that reads the network's inputs.</param>
    /// <param name="random">The source of the weights.</param>
    public static void InitializeFirst(Linear layer, Random random)
    {
        ArgumentNullException.ThrowIfNull(layer);
        Fill(layer.Weight, 1.0 / layer.InFeatures, random);
    }

    /// <summary>Draws a later layer's weights from U(−√(6/fan_in)/ω, √(6/fan_in)/ω).</summary>
    /// <param name="layer">A hidden or output layer (one that reads a sine layer's output).</param>
    /// <param name="frequency">ω of the hidden sine layers.</param>
    /// <param name="random">The source of the weights.</param>
    public static void InitializeHidden(Linear layer, double frequency, Random random)
    {
        ArgumentNullException.ThrowIfNull(layer);
        if (!double.IsFinite(frequency) || frequency <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "The frequency must be finite and positive.");
        }

        Fill(layer.Weight, Math.Sqrt(6.0 / layer.InFeatures) / frequency, random);
    }

    private static void Fill(Tensor weight, double bound, Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        using (Tensor.NoGrad())
        {
            for (var row = 0; row < weight.Rows; row++)
            {
                for (var column = 0; column < weight.Columns; column++)
                {
                    weight[row, column] = bound * (2 * random.NextDouble() - 1);
                }
            }
        }
    }
}
