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
    // when every intermediate value is below 1e3 in size and nudging every input and coefficient by 1e-13 moves the
    // value by less than 1e-11.
    public static bool WellConditioned(Node[] nodes, double[] point)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            var size = Tree.SubtreeSize(nodes, i);
            if (!(Math.Abs(Tree.Evaluate(nodes.AsSpan(i - size + 1, size), point)) < 1e3))
            {
                return false;
            }
        }

        var value = Tree.Evaluate(nodes, point);
        var nudged = nodes.Select(n => n with { Value = n.Value * (1 + 1e-13) }).ToArray();
        var nudgedValue = Tree.Evaluate(nudged, point.Select(x => x * (1 + 1e-13)).ToArray());
        return double.IsFinite(value) && Close.Enough(value, nudgedValue, 1e-11);
    }

}
