using CsCheck;
using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

public sealed class NonDominatedSortingTests
{
    // Few distinct values, so ties, duplicates, errors under the floor and non-finite errors are common.
    private static readonly double[] Errors = [0.0, 1e-30, 1e-25, 1e-3, 0.01, 0.5, 1, double.PositiveInfinity, double.NaN];

    private static readonly Gen<(double[] Errors, int[] Lengths)> Points =
        Gen.Int[1, 60].SelectMany(n => Gen.Select(
            Gen.Int[0, Errors.Length - 1].Select(k => Errors[k]).Array[n],
            Gen.Int[1, 6].Array[n]));

    [Fact]
    public void Ranks_are_the_fronts_peeled_one_by_one()
    {
        Points.Sample(p =>
        {
            var (ranks, _) = Sort(p.Errors, p.Lengths);
            Assert.Equal(PeeledRanks(p.Errors, p.Lengths), ranks);
        }, iter: 500);
    }

    [Fact]
    public void Crowding_is_infinite_at_a_fronts_ends_and_lies_in_0_to_2_inside()
    {
        Points.Sample(p =>
        {
            var (ranks, crowding) = Sort(p.Errors, p.Lengths);
            foreach (var front in Enumerable.Range(0, p.Errors.Length).Where(i => double.IsFinite(p.Errors[i])).GroupBy(i => ranks[i]))
            {
                var members = front.OrderBy(i => Key(p.Errors[i])).ThenBy(i => p.Lengths[i]).ThenBy(i => i).ToArray();
                Assert.Equal(double.PositiveInfinity, crowding[members[0]]);
                Assert.Equal(double.PositiveInfinity, crowding[members[^1]]);
                Assert.All(members.Skip(1).SkipLast(1), i => Assert.InRange(crowding[i], 0, 2));
            }

            Assert.All(Enumerable.Range(0, p.Errors.Length).Where(i => !double.IsFinite(p.Errors[i])), i => Assert.Equal(0, crowding[i]));
        }, iter: 500);
    }

    [Fact]
    public void A_lonely_point_has_a_larger_crowding_distance_than_a_bunched_one()
    {
        // One front: (1e-1, 1) … (1e-8, 10) with a point close to (1e-1, 1) and one far from everybody.
        double[] errors = [1e-1, 0.9e-1, 1e-4, 1e-8];
        int[] lengths = [1, 2, 5, 10];
        var (ranks, crowding) = Sort(errors, lengths);

        Assert.All(ranks, r => Assert.Equal(0, r));
        Assert.True(crowding[2] > crowding[1], $"{crowding[2]} vs {crowding[1]}");
    }

    [Fact]
    public void Exact_models_tie_and_a_duplicate_goes_one_front_down()
    {
        double[] errors = [1e-30, 0, 1e-30, 0.1];
        int[] lengths = [5, 7, 5, 1];
        var (ranks, _) = Sort(errors, lengths);

        Assert.Equal([0, 2, 1, 0], ranks);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_naming_the_argument()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            NonDominatedSorting.Sort(new double[3], new int[2], new int[3], new double[3], new int[3]));
        Assert.Equal("lengths", error.ParamName);
    }

    [Fact]
    public void The_crowded_comparison_prefers_the_lower_rank_then_the_lonelier()
    {
        Assert.True(NonDominatedSorting.Beats(0, 0, 1, double.PositiveInfinity));
        Assert.True(NonDominatedSorting.Beats(2, 0.5, 2, 0.25));
        Assert.False(NonDominatedSorting.Beats(2, 0.5, 2, 0.5));
    }

    [Fact]
    public void Survivors_are_the_best_fronts_and_keep_the_lowest_error()
    {
        Gen.Select(Points, Gen.Int[0, 1000]).Where(p => p.Item1.Errors.Length >= 2).Sample(p =>
        {
            var ((errors, lengths), salt) = p;
            var n = errors.Length / 2;
            var all = errors.Take(2 * n).Select((e, i) => new Individual(Enumerable.Repeat(Node.Input(0), lengths[i]).ToArray(), e, 1, salt)).ToArray();
            var ranks = new int[n];
            var crowding = new double[n];
            var next = new NonDominatedSurvival(n).Select(all[..n], all[n..], ranks, crowding);

            Assert.Equal(n, next.Length);
            var (allRanks, _) = Sort([.. all.Select(a => a.Error)], [.. all.Select(a => a.Length)]);
            var cut = ranks.Max();
            Assert.All(Enumerable.Range(0, 2 * n).Where(i => !next.Contains(all[i])), i => Assert.True(allRanks[i] >= cut));
            Assert.Equal(ranks, next.Select(s => allRanks[Array.IndexOf(all, s)]));
            var finite = all.Where(a => double.IsFinite(a.Error)).ToList();
            if (finite.Count > 0)
            {
                Assert.Contains(finite.MinBy(a => (Key(a.Error), a.Length)), next);
            }
        }, iter: 300);
    }

    private static (int[] Ranks, double[] Crowding) Sort(double[] errors, int[] lengths)
    {
        var ranks = new int[errors.Length];
        var crowding = new double[errors.Length];
        NonDominatedSorting.Sort(errors, lengths, ranks, crowding, new int[errors.Length]);
        return (ranks, crowding);
    }

    private static double Key(double error) => double.IsFinite(error) ? Math.Max(error, NonDominatedSorting.ErrorFloor) : double.PositiveInfinity;

    // The definition, straight: repeatedly take the points no remaining point dominates (and that are not a copy of a
    // remaining point with a lower index); non-finite errors form one last front.
    private static int[] PeeledRanks(double[] errors, int[] lengths)
    {
        var ranks = new int[errors.Length];
        var remaining = Enumerable.Range(0, errors.Length).Where(i => double.IsFinite(errors[i])).ToList();
        var rank = 0;
        while (remaining.Count > 0)
        {
            var front = remaining.Where(i => !remaining.Any(j =>
                (Key(errors[j]) <= Key(errors[i]) && lengths[j] <= lengths[i] && (Key(errors[j]) < Key(errors[i]) || lengths[j] < lengths[i]))
                || (j < i && Key(errors[j]) == Key(errors[i]) && lengths[j] == lengths[i]))).ToList();
            foreach (var i in front)
            {
                ranks[i] = rank;
            }

            remaining.RemoveAll(front.Contains);
            rank++;
        }

        foreach (var i in Enumerable.Range(0, errors.Length).Where(i => !double.IsFinite(errors[i])))
        {
            ranks[i] = rank;
        }

        return ranks;
    }
}
