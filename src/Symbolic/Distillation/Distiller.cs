namespace Leibniz.Symbolic;

/// <summary>Settings of <see cref="Distiller.Distill"/>.</summary>
public sealed record DistillOptions
{
    /// <summary>Points sampled uniformly in the domain (500).</summary>
    public int Samples { get; init; } = 500;

    /// <summary>The search's settings.</summary>
    public SearchOptions Search { get; init; } = new();

    /// <summary>
    /// Weight of the input-derivative mismatch (Sobolev fitting) in the choice among the Pareto front; 0 (the default)
    /// uses values only. With a weight, each front model is scored by SSE/SST of its values plus the weight times the
    /// mean SSE/SST of its partial derivatives against the function's.
    /// </summary>
    public double DerivativeWeight { get; init; }

    /// <summary>
    /// Raw measurements the function was trained on, or null. When given, the chosen structure's constants are fitted
    /// again on them (the network's own error leaks into the constants fitted to its predictions).
    /// </summary>
    public RegressionData? RawData { get; init; }

    /// <summary>The seed of the sampling (the search has its own, in <see cref="Search"/>).</summary>
    public int SamplingSeed { get; init; }
}

/// <summary>What a distillation produced.</summary>
/// <param name="Model">The chosen formula (refitted on the raw data when it was given).</param>
/// <param name="Regression">The search's front and choice on the sampled predictions.</param>
/// <param name="Samples">The sampled points and the function's values there.</param>
public sealed record DistillResult(SymbolicModel Model, RegressionResult Regression, RegressionData Samples);

/// <summary>
/// Distillation: fits a formula to any function (a trained network through <c>Leibniz.Nn.ModuleFunction</c>, or any
/// delegate) by sampling it in a box, optionally matching its input derivatives too, and refitting the constants on
/// raw data.
/// </summary>
public static class Distiller
{
    /// <summary>Samples <paramref name="function"/> in the box and searches for a formula.</summary>
    /// <param name="function">The function of one point (inputs in column order).</param>
    /// <param name="names">Input names, in order; they become the formula's variables.</param>
    /// <param name="low">Lower bounds of the box, one per input.</param>
    /// <param name="high">Upper bounds of the box, one per input.</param>
    /// <param name="options">Settings, or null for the defaults.</param>
    /// <param name="gradient">∂f/∂inputs for Sobolev fitting, or null (central differences of the function are used).</param>
    /// <param name="progress">Receives search progress, or null.</param>
    /// <param name="cancellationToken">Stops the search early.</param>
    public static DistillResult Distill(Func<double[], double> function, IReadOnlyList<string> names, double[] low, double[] high,
        DistillOptions? options = null, Func<double[], double[]>? gradient = null, IProgress<SearchProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(function);
        ArgumentNullException.ThrowIfNull(names);
        ArgumentNullException.ThrowIfNull(low);
        ArgumentNullException.ThrowIfNull(high);
        options ??= new DistillOptions();
        if (low.Length != names.Count || high.Length != names.Count)
        {
            throw new ArgumentException($"The box has {low.Length} lower and {high.Length} upper bounds for {names.Count} inputs.", nameof(low));
        }

        for (var j = 0; j < low.Length; j++)
        {
            if (!(low[j] < high[j]))
            {
                throw new ArgumentException($"Input '{names[j]}' has an empty range [{low[j]}, {high[j]}].", nameof(high));
            }
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(options.Samples, 2, nameof(options));
        var samples = Sample(function, names, low, high, options.Samples, options.SamplingSeed);
        var regression = SymbolicRegression.Fit(samples, options.Search, progress, cancellationToken);
        var model = regression.Chosen;
        if (options.DerivativeWeight > 0)
        {
            var slopes = Slopes(samples, gradient ?? (p => CentralDifferences(function, p)));
            model = regression.Front.MinBy(m => SobolevCriterion(m, samples, slopes, options.DerivativeWeight))!;
        }

        if (options.RawData is { } raw)
        {
            model = model.Refit(raw);
        }

        return new DistillResult(model, regression, samples);
    }

    private static RegressionData Sample(Func<double[], double> function, IReadOnlyList<string> names, double[] low, double[] high, int count, int seed)
    {
        var random = new Random(seed);
        var columns = names.Select(_ => new double[count]).ToArray();
        var target = new double[count];
        var point = new double[names.Count];
        for (var i = 0; i < count; i++)
        {
            for (var j = 0; j < point.Length; j++)
            {
                point[j] = low[j] + (high[j] - low[j]) * random.NextDouble();
                columns[j][i] = point[j];
            }

            target[i] = function((double[])point.Clone());
            if (!double.IsFinite(target[i]))
            {
                throw new ArgumentException($"The function is not finite at ({string.Join(", ", point)}).", nameof(function));
            }
        }

        return new RegressionData(names, columns, target);
    }

    private static double[][] Slopes(RegressionData samples, Func<double[], double[]> gradient) =>
        [.. Enumerable.Range(0, samples.Rows).Select(i => gradient(samples.Row(i)))];

    private static double[] CentralDifferences(Func<double[], double> function, double[] point)
    {
        var slopes = new double[point.Length];
        for (var j = 0; j < point.Length; j++)
        {
            var h = 1e-4 * Math.Max(1, Math.Abs(point[j]));
            var plus = (double[])point.Clone();
            var minus = (double[])point.Clone();
            plus[j] += h;
            minus[j] -= h;
            slopes[j] = (function(plus) - function(minus)) / (2 * h);
        }

        return slopes;
    }

    // BIC of the Sobolev error: SSE/SST of values plus weight × mean over inputs of SSE/SST of partial derivatives
    // (the model's by central differences of its formula, which is exact to ~1e-8 for these smooth functions).
    private static double SobolevCriterion(SymbolicModel model, RegressionData samples, double[][] slopes, double weight)
    {
        var n = samples.Rows;
        var error = model.TrainingError;
        for (var j = 0; j < samples.Variables; j++)
        {
            var truth = slopes.Select(s => s[j]).ToArray();
            var predicted = Enumerable.Range(0, n).Select(i => CentralDifferences(p => model.Formula.Evaluate(p), samples.Row(i))[j]).ToArray();
            error += weight / samples.Variables * ConstantFitter.Error(predicted, truth, 1, 0);
        }

        return double.IsFinite(error) ? n * Math.Log(Math.Max(error, 1e-24)) + model.Length * Math.Log(n) : double.PositiveInfinity;
    }
}
