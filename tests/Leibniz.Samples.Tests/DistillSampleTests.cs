using Leibniz.Samples.Distill;

namespace Leibniz.Samples.Tests;

public sealed class DistillSampleTests
{
    [Fact]
    public void The_lecture_run_distills_the_network_and_recovers_a_Feynman_formula()
    {
        var (result, output, context) = SampleRun.Quick(DistillSample.Run);

        Assert.NotNull(result.Rastrigin);
        Assert.Equal(3, result.Rastrigin.Formula.Count);
        Assert.Contains("Part 1: distill the Rastrigin network", output, StringComparison.Ordinal);
        Assert.Contains("[Differentiable]", output, StringComparison.Ordinal);
        Assert.True(File.Exists(context.OutputPath("RastriginDistilled.cs")));
        Assert.Contains("public static double Rastrigin(double x, double y)", File.ReadAllText(context.OutputPath("RastriginDistilled.cs")), StringComparison.Ordinal);
        Assert.NotNull(result.Feynman);
        Assert.True(result.Feynman.TrainingError < 1e-3, result.Feynman.ToMath());
    }

    [Fact]
    public void A_csv_file_gives_a_front_and_an_emitted_method_named_after_its_columns()
    {
        var folder = Path.Combine(Path.GetTempPath(), "leibniz-distill-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var csv = Path.Combine(folder, "data.csv");
        var random = new Random(3);
        var lines = new List<string> { "mass,speed,energy" };
        for (var i = 0; i < 100; i++)
        {
            var (m, v) = (1 + 4 * random.NextDouble(), 1 + 4 * random.NextDouble());
            lines.Add(FormattableString.Invariant($"{m},{v},{0.5 * m * v * v}"));
        }

        File.WriteAllLines(csv, lines);
        var emitted = Path.Combine(folder, "Energy.cs");
        var (result, output, _) = SampleRun.Quick(DistillSample.Run, new Dictionary<string, string>
        {
            ["data"] = csv, ["target"] = "energy", ["emit"] = emitted, ["class"] = "Physics", ["method"] = "Kinetic",
        });

        Assert.NotNull(result.Csv);
        Assert.True(result.Csv.Chosen.TrainingError < 1e-20, result.Csv.Chosen.ToMath());
        Assert.Contains("← chosen", output, StringComparison.Ordinal);
        var code = File.ReadAllText(emitted);
        Assert.Contains("public static partial class Physics", code, StringComparison.Ordinal);
        Assert.Contains("public static double Kinetic(double mass, double speed)", code, StringComparison.Ordinal);
    }

    [Fact]
    public void A_bad_csv_cell_is_reported_with_file_line_and_column()
    {
        var csv = Path.Combine(Path.GetTempPath(), "leibniz-distill-bad-" + Guid.NewGuid().ToString("N") + ".csv");
        File.WriteAllLines(csv, ["a,y", "1,2", "3,x4", "5,6"]);
        var error = Assert.Throws<SampleInputException>(() => CsvPart.Read(csv, "y"));
        Assert.Contains(csv + ":3:3: 'x4' is not a number (column 'y')", error.Message, StringComparison.Ordinal);
        Assert.Contains("no column 'z'", Assert.Throws<SampleInputException>(() => CsvPart.Read(csv, "z")).Message, StringComparison.Ordinal);
    }
}
