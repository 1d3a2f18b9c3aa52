namespace Leibniz.Samples.Rastrigin;

/// <summary>The sample's pictures: f itself, a slice through every network, and one error map per network.</summary>
internal static class RastriginPlots
{
    public static void Save(SampleContext context, RastriginResult result, IReadOnlyList<Func<double[], double[]>> predictors)
    {
        var n = context.Quick ? 60 : 200;
        var extent = 2 * RastriginFunction.Domain;
        var truth = HeatmapChart.Sample(RastriginFunction.Value, -extent, extent, n);
        var grid = Grid(n, extent);
        var range = new ScottPlot.Range(0, truth.Cast<double>().Max());
        HeatmapChart.Save(context, "rastrigin-truth.png", "Rastrigin f(x, y) (dashed: training square)", truth, -extent, extent,
            "f", range, RastriginFunction.Domain);

        // One colour scale for every error map, so the maps compare at a glance; errors beyond it show as the top colour.
        var errorRange = new ScottPlot.Range(0, 40);
        var xs = Enumerable.Range(0, 801).Select(i => -extent + i * 2 * extent / 800).ToArray();
        var slice = new Chart("Slice y = 0: the networks against f, inside and outside the training interval", "x", "f(x, 0)")
            .Line("f(x, 0)", xs, xs.Select(x => RastriginFunction.Value(x, 0)).ToArray());
        for (var i = 0; i < predictors.Count; i++)
        {
            var name = result.Networks[i].Contender.Name;
            var flat = predictors[i](grid);
            var error = new double[n, n];
            for (var row = 0; row < n; row++)
            {
                for (var col = 0; col < n; col++)
                {
                    error[row, col] = Math.Abs(flat[row * n + col] - truth[row, col]);
                }
            }

            var inside = result.Networks[i].Regions[0].Metrics.RSquared;
            HeatmapChart.Save(context, $"rastrigin-error-{FileName(name)}.png", $"|prediction − f|, {name} (R² inside {inside:0.####})",
                error, -extent, extent, "absolute error", errorRange, RastriginFunction.Domain);
            slice.Line(name, xs, predictors[i](xs.SelectMany(x => new[] { x, 0.0 }).ToArray()));
        }

        slice.Plot.Add.VerticalLine(-RastriginFunction.Domain, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        slice.Plot.Add.VerticalLine(RastriginFunction.Domain, 1, ScottPlot.Colors.Gray, ScottPlot.LinePattern.Dashed);
        slice.Save(context, "rastrigin-slice.png", 900, 450);
    }

    private static string FileName(string name) => name.Split(' ')[0].ToLowerInvariant();

    /// <summary>Cell centres of an n × n grid over [-extent, extent]², row 0 at the top, as the heat maps lay them out.</summary>
    private static double[] Grid(int n, double extent)
    {
        var points = new double[2 * n * n];
        var cell = 2 * extent / n;
        for (var row = 0; row < n; row++)
        {
            for (var col = 0; col < n; col++)
            {
                points[2 * (row * n + col)] = -extent + (col + 0.5) * cell;
                points[2 * (row * n + col) + 1] = extent - (row + 0.5) * cell;
            }
        }

        return points;
    }
}
