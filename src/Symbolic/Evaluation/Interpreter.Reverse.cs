using System.Numerics.Tensors;

namespace Leibniz.Symbolic;

public sealed partial class Interpreter
{
    /// <summary>
    /// Evaluates the expression and its Jacobian with respect to its coefficients (constants and variable weights, in
    /// postfix order) by reverse mode over the same blocks: each block is evaluated forward, then one backward sweep
    /// carries the adjoint of the root down to every node. Every node has one parent, so adjoints are assigned, never
    /// accumulated.
    /// </summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="data">The inputs.</param>
    /// <param name="start">The first row.</param>
    /// <param name="values">Receives one value per row; its length is the number of rows n.</param>
    /// <param name="jacobian">Receives ∂value/∂parameter, column-major: parameter k's column is [k·n, (k+1)·n).</param>
    /// <param name="parameters">Coefficients to use instead of the nodes' own, or empty.</param>
    /// <param name="outerScale">A factor every Jacobian entry is multiplied by (that of a·f, for fitting a scale a); 1 by default.</param>
    public void Jacobian(ReadOnlySpan<Node> nodes, RegressionData data, int start, Span<double> values, Span<double> jacobian,
        ReadOnlySpan<double> parameters = default, double outerScale = 1)
    {
        Prepare(nodes, data, start, values.Length, parameters);
        var n = values.Length;
        var count = Tree.ParameterCount(nodes);
        if (jacobian.Length < count * n)
        {
            throw new ArgumentException($"The Jacobian needs {count} × {n} entries; the span has {jacobian.Length}.", nameof(jacobian));
        }

        var root = nodes.Length - 1;
        for (var row = 0; row < n; row += BatchSize)
        {
            var length = Math.Min(BatchSize, n - row);
            Forward(nodes, data, start + row, length, parameters);
            Slot(root, length).CopyTo(values.Slice(row, length));
            Adjoint(root, length).Fill(outerScale);
            var k = count;
            for (var i = root; i >= 0; i--)
            {
                var node = nodes[i];
                ReadOnlySpan<double> g = Adjoint(i, length);
                switch (node.Symbol)
                {
                    case Symbol.Constant:
                        k--;
                        g.CopyTo(jacobian.Slice(k * n + row, length));
                        break;
                    case Symbol.Variable:
                        k--;
                        TensorPrimitives.Multiply(g, data.Column(node.Variable).AsSpan(start + row, length), jacobian.Slice(k * n + row, length));
                        break;
                    default:
                        if (node.Arity == 1)
                        {
                            Unary(node.Symbol, Slot(i - 1, length), Slot(i, length), g, Adjoint(i - 1, length));
                        }
                        else
                        {
                            var left = i - 1 - _sizes[i - 1];
                            Binary(node.Symbol, Slot(left, length), Slot(i - 1, length), Slot(i, length), g, Adjoint(left, length), Adjoint(i - 1, length));
                        }

                        break;
                }
            }
        }
    }

    private Span<double> Adjoint(int node, int length) => _adjoints.Slice(node * BatchSize, length);

    // d receives g · f'(x), where v = f(x).
    private static void Unary(Symbol symbol, ReadOnlySpan<double> x, ReadOnlySpan<double> v, ReadOnlySpan<double> g, Span<double> d)
    {
        switch (symbol)
        {
            case Symbol.Sin:
                TensorPrimitives.Cos(x, d);
                TensorPrimitives.Multiply(d, g, d);
                return;
            case Symbol.Cos:
                TensorPrimitives.Sin(x, d);
                TensorPrimitives.Multiply(d, g, d);
                TensorPrimitives.Negate(d, d);
                return;
            case Symbol.Sinh:
                TensorPrimitives.Cosh(x, d);
                TensorPrimitives.Multiply(d, g, d);
                return;
            case Symbol.Cosh:
                ScalarKernels.Sinh(x, d);
                TensorPrimitives.Multiply(d, g, d);
                return;
            case Symbol.Exp:
                TensorPrimitives.Multiply(v, g, d);
                return;
            case Symbol.Log:
                TensorPrimitives.Divide(g, x, d);
                return;
        }

        for (var r = 0; r < d.Length; r++)
        {
            d[r] = g[r] * symbol switch
            {
                Symbol.Tan => 1 + v[r] * v[r],
                Symbol.Asin => 1 / Math.Sqrt(1 - x[r] * x[r]),
                Symbol.Acos => -1 / Math.Sqrt(1 - x[r] * x[r]),
                Symbol.Atan => 1 / (1 + x[r] * x[r]),
                Symbol.Tanh => 1 / (Math.Cosh(x[r]) * Math.Cosh(x[r])), // 1 − tanh² loses every digit where tanh rounds to ±1
                Symbol.Sqrt => 0.5 / v[r],
                Symbol.Abs => x[r] > 0 ? 1 : x[r] < 0 ? -1 : x[r] * 0,
                _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "Not a unary function."),
            };
        }
    }

    // da and db receive g · ∂f/∂a and g · ∂f/∂b, where v = f(a, b).
    private static void Binary(Symbol symbol, ReadOnlySpan<double> a, ReadOnlySpan<double> b, ReadOnlySpan<double> v,
        ReadOnlySpan<double> g, Span<double> da, Span<double> db)
    {
        switch (symbol)
        {
            case Symbol.Add:
                g.CopyTo(da);
                g.CopyTo(db);
                return;
            case Symbol.Sub:
                g.CopyTo(da);
                TensorPrimitives.Negate(g, db);
                return;
            case Symbol.Mul:
                TensorPrimitives.Multiply(g, b, da);
                TensorPrimitives.Multiply(g, a, db);
                return;
            case Symbol.Div:
                TensorPrimitives.Divide(g, b, da);
                TensorPrimitives.Multiply(da, v, db);
                TensorPrimitives.Negate(db, db);
                return;
            case Symbol.Pow:
                for (var r = 0; r < g.Length; r++)
                {
                    da[r] = g[r] * b[r] * Math.Pow(a[r], b[r] - 1);
                    db[r] = v[r] == 0 ? 0 : g[r] * v[r] * Math.Log(a[r]);
                }

                return;
            default:
                throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "Not a binary function.");
        }
    }
}
