namespace Leibniz.Samples.Tour;

/// <summary>The tour of Leibniz.</summary>
public static class TourSample
{
    /// <summary>Runs the tour.</summary>
    public static int Run(SampleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Heading("Leibniz tour");
        return 0;
    }
}
