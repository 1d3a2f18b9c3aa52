using System.Runtime.CompilerServices;

namespace Leibniz.Rules;

/// <summary>How a rule compares two values.</summary>
internal enum Comparison
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
}

/// <summary>Evaluating a <see cref="Comparison"/> of two known numbers (constant folding in every algebra).</summary>
internal static class ComparisonExtensions
{
    /// <summary>Whether <paramref name="a"/> compares to <paramref name="b"/> as <paramref name="comparison"/> says.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool Holds(this Comparison comparison, double a, double b) => comparison switch
    {
        Comparison.Less => a < b,
        Comparison.LessOrEqual => a <= b,
        Comparison.Greater => a > b,
        Comparison.GreaterOrEqual => a >= b,
        _ => a == b,
    };
}
