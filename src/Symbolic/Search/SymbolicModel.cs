namespace Leibniz.Symbolic;

/// <summary>A finished formula: simplified, constants snapped where the error allows, with its training error.</summary>
public sealed class SymbolicModel
{
    /// <summary>Wraps a formula.</summary>
    /// <param name="formula">The formula (scale and offset included).</param>
    /// <param name="names">The input columns' names, in order.</param>
    /// <param name="trainingError">SSE/SST on the training rows.</param>
    public SymbolicModel(Term formula, IReadOnlyList<string> names, double trainingError)
    {
        ArgumentNullException.ThrowIfNull(formula);
        ArgumentNullException.ThrowIfNull(names);
        Formula = formula;
        Names = names;
        TrainingError = trainingError;
    }

    /// <summary>The formula.</summary>
    public Term Formula { get; }

    /// <summary>The input columns' names, in order.</summary>
    public IReadOnlyList<string> Names { get; }

    /// <summary>SSE/SST on the training rows (1 − R²).</summary>
    public double TrainingError { get; }

    /// <summary>The formula's length in terms (its complexity on the Pareto front).</summary>
    public int Length => Formula.Length;

    /// <summary>The value at one point.</summary>
    /// <param name="point">The inputs, in column order.</param>
    public double Evaluate(params double[] point)
    {
        ArgumentNullException.ThrowIfNull(point);
        if (point.Length != Names.Count)
        {
            throw new ArgumentException($"The model takes {Names.Count} inputs ({string.Join(", ", Names)}), not {point.Length}.", nameof(point));
        }

        return Formula.Evaluate(point);
    }

    /// <summary>The values on every row of <paramref name="data"/> (vectorized).</summary>
    /// <param name="data">Rows with the same columns.</param>
    public double[] Predict(RegressionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new Interpreter().Evaluate(Formula.ToNodes(), data);
    }

    /// <summary>R² = 1 − SSE/SST on <paramref name="data"/>.</summary>
    /// <param name="data">Rows with the same columns and a target.</param>
    public double RSquared(RegressionData data) => 1 - ConstantFitter.Error(Predict(data), data.Target, 1, 0);

    /// <summary>Readable math, e.g. <c>20 + x² − 10·cos(2π·x)</c>.</summary>
    public string ToMath() => MathFormatter.Format(Formula, Names);

    /// <summary>A C# file with the formula as a <c>[Differentiable]</c> method (see <see cref="CSharpEmitter"/>).</summary>
    /// <param name="className">The static partial class.</param>
    /// <param name="methodName">The method.</param>
    /// <param name="namespaceName">A namespace, or null.</param>
    public string ToCSharp(string className = "C", string methodName = "F", string? namespaceName = null) =>
        CSharpEmitter.Emit(Formula, Names, className, methodName, namespaceName);

    /// <summary>
    /// The same structure with its constants fitted again on <paramref name="data"/> (e.g. raw measurements after
    /// distilling a network), then simplified and snapped.
    /// </summary>
    /// <param name="data">The rows to fit.</param>
    /// <param name="iterations">Levenberg–Marquardt steps.</param>
    public SymbolicModel Refit(RegressionData data, int iterations = 100)
    {
        ArgumentNullException.ThrowIfNull(data);
        var nodes = Formula.ToNodes();
        var fit = new ConstantFitter().Fit(nodes, data, iterations);
        return SymbolicRegression.Finish(new Individual(nodes, fit.Error, fit.Scale, fit.Offset), data);
    }

    /// <inheritdoc/>
    public override string ToString() => ToMath();
}
