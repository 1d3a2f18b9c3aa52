namespace Leibniz.Symbolic;

/// <summary>How well an expression fits after its constants were fitted.</summary>
/// <param name="Error">Normalized mean squared error SSE/SST (1 − R²); +∞ when the model is not finite on the data.</param>
/// <param name="Scale">The outer scale a of a·f + b.</param>
/// <param name="Offset">The outer offset b.</param>
/// <param name="Evaluations">Model evaluations spent (value and Jacobian evaluations count one each).</param>
public readonly record struct FitResult(double Error, double Scale, double Offset, int Evaluations);

/// <summary>
/// Fits an expression's coefficients (constants and variable weights) together with an outer scale and offset by
/// Levenberg–Marquardt, and writes them back into the nodes (Lamarckian learning, as Operon does). Owns its buffers:
/// after warm-up a fit allocates nothing. Not thread-safe: one per thread.
/// </summary>
public sealed class ConstantFitter
{
    private readonly Interpreter _interpreter = new();
    private readonly LevenbergMarquardt _solver = new();
    private readonly ScaledExpressionProblem _problem;
    private double[] _parameters = new double[16];
    private double[] _values = [];

    /// <summary>Creates a fitter with its own interpreter and solver.</summary>
    public ConstantFitter() => _problem = new ScaledExpressionProblem(_interpreter);

    /// <summary>The interpreter this fitter evaluates with.</summary>
    public Interpreter Interpreter => _interpreter;

    /// <summary>Fits the coefficients of <paramref name="nodes"/> in place and reports the error.</summary>
    /// <param name="nodes">The expression; its coefficients are overwritten by the fitted ones when they improve the fit.</param>
    /// <param name="data">The rows to fit.</param>
    /// <param name="iterations">Levenberg–Marquardt steps (0: only the closed-form scale and offset).</param>
    public FitResult Fit(Node[] nodes, RegressionData data, int iterations)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        ArgumentNullException.ThrowIfNull(data);
        var p = Tree.ParameterCount(nodes);
        if (_parameters.Length < p + 2)
        {
            _parameters = new double[2 * (p + 2)];
        }

        if (_values.Length < data.Rows)
        {
            _values = new double[data.Rows];
        }

        var values = _values.AsSpan(0, data.Rows);
        _interpreter.Evaluate(nodes, data, 0, values);
        var evaluations = 1;
        var (scale, offset) = LinearScaling.Fit(values, data.Target);
        if (!double.IsFinite(scale) || !double.IsFinite(offset))
        {
            return new FitResult(double.PositiveInfinity, 1, 0, evaluations);
        }

        if (iterations > 0 && p > 0)
        {
            var parameters = _parameters.AsSpan(0, p + 2);
            Tree.GetParameters(nodes, parameters);
            parameters[p] = scale;
            parameters[p + 1] = offset;
            _problem.Reset(nodes, data);
            var result = _solver.Minimize(_problem, parameters, iterations);
            evaluations += result.Evaluations;
            if (double.IsFinite(result.Cost))
            {
                Tree.SetParameters(nodes, parameters[..p]);
                _interpreter.Evaluate(nodes, data, 0, values);
                evaluations++;
                (scale, offset) = LinearScaling.Fit(values, data.Target);
            }
        }

        return new FitResult(Error(values, data.Target, scale, offset), scale, offset, evaluations);
    }

    /// <summary>SSE/SST of a·f + b against y (SSE/n when y is constant); +∞ when not finite.</summary>
    /// <param name="f">The model's values.</param>
    /// <param name="y">The target.</param>
    /// <param name="scale">a.</param>
    /// <param name="offset">b.</param>
    public static double Error(ReadOnlySpan<double> f, ReadOnlySpan<double> y, double scale, double offset)
    {
        var n = y.Length;
        var mean = Reductions.Sum(y) / n;
        double sse = 0, sst = 0;
        for (var i = 0; i < n; i++)
        {
            var e = scale * f[i] + offset - y[i];
            sse += e * e;
            sst += (y[i] - mean) * (y[i] - mean);
        }

        var error = sst > 0 ? sse / sst : sse / n;
        return double.IsFinite(error) ? error : double.PositiveInfinity;
    }
}
