namespace Leibniz;

/// <summary>
/// How a jet is stacked in one tensor: row blocks of <see cref="Points"/> rows each — the value, then the first
/// derivatives in request order, then the second derivatives, each a pair of indices into the first derivatives.
/// </summary>
internal sealed class JetLayout
{
    public JetLayout(int points, int firstCount, (int First, int Second)[] pairs)
    {
        Points = points;
        FirstCount = firstCount;
        Pairs = pairs;
    }

    public int Points { get; }

    public int FirstCount { get; }

    public (int First, int Second)[] Pairs { get; }

    public int Blocks => 1 + FirstCount + Pairs.Length;
}
