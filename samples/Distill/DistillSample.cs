using System.Globalization;
using Leibniz.Symbolic;

namespace Leibniz.Samples.Distill;

/// <summary>What the sample produced: each part's chosen model (null for the parts not run).</summary>
/// <param name="Rastrigin">Part 1: the network, the distilled formula, and both by ring.</param>
/// <param name="Feynman">Part 2: the formula found for Feynman I.6.2a.</param>
/// <param name="Csv">Part 3: the formula found for a CSV file.</param>
public sealed record DistillOutcome(RastriginOutcome? Rastrigin, SymbolicModel? Feynman, RegressionResult? Csv);

/// <summary>
/// The lecture's third part: distill a network into a formula by symbolic regression, and emit it as
/// C# marked Differentiable. With --data it runs on any CSV file instead.
/// </summary>
public static class DistillSample
{
    /// <summary>Runs the sample.</summary>
    public static DistillOutcome Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Options.Find("data") is { } path)
        {
            return new DistillOutcome(null, null, CsvPart.Run(context, path));
        }

        var rastrigin = RastriginPart.Run(context);
        var feynman = FeynmanPart.Run(context);
        context.Line();
        context.Line("Part 3, any CSV: dotnet run --project samples/Distill -- --data file.csv --target y [--seconds 10] [--emit F.cs]");
        return new DistillOutcome(rastrigin, feynman, null);
    }

    /// <summary>
    /// The search's settings: --seconds of wall-clock time (default <paramref name="seconds"/>) with a population of 1,000;
    /// in quick mode 30,000 evaluations with a population of 300, so the tests do not depend on the machine's load.
    /// </summary>
    public static SearchOptions Search(SampleContext context, double seconds)
    {
        ArgumentNullException.ThrowIfNull(context);
        var options = new SearchOptions { Seed = (ulong)context.Seed };
        var text = context.Options.Find("seconds");
        if (text is not null)
        {
            return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var given) && given > 0
                ? options with { TimeLimit = TimeSpan.FromSeconds(given), MaxEvaluations = long.MaxValue }
                : throw new SampleInputException($"--seconds needs a positive number, not '{text}'.");
        }

        return context.Quick
            ? options with { PopulationSize = 300, MaxEvaluations = 30_000 }
            : options with { TimeLimit = TimeSpan.FromSeconds(seconds), MaxEvaluations = long.MaxValue };
    }

    /// <summary>Prints a Pareto front, marking the chosen model.</summary>
    public static void ShowFront(SampleContext context, RegressionResult result)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(result);
        var table = new ResultTable("length", "1 − R² (train)", "formula", "");
        foreach (var model in result.Front)
        {
            table.Add(model.Length, model.TrainingError, model.ToMath(), ReferenceEquals(model, result.Chosen) ? "← chosen" : "");
        }

        context.Show(table);
        var search = result.Search;
        context.Line($"{search.Generations} generations, {search.Evaluations:N0} model evaluations in {search.Elapsed.TotalSeconds:0.0} s " +
            $"({search.Evaluations / Math.Max(search.Elapsed.TotalSeconds, 1e-9):N0} per second on {Environment.ProcessorCount} cores); stopped by {search.Stopped}.");
    }

    /// <summary>Writes the model as C# to a file in the output folder (or the given path) and shows it.</summary>
    public static string Emit(SampleContext context, SymbolicModel model, string fileName, string className, string methodName)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(model);
        string code;
        try
        {
            code = model.ToCSharp(className, methodName);
        }
        catch (ArgumentException error)
        {
            throw new SampleInputException(error.Message, error);
        }

        var path = Path.IsPathRooted(fileName) || fileName.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal)
            ? Path.GetFullPath(fileName)
            : context.OutputPath(fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, code);
        context.Line(code);
        context.Line($"wrote {path}");
        return path;
    }
}
