using System.Globalization;
using ScottPlot;

namespace Leibniz.Samples;

/// <summary>
/// A small builder over ScottPlot for the samples' line, point and log-log plots, saved as PNG.
/// Logarithmic axes are drawn by plotting log10 of the data and labelling ticks as powers of ten.
/// </summary>
public sealed class Chart
{
    private static readonly Color[] Palette =
    [
        Colors.C0, Colors.C1, Colors.C2, Colors.C3, Colors.C4, Colors.C5, Colors.C6, Colors.C7, Colors.C8, Colors.C9,
    ];

    private bool _legendOutside;
    private bool _logX;
    private bool _logY;
    private int _colorIndex;

    /// <summary>Creates an empty chart.</summary>
    /// <param name="title">The title above the plot.</param>
    /// <param name="xLabel">The label of the horizontal axis.</param>
    /// <param name="yLabel">The label of the vertical axis.</param>
    public Chart(string title, string xLabel, string yLabel)
    {
        Plot = new Plot();
        Plot.Title(title);
        Plot.XLabel(xLabel);
        Plot.YLabel(yLabel);
    }

    /// <summary>The underlying ScottPlot plot, for anything this builder does not cover.</summary>
    public Plot Plot { get; }

    /// <summary>Draws the legend to the right of the plot instead of over the data.</summary>
    public Chart LegendOutside()
    {
        _legendOutside = true;
        return this;
    }

    /// <summary>Makes the horizontal axis logarithmic (call before adding data).</summary>
    public Chart LogX()
    {
        _logX = true;
        Plot.Axes.Bottom.TickGenerator = LogTicks();
        return this;
    }

    /// <summary>Makes the vertical axis logarithmic (call before adding data).</summary>
    public Chart LogY()
    {
        _logY = true;
        Plot.Axes.Left.TickGenerator = LogTicks();
        return this;
    }

    /// <summary>Adds a line through the points; non-positive values on a log axis are skipped.</summary>
    /// <param name="label">The legend entry (empty for none).</param>
    /// <param name="x">Horizontal coordinates.</param>
    /// <param name="y">Vertical coordinates.</param>
    /// <param name="markers">Whether to draw a marker at each point.</param>
    /// <param name="dashed">Whether to draw the line dashed (for references such as a slope guide).</param>
    public Chart Line(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, bool markers = false,
        bool dashed = false)
    {
        var (xs, ys) = Transform(x, y);
        var scatter = Plot.Add.ScatterLine(xs, ys, NextColor());
        scatter.LegendText = label;
        scatter.LineWidth = 2;
        scatter.MarkerSize = markers ? 5 : 0;
        if (dashed)
        {
            scatter.LinePattern = LinePattern.Dashed;
        }

        return this;
    }

    /// <summary>Adds unconnected points.</summary>
    /// <param name="label">The legend entry (empty for none).</param>
    /// <param name="x">Horizontal coordinates.</param>
    /// <param name="y">Vertical coordinates.</param>
    /// <param name="size">Marker size in pixels.</param>
    /// <param name="shape">Marker shape.</param>
    public Chart Points(string label, IReadOnlyList<double> x, IReadOnlyList<double> y, float size = 5,
        MarkerShape shape = MarkerShape.FilledCircle)
    {
        var (xs, ys) = Transform(x, y);
        var markers = Plot.Add.Markers(xs, ys, shape, size, NextColor());
        markers.LegendText = label;
        return this;
    }

    /// <summary>Saves the chart as a PNG in the sample's output folder and announces it.</summary>
    /// <param name="context">The running sample.</param>
    /// <param name="fileName">The file name, e.g. <c>loss.png</c>.</param>
    /// <param name="width">Width in pixels.</param>
    /// <param name="height">Height in pixels.</param>
    /// <returns>The full path of the file.</returns>
    public string Save(SampleContext context, string fileName, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (Plot.GetPlottables().Any(p => !string.IsNullOrEmpty(p.LegendItems.FirstOrDefault()?.LabelText)))
        {
            if (_legendOutside)
            {
                Plot.ShowLegend(Edge.Right);
            }
            else
            {
                Plot.ShowLegend();
            }
        }

        var path = context.OutputPath(fileName);
        Plot.SavePng(path, width, height);
        context.Wrote(path);
        return path;
    }

    private Color NextColor() => Palette[_colorIndex++ % Palette.Length];

    private (double[] X, double[] Y) Transform(IReadOnlyList<double> x, IReadOnlyList<double> y)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        if (x.Count != y.Count)
        {
            throw new ArgumentException($"x has {x.Count} values but y has {y.Count}.", nameof(y));
        }

        var xs = new List<double>(x.Count);
        var ys = new List<double>(y.Count);
        for (var i = 0; i < x.Count; i++)
        {
            if ((_logX && !(x[i] > 0)) || (_logY && !(y[i] > 0)) || !double.IsFinite(x[i]) || !double.IsFinite(y[i]))
            {
                continue;
            }

            xs.Add(_logX ? Math.Log10(x[i]) : x[i]);
            ys.Add(_logY ? Math.Log10(y[i]) : y[i]);
        }

        return (xs.ToArray(), ys.ToArray());
    }

    private static ScottPlot.TickGenerators.NumericAutomatic LogTicks() => new()
    {
        IntegerTicksOnly = true,
        MinorTickGenerator = new ScottPlot.TickGenerators.LogMinorTickGenerator(),
        LabelFormatter = exponent => "1e" + exponent.ToString("0", CultureInfo.InvariantCulture),
    };
}
