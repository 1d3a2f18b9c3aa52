using System.Globalization;

namespace Leibniz.Samples.Pinn;

/// <summary>What one problem measured.</summary>
/// <param name="Name">The problem.</param>
/// <param name="RelativeL2">‖u_network − u_exact‖₂ / ‖u_exact‖₂ on a test grid.</param>
/// <param name="FinalLoss">The last training loss.</param>
/// <param name="Seconds">Training wall time.</param>
/// <param name="AdamSteps">Adam steps taken.</param>
/// <param name="CollocationPoints">Collocation points at the end (after refinement).</param>
public sealed record PinnOutcome(string Name, double RelativeL2, double FinalLoss, double Seconds, int AdamSteps, int CollocationPoints);

/// <summary>
/// The lecture's second part: physics-informed neural networks. A network u(x, t; θ) is trained so that a PDE
/// holds at sampled points; the loss contains u's derivatives by its inputs, computed by forward Taylor propagation
/// and kept on the graph, and the residual is plain C# differentiated by the generator.
/// </summary>
public static class PinnSample
{
    /// <summary>The problems in the order they run.</summary>
    public static readonly string[] Problems = ["poisson1d", "burgers", "poisson2d"];

    /// <summary>Runs the chosen problems (all by default).</summary>
    public static IReadOnlyList<PinnOutcome> Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var chosen = context.Options.Get("problem", "all");
        if (chosen != "all" && !Problems.Contains(chosen))
        {
            throw new SampleInputException($"--problem must be one of {string.Join(", ", Problems)} or all, not '{chosen}'.");
        }

        var outcomes = new List<PinnOutcome>();
        foreach (var problem in Problems.Where(p => chosen == "all" || chosen == p))
        {
            outcomes.Add(problem switch
            {
                "poisson1d" => Poisson1DProblem.Run(context),
                "burgers" => BurgersProblem.Run(context),
                _ => Poisson2DProblem.Run(context),
            });
        }

        var table = new ResultTable("problem", "relative L2 error", "final loss", "training seconds", "Adam steps", "collocation points");
        foreach (var o in outcomes)
        {
            table.Add(o.Name, o.RelativeL2, o.FinalLoss, o.Seconds.ToString("0.0", CultureInfo.InvariantCulture), o.AdamSteps, o.CollocationPoints);
        }

        context.Heading("Summary");
        context.Show(table);
        return outcomes;
    }

    /// <summary>A positive integer option, or the fallback.</summary>
    internal static int Steps(SampleContext context, string name, int fallback)
    {
        var text = context.Options.Find(name);
        if (text is null)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? value
            : throw new SampleInputException($"--{name} needs a non-negative integer, not '{text}'.");
    }
}
