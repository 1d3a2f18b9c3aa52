namespace Leibniz.Symbolic;

/// <summary>
/// NSGA-II's ranking for two objectives, both minimized: error and length. Rank 0 is the set nobody dominates, rank 1
/// what only rank 0 dominates, and so on; the crowding distance says how isolated a point is on its front (larger is
/// lonelier, the ends are infinite). Errors below 10⁻²⁴ tie (exact to rounding), crowding measures error on a log scale
/// (so 10⁻⁸ against 10⁻⁹ counts as much as 10⁻¹ against 10⁻²), and an exact duplicate (same error and length) of a point
/// on a front goes one front down, so copies cannot crowd distinct models out.
/// </summary>
public static class NonDominatedSorting
{
    /// <summary>The error below which models tie.</summary>
    public const double ErrorFloor = 1e-24;

    /// <summary>Ranks points (error, length) into fronts and computes their crowding distances.</summary>
    /// <param name="errors">Errors; a non-finite error ranks below every finite one, with crowding 0.</param>
    /// <param name="lengths">Lengths, as many as <paramref name="errors"/>.</param>
    /// <param name="ranks">Receives each point's front (0 is non-dominated).</param>
    /// <param name="crowding">Receives each point's crowding distance on its front.</param>
    /// <param name="order">Scratch of the same length; receives the indices sorted by (error, length, index).</param>
    /// <returns>The number of fronts (non-finite points form the last one).</returns>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public static int Sort(ReadOnlySpan<double> errors, ReadOnlySpan<int> lengths, Span<int> ranks, Span<double> crowding, Span<int> order)
    {
        var n = errors.Length;
        if (lengths.Length != n || ranks.Length != n || crowding.Length != n || order.Length != n)
        {
            throw new ArgumentException($"errors has {n} entries; lengths, ranks, crowding and order must have as many " +
                $"(they have {lengths.Length}, {ranks.Length}, {crowding.Length}, {order.Length}).", nameof(lengths));
        }

        Span<(double Error, int Length, int Index)> keys = n <= 1024 ? stackalloc (double, int, int)[n] : new (double, int, int)[n];
        for (var i = 0; i < n; i++)
        {
            keys[i] = (Key(errors[i]), lengths[i], i);
        }

        keys.Sort();
        for (var i = 0; i < n; i++)
        {
            order[i] = keys[i].Index;
        }

        // In (error, length) order a front's last member is its shortest, so it alone decides whether it dominates the
        // next point: shorter dominates; as short dominates when its error is lower, and is a duplicate when equal.
        Span<int> last = n <= 1024 ? stackalloc int[n] : new int[n];
        var fronts = 0;
        var finite = 0;
        foreach (var i in order)
        {
            if (!double.IsFinite(errors[i]))
            {
                continue;
            }

            finite++;
            var f = 0;
            while (f < fronts && lengths[last[f]] <= lengths[i])
            {
                f++;
            }

            ranks[i] = f;
            last[f] = i;
            fronts = Math.Max(fronts, f + 1);
        }

        for (var k = finite; k < n; k++)
        {
            ranks[order[k]] = fronts;
            crowding[order[k]] = 0;
        }

        Crowding(errors, lengths, ranks, crowding, order[..finite], fronts);
        return finite < n ? fronts + 1 : fronts;
    }

    /// <summary>Whether point a beats point b in NSGA-II's crowded comparison: lower rank, or equal rank and lonelier.</summary>
    /// <param name="rankA">a's front.</param>
    /// <param name="crowdingA">a's crowding distance.</param>
    /// <param name="rankB">b's front.</param>
    /// <param name="crowdingB">b's crowding distance.</param>
    public static bool Beats(int rankA, double crowdingA, int rankB, double crowdingB) =>
        rankA < rankB || (rankA == rankB && crowdingA > crowdingB);

    private static double Key(double error) => double.IsFinite(error) ? Math.Max(error, ErrorFloor) : double.PositiveInfinity;

    // Within a front, (error, length) order is error ascending and length descending, so neighbours in the sorted
    // order are neighbours on the front in both objectives.
    private static void Crowding(ReadOnlySpan<double> errors, ReadOnlySpan<int> lengths, ReadOnlySpan<int> ranks, Span<double> crowding,
        ReadOnlySpan<int> order, int fronts)
    {
        Span<int> members = order.Length <= 1024 ? stackalloc int[order.Length] : new int[order.Length];
        for (var f = 0; f < fronts; f++)
        {
            var count = 0;
            foreach (var i in order)
            {
                if (ranks[i] == f)
                {
                    members[count++] = i;
                }
            }

            var front = members[..count];
            crowding[front[0]] = double.PositiveInfinity;
            crowding[front[^1]] = double.PositiveInfinity;
            var errorRange = Math.Log(Key(errors[front[^1]])) - Math.Log(Key(errors[front[0]]));
            double lengthRange = lengths[front[0]] - lengths[front[^1]];
            for (var k = 1; k < count - 1; k++)
            {
                var distance = 0.0;
                if (errorRange > 0)
                {
                    distance += (Math.Log(Key(errors[front[k + 1]])) - Math.Log(Key(errors[front[k - 1]]))) / errorRange;
                }

                if (lengthRange > 0)
                {
                    distance += (lengths[front[k - 1]] - lengths[front[k + 1]]) / lengthRange;
                }

                crowding[front[k]] = distance;
            }
        }
    }
}
