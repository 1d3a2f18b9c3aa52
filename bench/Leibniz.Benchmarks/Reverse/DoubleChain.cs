namespace Leibniz.Benchmarks.Reverse;

/// <summary>
/// The expressions whose recording cost is measured: chains of n operations starting at x, in groups of four,
/// bounded at any length. "Mixed" cycles v·0.9, v+0.1, sin v, v·v (the sequence of bench/pytorch/scalar_autograd.py);
/// "Arithmetic" cycles v·0.9, v+0.1, v·v, v−0.05 (recording overhead without a transcendental function).
/// </summary>
public static class DoubleChain
{
    /// <summary>The mixed chain in plain doubles: the baseline each recorded chain is compared with.</summary>
    public static double Mixed(double x, int operations)
    {
        var v = x;
        for (var i = 0; i < operations; i += 4)
        {
            v *= 0.9;
            v += 0.1;
            v = Math.Sin(v);
            v *= v;
        }

        return v;
    }

    /// <summary>The arithmetic chain in plain doubles.</summary>
    public static double Arithmetic(double x, int operations)
    {
        var v = x;
        for (var i = 0; i < operations; i += 4)
        {
            v *= 0.9;
            v += 0.1;
            v *= v;
            v -= 0.05;
        }

        return v;
    }
}
