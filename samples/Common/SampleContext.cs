using Spectre.Console;

namespace Leibniz.Samples;

/// <summary>What a running sample needs: its options, a console to write to, and its output folder.</summary>
public sealed class SampleContext
{
    private readonly List<string> _writtenFiles = [];

    /// <summary>Creates a context.</summary>
    /// <param name="options">The parsed command line.</param>
    /// <param name="console">Where the sample writes its text, tables and progress.</param>
    public SampleContext(SampleOptions options, IAnsiConsole console)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(console);
        Options = options;
        Console = console;
    }

    /// <summary>The parsed command line.</summary>
    public SampleOptions Options { get; }

    /// <summary>Where the sample writes its text, tables and progress.</summary>
    public IAnsiConsole Console { get; }

    /// <summary>Fast mode for tests.</summary>
    public bool Quick => Options.Quick;

    /// <summary>The random seed.</summary>
    public int Seed => Options.Seed;

    /// <summary>Whether live widgets (progress bars) can be drawn; false when the output is redirected.</summary>
    public bool Interactive => Console.Profile.Capabilities.Interactive;

    /// <summary>Files the sample wrote so far, full paths, in order.</summary>
    public IReadOnlyList<string> WrittenFiles => _writtenFiles;

    /// <summary>A chapter title.</summary>
    /// <param name="title">Plain text (not markup).</param>
    public void Heading(string title)
    {
        Console.WriteLine();
        Console.Write(new Rule($"[bold]{Spectre.Console.Markup.Escape(title)}[/]").LeftJustified());
    }

    /// <summary>A line of plain text (not markup).</summary>
    /// <param name="text">The text.</param>
    public void Line(string text = "") => Console.WriteLine(text);

    /// <summary>A line of Spectre markup, e.g. <c>[green]ok[/]</c>.</summary>
    /// <param name="markup">The markup.</param>
    public void Markup(string markup) => Console.MarkupLine(markup);

    /// <summary>Prints a table whose numeric-looking cells are right-aligned.</summary>
    /// <param name="table">The table.</param>
    public void Show(ResultTable table)
    {
        ArgumentNullException.ThrowIfNull(table);
        Console.Write(table.ToRenderable());
    }

    /// <summary>The full path of <paramref name="fileName"/> in the output folder, creating the folder.</summary>
    /// <param name="fileName">A file name such as <c>loss.png</c>.</param>
    public string OutputPath(string fileName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        Directory.CreateDirectory(Options.OutputDirectory);
        return Path.Combine(Options.OutputDirectory, fileName);
    }

    /// <summary>Records and announces a file the sample wrote.</summary>
    /// <param name="path">The full path.</param>
    public void Wrote(string path)
    {
        _writtenFiles.Add(path);
        Console.WriteLine($"wrote {Path.GetRelativePath(Environment.CurrentDirectory, path)}");
    }

    /// <summary>Runs a training loop under a live progress bar (or plain lines when redirected).</summary>
    /// <param name="title">What is being trained.</param>
    /// <param name="totalSteps">The number of steps (epochs) the loop reports.</param>
    /// <param name="body">The loop; it reports each step to the given sink.</param>
    /// <typeparam name="T">What the loop returns.</typeparam>
    /// <returns>What the loop returned.</returns>
    public T Train<T>(string title, int totalSteps, Func<ITrainingProgress, T> body)
    {
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(totalSteps);
        if (!Interactive)
        {
            var plain = new PlainTrainingProgress(Console, title, totalSteps);
            var result = body(plain);
            plain.Finish();
            return result;
        }

        return Console.Progress()
            .AutoClear(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new ElapsedTimeColumn())
            .Start(progress =>
            {
                var task = progress.AddTask(Spectre.Console.Markup.Escape(title), maxValue: totalSteps);
                var result = body(new LiveTrainingProgress(task, title, totalSteps));
                task.Value = totalSteps;
                return result;
            });
    }
}
