using Spectre.Console;

namespace Leibniz.Samples;

/// <summary>The shared <c>Main</c> of every sample: parse options, run, report errors without a stack trace.</summary>
public static class SampleHost
{
    /// <summary>
    /// Runs a sample from its program's arguments; returns the process exit code: 0, 1 for bad input (a file, a
    /// column), 2 for a bad command line. Errors go to standard error without a stack trace.
    /// </summary>
    /// <param name="args">The program's arguments.</param>
    /// <param name="sampleName">The sample's folder name under samples/.</param>
    /// <param name="sampleDirectory">The sample's source folder (its <c>out/</c> is the default output).</param>
    /// <param name="run">The sample's logic.</param>
    /// <param name="extraUsage">The sample's own options for the usage line.</param>
    /// <param name="valueOptions">The names of the sample's own options that take a value.</param>
    public static int Run(string[] args, string sampleName, string sampleDirectory, Action<SampleContext> run,
        string extraUsage = "", params string[] valueOptions)
    {
        ArgumentNullException.ThrowIfNull(run);
        var console = SampleConsole.ForTerminal();
        SampleOptions options;
        try
        {
            options = SampleOptions.Parse(args, Path.Combine(sampleDirectory, "out"), valueOptions);
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(ErrorText(error));
            Console.Error.WriteLine(SampleOptions.Usage(sampleName, extraUsage));
            return 2;
        }

        var context = new SampleContext(options, console);
        try
        {
            run(context);
        }
        catch (SampleInputException error)
        {
            Console.Error.WriteLine("error: " + error.Message);
            return 1;
        }

        if (context.WrittenFiles.Count > 0)
        {
            console.WriteLine();
            console.WriteLine($"Pictures are in {options.OutputDirectory}");
        }

        return 0;
    }

    private static string ErrorText(ArgumentException error) =>
        "error: " + (error.ParamName is null ? error.Message : error.Message.Replace($" (Parameter '{error.ParamName}')", "", StringComparison.Ordinal));
}

/// <summary>A problem with what the user gave the sample (a file, a column name); shown without a stack trace.</summary>
/// <param name="message">What is wrong and what to do.</param>
/// <param name="inner">The underlying error, if any.</param>
public sealed class SampleInputException(string message, Exception? inner = null) : Exception(message, inner);
