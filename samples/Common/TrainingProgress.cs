using System.Globalization;
using Spectre.Console;

namespace Leibniz.Samples;

/// <summary>Receives one report per training step (epoch).</summary>
public interface ITrainingProgress
{
    /// <summary>Reports that <paramref name="step"/> (1-based) finished with the given loss.</summary>
    /// <param name="step">The step just finished, from 1 to the total.</param>
    /// <param name="loss">The training loss after that step.</param>
    /// <param name="detail">Optional extra text, e.g. the validation loss.</param>
    void Report(int step, double loss, string? detail = null);
}

/// <summary>Plain lines, about ten per run, for redirected output and tests.</summary>
internal sealed class PlainTrainingProgress(IAnsiConsole console, string title, int totalSteps) : ITrainingProgress
{
    private readonly int _every = Math.Max(1, totalSteps / 10);
    private string? _unprinted;

    public void Report(int step, double loss, string? detail = null)
    {
        var line = TrainingText.Describe(title, step, totalSteps, loss, detail);
        if (step % _every != 0 && step != totalSteps && step != 1)
        {
            _unprinted = line;
            return;
        }

        _unprinted = null;
        console.WriteLine(line);
    }

    /// <summary>Prints the last report if it was skipped, e.g. when early stopping ended the loop.</summary>
    public void Finish()
    {
        if (_unprinted is not null)
        {
            console.WriteLine(_unprinted);
        }
    }
}

/// <summary>Updates a Spectre progress task; the description carries the step and the loss.</summary>
internal sealed class LiveTrainingProgress(ProgressTask task, string title, int totalSteps) : ITrainingProgress
{
    public void Report(int step, double loss, string? detail = null)
    {
        task.Description = Markup.Escape(TrainingText.Describe(title, step, totalSteps, loss, detail));
        task.Value = step;
    }
}

internal static class TrainingText
{
    public static string Describe(string title, int step, int totalSteps, double loss, string? detail)
    {
        var width = totalSteps.ToString(CultureInfo.InvariantCulture).Length;
        var text = string.Create(CultureInfo.InvariantCulture,
            $"{title}: step {step.ToString(CultureInfo.InvariantCulture).PadLeft(width)}/{totalSteps} loss {ResultTable.Num(loss)}");
        return detail is null ? text : text + " " + detail;
    }
}
