namespace Leibniz.Nn;

/// <summary>
/// sin(ω·x) element-wise: the periodic activation of SIREN networks (Sitzmann et al., 2020). With ω = 1 it is a
/// plain sine; SIREN uses ω₀ = 30 so that the first layer spans many periods of the input domain. Pair it with
/// <see cref="Siren"/>'s initialisation, which keeps the pre-activations' distribution stable through the depth.
/// </summary>
public sealed class Sin : Module
{
    /// <summary>Creates the activation.</summary>
    /// <param name="frequency">ω, the factor applied before the sine (SIREN's ω₀); finite and non-zero.</param>
    public Sin(double frequency = 1.0)
    {
        if (!double.IsFinite(frequency) || frequency == 0)
        {
            throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "The frequency must be finite and non-zero.");
        }

        Frequency = frequency;
    }

    /// <summary>ω, the factor applied before the sine.</summary>
    public double Frequency { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Frequency == 1.0 ? input.Sin() : (input * Frequency).Sin();
}
