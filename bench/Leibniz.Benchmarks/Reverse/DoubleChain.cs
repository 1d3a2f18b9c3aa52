namespace Leibniz.Benchmarks.Reverse;

/// <summary>
/// The expressions whose recording cost is measured: n operations in groups of four, each group computing a term
/// t from the input x and adding it to an accumulator — a dependency chain n operations long whose adjoints
/// neither vanish nor blow up at any length (a chain like v ← sin(0.9·v + 0.1)² shrinks its adjoint geometrically,
/// underflows to 0 after a few thousand operations, and the backward sweep then skips the rest for free).
/// "Mixed": t = sin(c·x + 0.1), acc += t (one operation in four calls sin); "Arithmetic": t = (c·x + 0.1)², acc += t.
/// The factor c steps from 0.9 by 10⁻⁶ per group (a plain double, not recorded) so that no term is loop-invariant:
/// otherwise the JIT hoists the whole term out of the plain-double loop and the baseline stops doing the work.
/// bench/pytorch/scalar_autograd.py records the same mixed chain.
/// </summary>
public static class DoubleChain
{
    /// <summary>The first group's factor c.</summary>
    public const double Start = 0.9;

    /// <summary>How much c grows from one group to the next.</summary>
    public const double Step = 1e-6;

    /// <summary>The mixed chain in plain doubles: the baseline each recorded chain is compared with.</summary>
    public static double Mixed(double x, int operations)
    {
        var acc = 0.0;
        var c = Start;
        for (var i = 0; i < operations; i += 4, c += Step)
        {
            var t = x * c;
            t += 0.1;
            t = Math.Sin(t);
            acc += t;
        }

        return acc;
    }

    /// <summary>The arithmetic chain in plain doubles.</summary>
    public static double Arithmetic(double x, int operations)
    {
        var acc = 0.0;
        var c = Start;
        for (var i = 0; i < operations; i += 4, c += Step)
        {
            var t = x * c;
            t += 0.1;
            t *= t;
            acc += t;
        }

        return acc;
    }
}
