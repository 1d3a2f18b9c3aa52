using ScottPlot;

namespace Leibniz.Samples;

/// <summary>A heat map of f(x, y) on a rectangle, with a colour bar, saved as PNG.</summary>
public static class HeatmapChart
{
    /// <summary>Samples <paramref name="f"/> on an n × n grid covering the rectangle.</summary>
    /// <param name="f">The function.</param>
    /// <param name="min">The lower bound of both coordinates.</param>
    /// <param name="max">The upper bound of both coordinates.</param>
    /// <param name="n">Cells per side.</param>
    /// <returns>Values indexed [row, column], row 0 at the top (largest y), as ScottPlot draws them.</returns>
    public static double[,] Sample(Func<double, double, double> f, double min, double max, int n)
    {
        ArgumentNullException.ThrowIfNull(f);
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 2);
        var values = new double[n, n];
        var cell = (max - min) / n;
        for (var row = 0; row < n; row++)
        {
            var y = max - (row + 0.5) * cell;
            for (var col = 0; col < n; col++)
            {
                values[row, col] = f(min + (col + 0.5) * cell, y);
            }
        }

        return values;
    }

    /// <summary>Draws the values and saves the picture.</summary>
    /// <param name="context">The running sample.</param>
    /// <param name="fileName">The PNG file name.</param>
    /// <param name="title">The title above the map.</param>
    /// <param name="values">Values from <see cref="Sample"/>.</param>
    /// <param name="min">The lower bound of both coordinates.</param>
    /// <param name="max">The upper bound of both coordinates.</param>
    /// <param name="colorbarLabel">The label of the colour bar.</param>
    /// <param name="range">A fixed colour range (to compare maps), or null for the data's range.</param>
    /// <param name="outline">An optional square [-outline, outline]² drawn as a frame (e.g. the training domain).</param>
    /// <param name="decorate">Optional extra drawing on the plot (points, labels).</param>
    public static string Save(SampleContext context, string fileName, string title, double[,] values, double min,
        double max, string colorbarLabel, ScottPlot.Range? range = null, double? outline = null,
        Action<Plot>? decorate = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(values);
        var plot = new Plot();
        plot.Title(title);
        plot.XLabel("x");
        plot.YLabel("y");
        var heatmap = plot.Add.Heatmap(values);
        heatmap.Extent = new CoordinateRect(min, max, min, max);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = range;
        var bar = plot.Add.ColorBar(heatmap);
        bar.Label = colorbarLabel;
        if (outline is { } half)
        {
            var frame = plot.Add.Rectangle(-half, half, -half, half);
            frame.FillStyle.Color = Colors.Transparent;
            frame.LineStyle.Color = Colors.White;
            frame.LineStyle.Width = 2;
            frame.LineStyle.Pattern = LinePattern.Dashed;
        }

        decorate?.Invoke(plot);
        plot.Axes.SetLimits(min, max, min, max);
        plot.Axes.SquareUnits();
        var path = context.OutputPath(fileName);
        plot.SavePng(path, 640, 560);
        context.Wrote(path);
        return path;
    }
}
