using System.Globalization;
using Leibniz.Symbolic;

namespace Leibniz.Samples.Distill;

/// <summary>Part 3: any CSV file with a header row; one column is the target, the others the inputs.</summary>
public static class CsvPart
{
    /// <summary>Runs the part.</summary>
    public static RegressionResult Run(SampleContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        var target = context.Options.Find("target") ?? throw new SampleInputException("--data needs --target <column>, the column to predict.");
        var data = Read(path, target);
        context.Heading($"Symbolic regression on {Path.GetFileName(path)}: {target} from {string.Join(", ", data.Names)} ({data.Rows} rows)");
        var result = SymbolicRegression.Fit(data, DistillSample.Search(context, 10));
        DistillSample.ShowFront(context, result);
        context.Line($"Chosen: {target} = {result.Chosen.ToMath()}");
        DistillSample.Emit(context, result.Chosen, context.Options.Get("emit", "F.cs"), context.Options.Get("class", "C"), context.Options.Get("method", "F"));
        return result;
    }

    /// <summary>Reads a CSV of numbers with a header row; errors name the file, line and column.</summary>
    public static RegressionData Read(string path, string target)
    {
        ArgumentNullException.ThrowIfNull(path);
        if (!File.Exists(path))
        {
            throw new SampleInputException($"{path}: no such file.");
        }

        var lines = File.ReadAllLines(path);
        if (lines.Length < 3)
        {
            throw new SampleInputException($"{path}: needs a header row and at least two rows of numbers.");
        }

        var header = lines[0].Split(',').Select(h => h.Trim()).ToArray();
        var targetIndex = Array.IndexOf(header, target);
        if (targetIndex < 0)
        {
            throw new SampleInputException($"{path}:1: no column '{target}'; the columns are {string.Join(", ", header)}.");
        }

        var values = header.Select(_ => new List<double>()).ToArray();
        for (var line = 1; line < lines.Length; line++)
        {
            if (string.IsNullOrWhiteSpace(lines[line]))
            {
                continue;
            }

            var cells = lines[line].Split(',');
            if (cells.Length != header.Length)
            {
                throw new SampleInputException($"{path}:{line + 1}: {cells.Length} cells for {header.Length} columns.");
            }

            var column = 1;
            for (var j = 0; j < cells.Length; j++)
            {
                if (!double.TryParse(cells[j], NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    throw new SampleInputException($"{path}:{line + 1}:{column}: '{cells[j].Trim()}' is not a number (column '{header[j]}').");
                }

                values[j].Add(value);
                column += cells[j].Length + 1;
            }
        }

        var inputs = Enumerable.Range(0, header.Length).Where(j => j != targetIndex).ToArray();
        return new RegressionData([.. inputs.Select(j => header[j])], [.. inputs.Select(j => values[j].ToArray())], [.. values[targetIndex]]);
    }
}
