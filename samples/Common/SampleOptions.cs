using System.Globalization;

namespace Leibniz.Samples;

/// <summary>
/// The command line every sample understands: <c>--out &lt;dir&gt;</c>, <c>--seed &lt;n&gt;</c>, <c>--quick</c>,
/// plus the value options a sample declares for itself (for example <c>--data</c> and <c>--target</c>).
/// </summary>
public sealed class SampleOptions
{
    /// <summary>The seed used when <c>--seed</c> is not given, so that published numbers are reproducible.</summary>
    public const int DefaultSeed = 42;

    private readonly Dictionary<string, string> _values;

    private SampleOptions(string outputDirectory, int seed, bool quick, Dictionary<string, string> values)
    {
        OutputDirectory = outputDirectory;
        Seed = seed;
        Quick = quick;
        _values = values;
    }

    /// <summary>The folder where the sample writes its PNG files (created on first use).</summary>
    public string OutputDirectory { get; }

    /// <summary>The random seed of every random choice the sample makes.</summary>
    public int Seed { get; }

    /// <summary>Fast mode (fewer epochs, smaller grids) used by the tests; the numbers are rougher.</summary>
    public bool Quick { get; }

    /// <summary>The value of a sample-specific option such as <c>--data</c>, or <paramref name="fallback"/>.</summary>
    /// <param name="name">The option name without the leading dashes.</param>
    /// <param name="fallback">The value when the option was not given.</param>
    public string Get(string name, string fallback) => _values.TryGetValue(name, out var value) ? value : fallback;

    /// <summary>The value of a sample-specific option, or <see langword="null"/> when it was not given.</summary>
    /// <param name="name">The option name without the leading dashes.</param>
    public string? Find(string name) => _values.TryGetValue(name, out var value) ? value : null;

    /// <summary>Options for a test: quick mode, the given output folder and seed, and extra values.</summary>
    /// <param name="outputDirectory">Where the PNG files go.</param>
    /// <param name="seed">The random seed.</param>
    /// <param name="quick">Whether to run in fast mode.</param>
    /// <param name="values">Sample-specific options (name without dashes → value).</param>
    public static SampleOptions Create(string outputDirectory, int seed = DefaultSeed, bool quick = true,
        IReadOnlyDictionary<string, string>? values = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(outputDirectory);
        return new SampleOptions(outputDirectory, seed, quick,
            values is null ? [] : new Dictionary<string, string>(values, StringComparer.Ordinal));
    }

    /// <summary>Parses the command line.</summary>
    /// <param name="args">The arguments given to the program.</param>
    /// <param name="defaultOutputDirectory">The output folder when <c>--out</c> is not given.</param>
    /// <param name="valueOptions">Names (without dashes) of the sample's own options that take a value.</param>
    /// <exception cref="ArgumentException">An unknown option, a missing value or a seed that is not an integer.</exception>
    public static SampleOptions Parse(IReadOnlyList<string> args, string defaultOutputDirectory,
        params string[] valueOptions)
    {
        ArgumentNullException.ThrowIfNull(args);
        var output = defaultOutputDirectory;
        var seed = DefaultSeed;
        var quick = false;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (arg == "--quick")
            {
                quick = true;
                continue;
            }

            if (!arg.StartsWith("--", StringComparison.Ordinal) || arg.Length == 2)
            {
                throw new ArgumentException($"Unexpected argument '{arg}': options start with '--'.", nameof(args));
            }

            var name = arg[2..];
            var known = name is "out" or "seed" || valueOptions.Contains(name, StringComparer.Ordinal);
            if (!known)
            {
                throw new ArgumentException($"Unknown option '{arg}'.", nameof(args));
            }

            if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
            {
                throw new ArgumentException($"Option '{arg}' needs a value.", nameof(args));
            }

            var value = args[++i];
            switch (name)
            {
                case "out":
                    output = value;
                    break;
                case "seed":
                    if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out seed))
                    {
                        throw new ArgumentException($"--seed needs an integer, not '{value}'.", nameof(args));
                    }

                    break;
                default:
                    values[name] = value;
                    break;
            }
        }

        return new SampleOptions(Path.GetFullPath(output), seed, quick, values);
    }

    /// <summary>The usage line of a sample, listing the common options and the sample's own.</summary>
    /// <param name="sampleName">The sample's folder name under samples/.</param>
    /// <param name="extra">The sample's own options with their placeholders, e.g. <c>--data &lt;file.csv&gt;</c>.</param>
    public static string Usage(string sampleName, string extra = "") =>
        $"usage: dotnet run --project samples/{sampleName} -- [--out <dir>] [--seed <n>] [--quick]" +
        (extra.Length > 0 ? " " + extra : "");
}
