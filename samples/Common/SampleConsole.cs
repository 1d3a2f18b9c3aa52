using Spectre.Console;

namespace Leibniz.Samples;

/// <summary>Creates the consoles samples write to: the real terminal, or plain text for tests and pipes.</summary>
public static class SampleConsole
{
    /// <summary>Width used when the output is not a terminal, wide enough for every sample's tables.</summary>
    public const int RedirectedWidth = 110;

    /// <summary>The process console; live widgets only when standard output is a terminal.</summary>
    public static IAnsiConsole ForTerminal()
    {
        if (!Console.IsOutputRedirected)
        {
            return AnsiConsole.Console;
        }

        return ForWriter(Console.Out);
    }

    /// <summary>A plain, non-interactive console writing to <paramref name="writer"/> (no colours, no live widgets).</summary>
    /// <param name="writer">Where the text goes.</param>
    public static IAnsiConsole ForWriter(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
            Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = RedirectedWidth;
        return console;
    }
}
