using System.Globalization;

namespace Leibniz.Symbolic;

/// <summary>
/// Replaces fitted constants by nearby simple values — zero, or p/q times 1, π, e, √2, √3, √π, 1/π or 1/√(2π) with q ≤ 12
/// and |p| ≤ 100 (≤ 24 with an irrational factor), within a relative 1e-6 —
/// one at a time, keeping a replacement only if the formula's error on the data does not grow (beyond rounding:
/// SSE/SST may rise by at most 1e-9 of itself plus 1e-24).
/// </summary>
public static class ConstantSnapper
{
    private static readonly (double Value, string Math, string CSharp)[] Bases =
    [
        (1, "", ""),
        (Math.PI, "π", "Math.PI"),
        (Math.E, "e", "Math.E"),
        (Math.Sqrt(2), "√2", "Math.Sqrt(2.0)"),
        (Math.Sqrt(3), "√3", "Math.Sqrt(3.0)"),
        (Math.Sqrt(Math.PI), "√π", "Math.Sqrt(Math.PI)"),
        (1 / Math.PI, "1/π", "(1.0 / Math.PI)"),
        (1 / Math.Sqrt(2 * Math.PI), "1/√(2π)", "(1.0 / Math.Sqrt(2.0 * Math.PI))"),
    ];

    /// <summary>The formula with snapped constants and its error SSE/SST on <paramref name="data"/>.</summary>
    /// <param name="term">A simplified formula (scale and offset included).</param>
    /// <param name="data">The rows the error is measured on.</param>
    /// <param name="tolerance">How far (relatively) a constant may be from a simple value to try it.</param>
    public static (Term Term, double Error) Snap(Term term, RegressionData data, double tolerance = 1e-6)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(data);
        var interpreter = new Interpreter();
        var error = Error(term, data, interpreter);
        // A snapped constant is named, so it leaves the count: the next unnamed one takes its index.
        var k = 0;
        while (k < CountConstants(term))
        {
            var snapped = false;
            foreach (var candidate in Candidates(Nth(term, k), tolerance))
            {
                var trial = Replace(term, k, candidate);
                var trialError = Error(trial, data, interpreter);
                if (trialError <= error * (1 + 1e-9) + 1e-24)
                {
                    term = trial;
                    error = Math.Min(error, trialError);
                    snapped = true;
                    break;
                }
            }

            k += snapped ? 0 : 1;
        }

        return (term, error);
    }

    /// <summary>SSE/SST of the formula on the data (+∞ when not finite).</summary>
    /// <param name="term">The formula.</param>
    /// <param name="data">The rows.</param>
    /// <param name="interpreter">The interpreter to use, or null.</param>
    public static double Error(Term term, RegressionData data, Interpreter? interpreter = null)
    {
        ArgumentNullException.ThrowIfNull(term);
        ArgumentNullException.ThrowIfNull(data);
        var values = (interpreter ?? new Interpreter()).Evaluate(term.ToNodes(), data);
        return ConstantFitter.Error(values, data.Target, 1, 0);
    }

    /// <summary>Simple values within <paramref name="tolerance"/> of <paramref name="value"/>, simplest first.</summary>
    /// <param name="value">A fitted constant.</param>
    /// <param name="tolerance">The relative distance allowed.</param>
    public static IEnumerable<Term> Candidates(double value, double tolerance)
    {
        // Zero first: a term or coefficient the fit drove to nearly nothing (3.5e-12) is usually not there at all.
        yield return Term.Constant(0, new KnownConstant("0", "0.0"));
        if (Math.Abs(value) < 1e-12)
        {
            yield break;
        }

        var found = new List<(int Cost, Term Term)>();
        foreach (var (b, math, csharp) in Bases)
        {
            var ratio = value / b;
            for (var q = 1; q <= 12; q++)
            {
                var p = Math.Round(ratio * q);
                if (p == 0 || Math.Abs(p) > (math.Length == 0 ? 100 : 24) || Math.Abs(ratio - p / q) > tolerance * Math.Abs(ratio) || Gcd((long)Math.Abs(p), q) != 1)
                {
                    continue;
                }

                var exact = p / q * b;
                found.Add(((int)Math.Abs(p) + q + (math.Length > 0 ? 2 : 0), Term.Constant(exact, Name((long)p, q, math, csharp))));
            }
        }

        foreach (var (_, term) in found.OrderBy(f => f.Cost))
        {
            yield return term;
        }
    }

    private static KnownConstant Name(long p, int q, string math, string csharp)
    {
        var number = p.ToString(CultureInfo.InvariantCulture);
        if (math.Length == 0)
        {
            return q == 1 ? new KnownConstant(number, $"{number}.0") : new KnownConstant($"{number}/{q}", $"({number}.0 / {q}.0)");
        }

        var sign = p < 0 ? "-" : "";
        var size = Math.Abs(p);
        string mathText;
        if (math.StartsWith("1/", StringComparison.Ordinal))
        {
            // p/q · (1/b) reads p/(q·b): "767/(12π)", never "7671/π/12".
            var inner = math[2..];
            mathText = $"{number}/" + (q == 1 ? inner : $"({q}{inner})");
        }
        else
        {
            mathText = (size == 1 ? sign : number) + math + (q == 1 ? "" : $"/{q}");
        }

        var code = (size == 1 ? sign : $"{number}.0 * ") + csharp + (q == 1 ? "" : $" / {q}.0");
        return new KnownConstant(mathText, $"({code})");
    }

    private static long Gcd(long a, long b) => b == 0 ? a : Gcd(b, a % b);

    private static int CountConstants(Term term) => (term.IsConstant && term.Known is null ? 1 : 0) + term.Children.Sum(CountConstants);

    private static double Nth(Term term, int k)
    {
        var index = 0;
        return Find(term)!.Value;

        Term? Find(Term t)
        {
            if (t.IsConstant && t.Known is null && index++ == k)
            {
                return t;
            }

            return t.Children.Select(Find).FirstOrDefault(found => found is not null);
        }
    }

    private static Term Replace(Term term, int k, Term replacement)
    {
        var index = 0;
        return Walk(term);

        Term Walk(Term t)
        {
            if (t.IsConstant)
            {
                return t.Known is null && index++ == k ? replacement : t;
            }

            return t.Children.Count == 0 ? t : t.With([.. t.Children.Select(Walk)]);
        }
    }
}
