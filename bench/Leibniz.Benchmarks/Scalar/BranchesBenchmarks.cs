using BenchmarkDotNet.Attributes;

namespace Leibniz.Benchmarks.Scalar;

/// <summary>
/// Gradients of a function with real branches. Each invocation evaluates three points, one per branch, and sums
/// every component, so every method pays for all three branches (and the branch predictor sees a fixed cycle).
/// </summary>
public class BranchesBenchmarks
{
    // (0.3, 0.4): r < 1; (2.0, 1.0): x > y; (0.5, 1.5): the last branch.
    private readonly double[][] _points = [[0.3, 0.4], [2.0, 1.0], [0.5, 1.5]];
    private readonly double[] _direction = DirectionalDual.Direction(2);
    private readonly double[] _gradient = new double[2];
    private readonly Tape _tape = new();

    [GlobalSetup]
    public void CheckAgreement()
    {
        var sums = new double[5];
        foreach (var p in _points)
        {
            var (v, dx, dy) = HandWritten.BranchesGradient(p[0], p[1]);
            var where = $"Branches at ({p[0]}, {p[1]})";
            GradientAgreement.CheckAgainstDifferences(where + " hand-written", q => DoubleForms.Branches(q), p, [dx, dy]);
            double[] jvp = [v, DirectionalDual.Dot([dx, dy], _direction)];
            GradientAgreement.Check(where + " generated", [v, dx, dy],
                GradientAgreement.Components(Functions.BranchesGradient(p[0], p[1])));
            var generatedJvp = Functions.BranchesJvp(p[0], p[1], _direction[0], _direction[1]);
            GradientAgreement.Check(where + " generated Jvp", jvp, [generatedJvp.Value, generatedJvp.Tangent]);
            var dualJvp = DirectionalDual.Jvp(DualForms.Branches, p, _direction);
            GradientAgreement.Check(where + " Dual Jvp", jvp, [dualJvp.Value, dualJvp.Tangent]);
            GradientAgreement.Check(where + " Dual", [v, dx, dy],
                [Dual.Gradient(DualForms.Branches, p, _gradient), .. _gradient]);
            GradientAgreement.Check(where + " Tape", [v, dx, dy],
                [_tape.Gradient(VarForms.Branches, p, _gradient), .. _gradient]);
            FiniteDifference.Gradient(DoubleForms.Branches, p, _gradient);
            GradientAgreement.Check(where + " differences", [dx, dy], _gradient, 1e-6);
            sums[0] += v;
            sums[1] += v + dx + dy;
            sums[2] += jvp[0] + jvp[1];
            sums[3] += dx;
        }

        GradientAgreement.Check("Branches sums", sums.AsSpan(0, 4),
            [Primal(), HandWrittenGradient(), DualJvp(), CentralDifferences()]);
        GradientAgreement.Check("Branches generated sums", [sums[1], sums[2]], [GeneratedGradient(), GeneratedJvp()]);
    }

    [Benchmark]
    public double Primal()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            sum += Functions.Branches(p[0], p[1]);
        }

        return sum;
    }

    [Benchmark(Baseline = true)]
    public double HandWrittenGradient()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            var (v, dx, dy) = HandWritten.BranchesGradient(p[0], p[1]);
            sum += v + dx + dy;
        }

        return sum;
    }

    [Benchmark]
    public double GeneratedGradient()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            var (v, dx, dy) = Functions.BranchesGradient(p[0], p[1]);
            sum += v + dx + dy;
        }

        return sum;
    }

    [Benchmark]
    public double GeneratedJvp()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            var (v, tangent) = Functions.BranchesJvp(p[0], p[1], _direction[0], _direction[1]);
            sum += v + tangent;
        }

        return sum;
    }

    [Benchmark]
    public double DualJvp()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            var jvp = DirectionalDual.Jvp(DualForms.Branches, p, _direction);
            sum += jvp.Value + jvp.Tangent;
        }

        return sum;
    }

    [Benchmark]
    public double DualGradient()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            sum += Dual.Gradient(DualForms.Branches, p, _gradient) + _gradient[0] + _gradient[1];
        }

        return sum;
    }

    [Benchmark]
    public double TapeGradient()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            sum += _tape.Gradient(VarForms.Branches, p, _gradient) + _gradient[0] + _gradient[1];
        }

        return sum;
    }

    [Benchmark]
    public double CentralDifferences()
    {
        var sum = 0.0;
        foreach (var p in _points)
        {
            FiniteDifference.Gradient(DoubleForms.Branches, p, _gradient);
            sum += _gradient[0];
        }

        return sum;
    }
}
