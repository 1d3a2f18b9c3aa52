namespace Leibniz.Nn;

/// <summary>
/// A fully connected layer y = x·Wᵀ + b (PyTorch's <c>nn.Linear</c>), W of shape [out, in]. Initialized like
/// PyTorch (Kaiming-uniform with a = √5): W and b drawn from U(−1/√in, 1/√in).
/// </summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer.</summary>
    /// <param name="inFeatures">Inputs per sample.</param>
    /// <param name="outFeatures">Outputs per sample.</param>
    /// <param name="bias">Whether to learn an additive bias.</param>
    /// <param name="random">The source of the initial weights; pass <c>new Random(seed)</c> for reproducibility (default: <see cref="Random.Shared"/>).</param>
    /// <param name="dtype">The parameters' element type.</param>
    public Linear(int inFeatures, int outFeatures, bool bias = true, Random? random = null, DType dtype = DType.Float32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        random ??= Random.Shared;
        InFeatures = inFeatures;
        OutFeatures = outFeatures;

        // kaiming_uniform_(a=√5) gives bound = gain·√(3/fan_in) with gain = √(2/(1+a²)) = √(1/3), i.e. 1/√fan_in.
        var bound = 1.0 / Math.Sqrt(inFeatures);
        Weight = RegisterParameter("weight", Tensor.Uniform(outFeatures, inFeatures, -bound, bound, random, dtype));
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Uniform(outFeatures, -bound, bound, random, dtype));
        }
    }

    /// <summary>Inputs per sample.</summary>
    public int InFeatures { get; }

    /// <summary>Outputs per sample.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight matrix [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias vector [out], or <see langword="null"/> without bias.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Tensor.Linear(input, Weight, Bias);
}
