using Leibniz.Symbolic;

namespace Leibniz.Symbolic.Tests;

/// <summary>Evaluates an expression with Leibniz's <see cref="Dual"/> numbers: the independent check of the Jacobian.</summary>
internal static class DualTree
{
    /// <summary>
    /// The value and ∂/∂(parameter <paramref name="seeded"/>) at one point; every function's value is multiplied by
    /// 1 + <paramref name="roundingNoise"/>, to see how much rounding in the intermediate values moves the result.
    /// </summary>
    public static Dual Evaluate(ReadOnlySpan<Node> nodes, ReadOnlySpan<double> point, int seeded, double roundingNoise = 0)
    {
        var stack = new Dual[nodes.Length];
        var top = 0;
        var k = 0;
        foreach (var node in nodes)
        {
            if (node.IsParameter)
            {
                var parameter = new Dual(node.Value, k++ == seeded ? 1 : 0);
                stack[top++] = node.Symbol == Symbol.Constant ? parameter : parameter * point[node.Variable];
                continue;
            }

            if (node.Arity == 2)
            {
                top--;
            }

            var result = Apply(node.Symbol, stack[top - 1], node.Arity == 2 ? stack[top] : default);
            stack[top - 1] = new Dual(result.Value * (1 + roundingNoise), result.Tangent);
        }

        return stack[0];
    }

    private static Dual Apply(Symbol symbol, Dual a, Dual b) => symbol switch
    {
        Symbol.Add => a + b,
        Symbol.Sub => a - b,
        Symbol.Mul => a * b,
        Symbol.Div => a / b,
        Symbol.Pow => Dual.Pow(a, b),
        Symbol.Sin => Dual.Sin(a),
        Symbol.Cos => Dual.Cos(a),
        Symbol.Tan => Dual.Tan(a),
        Symbol.Asin => Dual.Asin(a),
        Symbol.Acos => Dual.Acos(a),
        Symbol.Atan => Dual.Atan(a),
        Symbol.Sinh => Dual.Sinh(a),
        Symbol.Cosh => Dual.Cosh(a),
        Symbol.Tanh => Dual.Tanh(a),
        Symbol.Exp => Dual.Exp(a),
        Symbol.Log => Dual.Log(a),
        Symbol.Sqrt => Dual.Sqrt(a),
        Symbol.Abs => Dual.Abs(a),
        _ => throw new ArgumentOutOfRangeException(nameof(symbol)),
    };
}
