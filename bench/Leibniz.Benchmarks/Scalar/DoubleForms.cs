namespace Leibniz.Benchmarks.Scalar;

/// <summary>The benchmark functions in the span shape <see cref="FiniteDifference"/> evaluates.</summary>
public static partial class DoubleForms
{
    public static double Rastrigin(ReadOnlySpan<double> p) => Functions.Rastrigin(p[0], p[1]);

    public static double Rosenbrock10(ReadOnlySpan<double> x) =>
        Functions.Rosenbrock10(x[0], x[1], x[2], x[3], x[4], x[5], x[6], x[7], x[8], x[9]);

    public static double Branches(ReadOnlySpan<double> p) => Functions.Branches(p[0], p[1]);
}
