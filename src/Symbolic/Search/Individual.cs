namespace Leibniz.Symbolic;

/// <summary>An evaluated expression: a·f + b with its fitted coefficients and its error on the training rows.</summary>
/// <param name="Nodes">f, with fitted coefficients.</param>
/// <param name="Error">SSE/SST of a·f + b (1 − R²); +∞ when not finite.</param>
/// <param name="Scale">a.</param>
/// <param name="Offset">b.</param>
public sealed record Individual(Node[] Nodes, double Error, double Scale, double Offset)
{
    /// <summary>The expression's length in nodes.</summary>
    public int Length => Nodes.Length;

    /// <summary>Whether this is at least as good in error and length and better in one (errors below 1e-30 tie).</summary>
    /// <param name="other">The other individual.</param>
    public bool Dominates(Individual other)
    {
        ArgumentNullException.ThrowIfNull(other);
        var e = Math.Max(Error, 1e-30);
        var o = Math.Max(other.Error, 1e-30);
        return e <= o && Length <= other.Length && (e < o || Length < other.Length);
    }

    /// <summary>The tree a·f + b.</summary>
    public Term ToTerm() =>
        Term.Apply(Symbol.Add, Term.Constant(Offset), Term.Apply(Symbol.Mul, Term.Constant(Scale), Term.FromNodes(Nodes)));
}
