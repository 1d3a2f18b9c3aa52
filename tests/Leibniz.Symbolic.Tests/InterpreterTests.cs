using CsCheck;
using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

public sealed class InterpreterTests
{
    // 300 rows: two full blocks of 128 and a partial one.
    private static readonly RegressionData Data = RandomTrees.Data(3, 300, seed: 1);

    [Fact]
    public void Batched_evaluation_equals_node_by_node_evaluation_of_random_trees()
    {
        var compared = 0;
        // CsCheck samples on several threads; an interpreter is for one thread.
        RandomTrees.Gen(3, 40).Sample(nodes =>
        {
            var interpreter = new Interpreter();
            var values = interpreter.Evaluate(nodes, Data);
            for (var r = 0; r < Data.Rows; r++)
            {
                var point = Data.Row(r);
                if (!RandomTrees.WellConditioned(nodes, point))
                {
                    continue;
                }

                var expected = Tree.Evaluate(nodes, point);
                Assert.True(Close.Enough(expected, values[r], 1e-9), $"row {r}: {expected:R} vs {values[r]:R} for {MathFormatter.Format(nodes, Data.Names)}");
                Interlocked.Increment(ref compared);
            }
        }, iter: 300);
        Assert.True(compared > 10000, $"only {compared} rows were compared");
    }

    [Theory]
    [InlineData(Symbol.Sinh)]
    [InlineData(Symbol.Tanh)]
    [InlineData(Symbol.Cosh)]
    public void Hyperbolic_functions_keep_their_relative_accuracy_near_zero(Symbol function)
    {
        // The vectorized sinh cancels there ((eˣ − e⁻ˣ)/2: 1.4e-3 relative error at 1e-13), and tanh is off by 2.4e-4;
        // a few units in the last place (the vectorized cosh at −20) are not what this guards against.
        double[] xs = [1e-300, -1e-13, 1e-10, -1e-6, 1e-3, 0.5, -20];
        var data = new RegressionData(["x"], [xs], new double[xs.Length]);
        Node[] nodes = [Node.Input(0), Node.Function(function)];
        var values = new Interpreter().Evaluate(nodes, data);
        for (var r = 0; r < xs.Length; r++)
        {
            var expected = Tree.Evaluate(nodes, [xs[r]]);
            Assert.True(Math.Abs(values[r] - expected) <= 1e-14 * Math.Abs(expected), $"{function}({xs[r]:R}) = {values[r]:R}, expected {expected:R}");
        }
    }

    [Fact]
    public void Evaluation_of_a_row_range_reads_those_rows()
    {
        Node[] nodes = [Node.Input(0, 2), Node.Input(1), Node.Function(Symbol.Mul), Node.Function(Symbol.Sin)];
        var output = new double[5];
        new Interpreter().Evaluate(nodes, Data, 200, output);
        for (var r = 0; r < 5; r++)
        {
            Assert.Equal(Math.Sin(2 * Data.Column(0)[200 + r] * Data.Column(1)[200 + r]), output[r], 1e-15);
        }
    }

    [Fact]
    public void Jacobian_equals_dual_numbers_on_random_trees()
    {
        var compared = 0;
        RandomTrees.Gen(3, 30).Sample(nodes =>
        {
            var interpreter = new Interpreter();
            var p = Tree.ParameterCount(nodes);
            var values = new double[Data.Rows];
            var jacobian = new double[p * Data.Rows];
            interpreter.Jacobian(nodes, Data, 0, values, jacobian);
            for (var r = 0; r < Data.Rows; r += 7)
            {
                var point = Data.Row(r);
                if (!RandomTrees.WellConditioned(nodes, point))
                {
                    continue;
                }

                for (var k = 0; k < p; k++)
                {
                    var dual = DualTree.Evaluate(nodes, point, k);
                    if (!double.IsFinite(dual.Value) || !double.IsFinite(dual.Tangent)
                        || !Close.Enough(dual.Tangent, DualTree.Evaluate(nodes, point, k, roundingNoise: 1e-14).Tangent, 1e-10))
                    {
                        // A derivative that moves by more than 1e-10 when the intermediate values move by 1e-14
                        // (asin just below 1 after a saturated tanh) is not defined to the test's tolerance by
                        // either method: both are rounding noise there.
                        continue;
                    }

                    Close.Assert(dual.Value, values[r], 1e-9, $"value at row {r}");
                    Close.Assert(dual.Tangent, jacobian[k * Data.Rows + r], 1e-8, $"∂/∂θ{k} at row {r} of {MathFormatter.Format(nodes, Data.Names)}");
                    Interlocked.Increment(ref compared);
                }
            }
        }, iter: 200);
        Assert.True(compared > 5000, $"only {compared} derivatives were compared");
    }

    [Fact]
    public void Jacobian_of_a_known_formula_matches_its_derivative()
    {
        // f = c0 · exp(w·x0): ∂f/∂c0 = exp(w·x0), ∂f/∂w = c0 · x0 · exp(w·x0).
        Node[] nodes = [Node.Constant(1.5), Node.Input(0, -0.5), Node.Function(Symbol.Exp), Node.Function(Symbol.Mul)];
        var values = new double[Data.Rows];
        var jacobian = new double[2 * Data.Rows];
        new Interpreter().Jacobian(nodes, Data, 0, values, jacobian);
        for (var r = 0; r < Data.Rows; r++)
        {
            var x = Data.Column(0)[r];
            Assert.Equal(Math.Exp(-0.5 * x), jacobian[r], 1e-14);
            Assert.Equal(1.5 * x * Math.Exp(-0.5 * x), jacobian[Data.Rows + r], 1e-14);
        }
    }

    [Fact]
    public void Evaluation_and_Jacobian_allocate_nothing_after_warm_up()
    {
        var interpreter = new Interpreter();
        Node[] nodes = [Node.Input(0), Node.Function(Symbol.Sin), Node.Input(1, 2), Node.Constant(3), Node.Function(Symbol.Add), Node.Function(Symbol.Mul)];
        var values = new double[Data.Rows];
        var jacobian = new double[3 * Data.Rows];
        interpreter.Evaluate(nodes, Data, 0, values);
        interpreter.Jacobian(nodes, Data, 0, values, jacobian);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 10; i++)
        {
            interpreter.Evaluate(nodes, Data, 0, values);
            interpreter.Jacobian(nodes, Data, 0, values, jacobian);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void Bad_arguments_are_named()
    {
        var interpreter = new Interpreter();
        Assert.Throws<ArgumentException>("nodes", () => interpreter.Evaluate([], Data));
        Assert.Throws<ArgumentOutOfRangeException>("start", () => interpreter.Evaluate([Node.Input(0)], Data, 299, new double[2]));
        Assert.Throws<ArgumentException>("nodes", () => Tree.Validate([Node.Input(5)], 3));
        Assert.Throws<ArgumentException>("nodes", () => Tree.Validate([Node.Input(0), Node.Input(1)], 3));
        Assert.Throws<ArgumentException>("nodes", () => Tree.Validate([Node.Function(Symbol.Sin)], 3));
    }
}
