using ScottPlot;

namespace Leibniz.Samples.Pinn;

/// <summary>A field on a rectangle (u(x, t), an error map) as a heat map with a colour bar, saved as PNG.</summary>
public static class FieldChart
{
    /// <summary>Samples f on a grid: <paramref name="columns"/> cells along the horizontal axis, <paramref name="rows"/> along the vertical.</summary>
    /// <returns>The cell centres as row-major (h, v) pairs, top row first, as ScottPlot draws them.</returns>
    public static double[] Grid(double hMin, double hMax, double vMin, double vMax, int columns, int rows)
    {
        var points = new double[2 * rows * columns];
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < columns; col++)
            {
                var i = (row * columns) + col;
                points[2 * i] = hMin + ((col + 0.5) * (hMax - hMin) / columns);
                points[(2 * i) + 1] = vMax - ((row + 0.5) * (vMax - vMin) / rows);
            }
        }

        return points;
    }

    /// <summary>Draws row-major values (from <see cref="Grid"/>) and saves the picture.</summary>
    public static void Save(SampleContext context, string fileName, string title, double[] values, int columns, int rows,
        double hMin, double hMax, double vMin, double vMax, string hLabel, string vLabel, string colorbarLabel, ScottPlot.Range? range = null)
    {
        var grid = new double[rows, columns];
        for (var row = 0; row < rows; row++)
        {
            for (var col = 0; col < columns; col++)
            {
                grid[row, col] = values[(row * columns) + col];
            }
        }

        var plot = new Plot();
        plot.Title(title);
        plot.XLabel(hLabel);
        plot.YLabel(vLabel);
        var heatmap = plot.Add.Heatmap(grid);
        heatmap.Extent = new CoordinateRect(hMin, hMax, vMin, vMax);
        heatmap.Colormap = new ScottPlot.Colormaps.Viridis();
        heatmap.ManualRange = range;
        plot.Add.ColorBar(heatmap).Label = colorbarLabel;
        plot.Axes.SetLimits(hMin, hMax, vMin, vMax);
        var path = context.OutputPath(fileName);
        plot.SavePng(path, 720, 480);
        context.Wrote(path);
    }

    /// <summary>The Adam and L-BFGS loss curves on a log scale.</summary>
    public static void SaveLoss(SampleContext context, string fileName, string title, LossHistory history)
    {
        var adam = Enumerable.Range(1, history.Adam.Count).Select(i => (double)i).ToArray();
        var chart = new Chart(title, "step (Adam), then L-BFGS iteration block", "loss").LogY();
        if (history.Adam.Count > 0)
        {
            chart.Line("Adam", adam, history.Adam.Select(v => Math.Max(v, 1e-16)).ToArray());
        }

        if (history.Lbfgs.Count > 0)
        {
            var blocks = Enumerable.Range(1, history.Lbfgs.Count).Select(i => history.Adam.Count + (i * 25.0)).ToArray();
            chart.Line("L-BFGS", blocks, history.Lbfgs.Select(v => Math.Max(v, 1e-16)).ToArray(), markers: true);
        }

        chart.Save(context, fileName, 800, 450);
    }
}
