using System.Numerics.Tensors;

namespace Leibniz.Symbolic;

/// <summary>
/// Evaluates postfix expressions over many rows at once: rows go through in blocks of <see cref="BatchSize"/>, and
/// each node applies one vectorized kernel (System.Numerics.Tensors) to the whole block. The node values of a block
/// stay in a buffer the interpreter owns, which the reverse sweep of <see cref="Jacobian"/> reuses. An interpreter
/// allocates only when it meets a longer expression than before; it is not thread-safe (use one per thread).
/// </summary>
public sealed partial class Interpreter
{
    /// <summary>Rows per block: 128 doubles per node stay in the L1 cache for expressions of a few dozen nodes.</summary>
    public const int BatchSize = 128;

    private AlignedBuffer _values = new(32 * BatchSize);
    private AlignedBuffer _adjoints = new(32 * BatchSize);
    private int[] _sizes = new int[32];

    /// <summary>Evaluates <paramref name="nodes"/> on rows [<paramref name="start"/>, start + count) of the data.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="data">The inputs.</param>
    /// <param name="start">The first row.</param>
    /// <param name="output">Receives one value per row; its length is the number of rows.</param>
    /// <param name="parameters">
    /// Coefficients to use instead of the nodes' own (postfix order, <see cref="Tree.ParameterCount"/> long), or empty.
    /// </param>
    public void Evaluate(ReadOnlySpan<Node> nodes, RegressionData data, int start, Span<double> output, ReadOnlySpan<double> parameters = default)
    {
        Prepare(nodes, data, start, output.Length, parameters);
        var root = (nodes.Length - 1) * BatchSize;
        for (var row = 0; row < output.Length; row += BatchSize)
        {
            var length = Math.Min(BatchSize, output.Length - row);
            Forward(nodes, data, start + row, length, parameters);
            _values.Slice(root, length).CopyTo(output.Slice(row, length));
        }
    }

    /// <summary>Evaluates <paramref name="nodes"/> on every row of the data.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="data">The inputs.</param>
    public double[] Evaluate(ReadOnlySpan<Node> nodes, RegressionData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var output = new double[data.Rows];
        Evaluate(nodes, data, 0, output);
        return output;
    }

    private void Prepare(ReadOnlySpan<Node> nodes, RegressionData data, int start, int count, ReadOnlySpan<double> parameters)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (nodes.IsEmpty)
        {
            throw new ArgumentException("An expression needs at least one node.", nameof(nodes));
        }

        if (start < 0 || count < 0 || start + count > data.Rows)
        {
            throw new ArgumentOutOfRangeException(nameof(start), $"Rows {start}..{start + count} are outside the data's {data.Rows} rows.");
        }

        if (!parameters.IsEmpty && parameters.Length != Tree.ParameterCount(nodes))
        {
            throw new ArgumentException($"{parameters.Length} parameters for an expression with {Tree.ParameterCount(nodes)}.", nameof(parameters));
        }

        if (_sizes.Length < nodes.Length)
        {
            var capacity = Math.Max(nodes.Length, 2 * _sizes.Length);
            _sizes = new int[capacity];
            _values = new AlignedBuffer(capacity * BatchSize);
            _adjoints = new AlignedBuffer(capacity * BatchSize);
        }

        Tree.SubtreeSizes(nodes, _sizes);
    }

    private Span<double> Slot(int node, int length) => _values.Slice(node * BatchSize, length);

    private void Forward(ReadOnlySpan<Node> nodes, RegressionData data, int row, int length, ReadOnlySpan<double> parameters)
    {
        var k = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            var destination = Slot(i, length);
            switch (node.Symbol)
            {
                case Symbol.Constant:
                    destination.Fill(parameters.IsEmpty ? node.Value : parameters[k]);
                    k++;
                    continue;
                case Symbol.Variable:
                    TensorPrimitives.Multiply(data.Column(node.Variable).AsSpan(row, length), parameters.IsEmpty ? node.Value : parameters[k], destination);
                    k++;
                    continue;
            }

            ReadOnlySpan<double> a = Slot(node.Arity == 1 ? i - 1 : i - 1 - _sizes[i - 1], length);
            ReadOnlySpan<double> b = Slot(i - 1, length);
            switch (node.Symbol)
            {
                case Symbol.Add: TensorPrimitives.Add(a, b, destination); break;
                case Symbol.Sub: TensorPrimitives.Subtract(a, b, destination); break;
                case Symbol.Mul: TensorPrimitives.Multiply(a, b, destination); break;
                case Symbol.Div: TensorPrimitives.Divide(a, b, destination); break;
                case Symbol.Pow: TensorPrimitives.Pow(a, b, destination); break;
                case Symbol.Sin: TensorPrimitives.Sin(a, destination); break;
                case Symbol.Cos: TensorPrimitives.Cos(a, destination); break;
                case Symbol.Tan: TensorPrimitives.Tan(a, destination); break;
                case Symbol.Asin: TensorPrimitives.Asin(a, destination); break;
                case Symbol.Acos: TensorPrimitives.Acos(a, destination); break;
                case Symbol.Atan: TensorPrimitives.Atan(a, destination); break;
                case Symbol.Sinh: ScalarKernels.Sinh(a, destination); break;
                case Symbol.Cosh: TensorPrimitives.Cosh(a, destination); break;
                case Symbol.Tanh: ScalarKernels.Tanh(a, destination); break;
                case Symbol.Exp: TensorPrimitives.Exp(a, destination); break;
                case Symbol.Log: TensorPrimitives.Log(a, destination); break;
                case Symbol.Sqrt: TensorPrimitives.Sqrt(a, destination); break;
                case Symbol.Abs: TensorPrimitives.Abs(a, destination); break;
                default: throw new ArgumentException($"Node {i} has an unknown symbol {node.Symbol}.", nameof(nodes));
            }
        }
    }
}
