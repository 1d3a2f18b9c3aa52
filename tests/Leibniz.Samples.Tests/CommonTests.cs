namespace Leibniz.Samples.Tests;

public sealed class SampleOptionsTests
{
    [Fact]
    public void Defaults_are_the_given_folder_the_fixed_seed_and_full_mode()
    {
        var options = SampleOptions.Parse([], "/tmp/x/out");

        Assert.Equal("/tmp/x/out", options.OutputDirectory);
        Assert.Equal(SampleOptions.DefaultSeed, options.Seed);
        Assert.False(options.Quick);
    }

    [Fact]
    public void Common_and_sample_options_are_read()
    {
        var options = SampleOptions.Parse(["--quick", "--seed", "7", "--out", "/tmp/y", "--data", "a.csv"], "/tmp/x",
            "data", "target");

        Assert.True(options.Quick);
        Assert.Equal(7, options.Seed);
        Assert.Equal("/tmp/y", options.OutputDirectory);
        Assert.Equal("a.csv", options.Get("data", "none"));
        Assert.Null(options.Find("target"));
    }

    [Theory]
    [InlineData("--unknown", "x", "Unknown option '--unknown'")]
    [InlineData("--seed", "ten", "--seed needs an integer")]
    [InlineData("--out", "--quick", "Option '--out' needs a value")]
    [InlineData("stray", "x", "Unexpected argument 'stray'")]
    public void Bad_command_lines_say_what_is_wrong(string first, string second, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => SampleOptions.Parse([first, second], "/tmp/x"));

        Assert.Equal("args", error.ParamName);
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}

public sealed class ResultTableTests
{
    [Fact]
    public void Numbers_are_formatted_invariantly_and_rows_must_match_the_columns()
    {
        var table = new ResultTable("name", "value").Add("pi", Math.PI).Add("tiny", 1.5e-9).Add("count", 12);

        Assert.Equal(["3.14159", "1.50e-09", "12"], table.Rows.Select(r => r[1]));
        var error = Assert.Throws<ArgumentException>(() => table.Add("only one"));
        Assert.Equal("cells", error.ParamName);
    }
}

public sealed class ChartTests
{
    [Fact]
    public void A_log_log_chart_and_a_heat_map_render_headless_to_png()
    {
        var (path, _, context) = SampleRun.Quick(ctx =>
        {
            HeatmapChart.Save(ctx, "map.png", "x·y", HeatmapChart.Sample((x, y) => x * y, -1, 1, 8), -1, 1, "f",
                outline: 0.5);
            return new Chart("h²", "h", "error").LogX().LogY()
                .Line("h²", [1e-3, 1e-2, 1e-1], [1e-6, 1e-4, 1e-2], markers: true)
                .Save(ctx, "loglog.png");
        });

        var header = File.ReadAllBytes(path).Take(4).ToArray();
        Assert.Equal(new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G' }, header);
        Assert.Equal(2, context.WrittenFiles.Count);
    }
}

public sealed class SampleHostTests
{
    [Fact]
    public void A_bad_command_line_exits_2_and_bad_input_exits_1_without_running_or_throwing()
    {
        var ran = false;
        var badOption = SampleHost.Run(["--bogus"], "Test", Path.GetTempPath(), _ => ran = true);
        var badInput = SampleHost.Run(["--quick", "--out", Path.GetTempPath()], "Test", Path.GetTempPath(),
            _ => throw new SampleInputException("data.csv, line 2, column 1: not a number."));

        Assert.Equal(2, badOption);
        Assert.False(ran);
        Assert.Equal(1, badInput);
    }
}
