namespace Leibniz.Benchmarks.Symbolic;

/// <summary>A benchmark problem: a formula, its variables' training ranges, and the number of training rows.</summary>
/// <param name="Name">The public name (Feynman I.6.2a, Nguyen-1, …).</param>
/// <param name="Formula">The formula as the public definition writes it.</param>
/// <param name="Names">Variable names, in order.</param>
/// <param name="Low">Lower bounds of the training box.</param>
/// <param name="High">Upper bounds of the training box.</param>
/// <param name="Function">The formula as code.</param>
/// <param name="Rows">Training rows.</param>
public sealed record RecoveryProblem(string Name, string Formula, string[] Names, double[] Low, double[] High,
    Func<double[], double> Function, int Rows = 300)
{
    /// <summary>13 AI Feynman problems (Udrescu &amp; Tegmark 2020, ranges of the published table).</summary>
    public static IReadOnlyList<RecoveryProblem> Feynman { get; } =
    [
        new("Feynman I.6.2a", "exp(−θ²/2)/√(2π)", ["theta"], [1], [3], p => Math.Exp(-p[0] * p[0] / 2) / Math.Sqrt(2 * Math.PI)),
        new("Feynman I.6.2", "exp(−(θ/σ)²/2)/(√(2π)σ)", ["sigma", "theta"], [1, 1], [3, 3],
            p => Math.Exp(-Math.Pow(p[1] / p[0], 2) / 2) / (Math.Sqrt(2 * Math.PI) * p[0])),
        new("Feynman I.8.14", "√((x2−x1)² + (y2−y1)²)", ["x1", "x2", "y1", "y2"], [1, 1, 1, 1], [5, 5, 5, 5],
            p => Math.Sqrt(Math.Pow(p[1] - p[0], 2) + Math.Pow(p[3] - p[2], 2))),
        new("Feynman I.10.7", "m0/√(1 − v²/c²)", ["m0", "v", "c"], [1, 1, 3], [5, 2, 10],
            p => p[0] / Math.Sqrt(1 - p[1] * p[1] / (p[2] * p[2]))),
        new("Feynman I.12.2", "q1·q2/(4π·ε·r²)", ["q1", "q2", "epsilon", "r"], [1, 1, 1, 1], [5, 5, 5, 5],
            p => p[0] * p[1] / (4 * Math.PI * p[2] * p[3] * p[3])),
        new("Feynman I.13.4", "m(v² + u² + w²)/2", ["m", "v", "u", "w"], [1, 1, 1, 1], [5, 5, 5, 5],
            p => 0.5 * p[0] * (p[1] * p[1] + p[2] * p[2] + p[3] * p[3])),
        new("Feynman I.18.4", "(m1·r1 + m2·r2)/(m1 + m2)", ["m1", "m2", "r1", "r2"], [1, 1, 1, 1], [5, 5, 5, 5],
            p => (p[0] * p[2] + p[1] * p[3]) / (p[0] + p[1])),
        new("Feynman I.24.6", "m(ω² + ω0²)x²/4", ["m", "omega", "omega0", "x"], [1, 1, 1, 1], [3, 3, 3, 3],
            p => 0.25 * p[0] * (p[1] * p[1] + p[2] * p[2]) * p[3] * p[3]),
        new("Feynman I.27.6", "1/(1/d1 + n/d2)", ["d1", "d2", "n"], [1, 1, 1], [5, 5, 5], p => 1 / (1 / p[0] + p[2] / p[1])),
        new("Feynman I.29.4", "ω/c", ["omega", "c"], [1, 1], [10, 10], p => p[0] / p[1]),
        new("Feynman I.34.27", "h·ω/(2π)", ["h", "omega"], [1, 1], [5, 5], p => p[0] * p[1] / (2 * Math.PI)),
        new("Feynman I.37.4", "I1 + I2 + 2√(I1·I2)·cos δ", ["I1", "I2", "delta"], [1, 1, 1], [5, 5, 5],
            p => p[0] + p[1] + 2 * Math.Sqrt(p[0] * p[1]) * Math.Cos(p[2])),
        new("Feynman II.11.28", "1 + n·α/(1 − n·α/3)", ["n", "alpha"], [0, 0], [1, 1], p => 1 + p[0] * p[1] / (1 - p[0] * p[1] / 3)),
    ];

    /// <summary>The eight Nguyen problems (Uy et al. 2011).</summary>
    public static IReadOnlyList<RecoveryProblem> Nguyen { get; } =
    [
        new("Nguyen-1", "x³ + x² + x", ["x"], [-1], [1], p => Polynomial(p[0], 3)),
        new("Nguyen-2", "x⁴ + x³ + x² + x", ["x"], [-1], [1], p => Polynomial(p[0], 4)),
        new("Nguyen-3", "x⁵ + … + x", ["x"], [-1], [1], p => Polynomial(p[0], 5)),
        new("Nguyen-4", "x⁶ + … + x", ["x"], [-1], [1], p => Polynomial(p[0], 6)),
        new("Nguyen-5", "sin(x²)·cos(x) − 1", ["x"], [-1], [1], p => Math.Sin(p[0] * p[0]) * Math.Cos(p[0]) - 1),
        new("Nguyen-6", "sin(x) + sin(x + x²)", ["x"], [-1], [1], p => Math.Sin(p[0]) + Math.Sin(p[0] + p[0] * p[0])),
        new("Nguyen-7", "log(x + 1) + log(x² + 1)", ["x"], [0], [2], p => Math.Log(p[0] + 1) + Math.Log(p[0] * p[0] + 1)),
        new("Nguyen-8", "√x", ["x"], [0], [4], p => Math.Sqrt(p[0])),
    ];

    /// <summary>2-D Rastrigin on the lecture's square.</summary>
    public static RecoveryProblem Rastrigin { get; } =
        new("Rastrigin 2-D", "20 + x² − 10 cos 2πx + y² − 10 cos 2πy", ["x", "y"], [-5.12, -5.12], [5.12, 5.12],
            p => 20 + p[0] * p[0] - 10 * Math.Cos(2 * Math.PI * p[0]) + p[1] * p[1] - 10 * Math.Cos(2 * Math.PI * p[1]), 500);

    /// <summary>All 22 problems: Feynman, Nguyen, Rastrigin.</summary>
    public static IReadOnlyList<RecoveryProblem> All { get; } = [.. Feynman, .. Nguyen, Rastrigin];

    private static double Polynomial(double x, int degree)
    {
        double sum = 0, power = 1;
        for (var k = 1; k <= degree; k++)
        {
            power *= x;
            sum += power;
        }

        return sum;
    }
}
