using CsCheck;
using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

/// <summary>Random expressions for property tests, built by the search's own tree creator.</summary>
internal static class RandomTrees
{
    public static readonly Symbol[] Smooth =
    [
        Symbol.Add, Symbol.Sub, Symbol.Mul, Symbol.Div, Symbol.Sin, Symbol.Cos, Symbol.Exp, Symbol.Log, Symbol.Sqrt,
        Symbol.Tan, Symbol.Atan, Symbol.Sinh, Symbol.Cosh, Symbol.Tanh, Symbol.Asin, Symbol.Acos, Symbol.Pow, Symbol.Abs,
    ];

    public static Gen<Node[]> Gen(int variables, int maxLength, params Symbol[] functions) =>
        CsCheck.Gen.ULong.Select(seed =>
        {
            var rng = new Rng(seed);
            var creator = new TreeCreator(FunctionSet.Of(functions.Length == 0 ? Smooth : functions), variables);
            var nodes = creator.Create(ref rng, 1 + (int)rng.NextInt(maxLength));
            for (var i = 0; i < nodes.Length; i++)
            {
                if (nodes[i].IsParameter)
                {
                    nodes[i] = nodes[i] with { Value = Math.Round(4 * rng.NextDouble() - 2, 3) };
                }
            }

            return nodes;
        });

    public static RegressionData Data(int variables, int rows, int seed, double low = -2, double high = 2)
    {
        var random = new Random(seed);
        var columns = Enumerable.Range(0, variables)
            .Select(_ => Enumerable.Range(0, rows).Select(_ => low + (high - low) * random.NextDouble()).ToArray())
            .ToArray();
        return new RegressionData([.. Enumerable.Range(0, variables).Select(j => $"x{j}")], columns, new double[rows]);
    }

    // Random compositions such as acos(sin(…)) near ±1 amplify the last-bit differences between the vectorized kernels
    // and System.Math, and trigonometric functions of huge arguments differ by their argument reduction; a point counts
    // when every intermediate value is below 1e3 in size and either 0 or well above the subnormal range (where a value
    // keeps only a few bits, and exp(−huge) rounds differently in two kernels), and nudging every input and
    // coefficient by 1e-13 moves the value by less than 1e-11.
    public static bool WellConditioned(Node[] nodes, double[] point)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var size = Tree.SubtreeSize(nodes, i);
            var magnitude = Math.Abs(Tree.Evaluate(nodes.AsSpan(i - size + 1, size), point));
            if (!(magnitude < 1e3) || magnitude is > 0 and < 1e-280)
            {
                return false;
            }
        }

        var value = Tree.Evaluate(nodes, point);
        var nudgedValue = Tree.Evaluate(Nudged(nodes), Nudged(point));
        // Inputs moved by 1e-13, and every intermediate value moved by 1e-14 (a saturated tanh under asin does not
        // notice the first and amplifies the second): either way a well-conditioned value moves by little.
        return double.IsFinite(value) && Close.Enough(value, nudgedValue, 1e-11)
            && Close.Enough(value, DualTree.Evaluate(nodes, point, seeded: -1, roundingNoise: 1e-14).Value, 1e-11);
    }

    /// <summary>Every coefficient moved by a relative 1e-13: a well-conditioned result moves by about as much.</summary>
    public static Node[] Nudged(Node[] nodes) => [.. nodes.Select(n => n with { Value = n.Value * (1 + 1e-13) })];

    /// <summary>Every coordinate moved by a relative 1e-13.</summary>
    public static double[] Nudged(double[] point) => [.. point.Select(x => x * (1 + 1e-13))];

}
