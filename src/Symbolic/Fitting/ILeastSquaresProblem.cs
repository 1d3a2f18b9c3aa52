namespace Leibniz.Symbolic;

/// <summary>A nonlinear least-squares problem: minimize Σ rᵢ(θ)² over the parameters θ.</summary>
public interface ILeastSquaresProblem
{
    /// <summary>The number of residuals.</summary>
    int ResidualCount { get; }

    /// <summary>Writes the residuals at <paramref name="parameters"/>.</summary>
    /// <param name="parameters">θ.</param>
    /// <param name="residuals">Receives r(θ).</param>
    void Residuals(ReadOnlySpan<double> parameters, Span<double> residuals);

    /// <summary>Writes the residuals and their Jacobian at <paramref name="parameters"/>.</summary>
    /// <param name="parameters">θ.</param>
    /// <param name="residuals">Receives r(θ).</param>
    /// <param name="jacobian">Receives ∂rᵢ/∂θₖ, column-major: column k is [k·n, (k+1)·n) for n residuals.</param>
    void Jacobian(ReadOnlySpan<double> parameters, Span<double> residuals, Span<double> jacobian);
}
