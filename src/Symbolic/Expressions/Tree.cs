namespace Leibniz.Symbolic;

/// <summary>Operations on expressions stored as postfix arrays of <see cref="Node"/>s.</summary>
public static class Tree
{
    /// <summary>Checks that <paramref name="nodes"/> is one complete postfix expression.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="variables">The number of input columns a variable may refer to.</param>
    /// <exception cref="ArgumentException">It is empty, leaves operands over or lacks them, or names a missing column.</exception>
    public static void Validate(ReadOnlySpan<Node> nodes, int variables)
    {
        if (nodes.IsEmpty)
        {
            throw new ArgumentException("An expression needs at least one node.", nameof(nodes));
        }

        var depth = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            var node = nodes[i];
            if (node.Symbol == Symbol.Variable && (uint)node.Variable >= (uint)variables)
            {
                throw new ArgumentException($"Node {i} reads column {node.Variable}, but the data has {variables} columns.", nameof(nodes));
            }

            depth += 1 - node.Arity;
            if (depth < 1)
            {
                throw new ArgumentException($"Node {i} ({node.Symbol}) has too few operands before it in postfix order.", nameof(nodes));
            }
        }

        if (depth != 1)
        {
            throw new ArgumentException($"The postfix array leaves {depth} values instead of one.", nameof(nodes));
        }
    }

    /// <summary>Writes the length of the subtree rooted at each node.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="sizes">As long as <paramref name="nodes"/>.</param>
    public static void SubtreeSizes(ReadOnlySpan<Node> nodes, Span<int> sizes)
    {
        for (var i = 0; i < nodes.Length; i++)
        {
            sizes[i] = nodes[i].Arity switch
            {
                0 => 1,
                1 => 1 + sizes[i - 1],
                _ => 1 + sizes[i - 1] + sizes[i - 1 - sizes[i - 1]],
            };
        }
    }

    /// <summary>The length of the subtree rooted at node <paramref name="index"/>.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="index">The subtree's root (its last postfix entry).</param>
    public static int SubtreeSize(ReadOnlySpan<Node> nodes, int index)
    {
        var need = 1;
        var i = index;
        while (need > 0)
        {
            need += nodes[i].Arity - 1;
            i--;
        }

        return index - i;
    }

    /// <summary>The depth of the expression (a leaf has depth 1).</summary>
    /// <param name="nodes">The expression.</param>
    public static int Depth(ReadOnlySpan<Node> nodes)
    {
        Span<int> depths = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        Span<int> sizes = nodes.Length <= 256 ? stackalloc int[nodes.Length] : new int[nodes.Length];
        SubtreeSizes(nodes, sizes);
        for (var i = 0; i < nodes.Length; i++)
        {
            depths[i] = nodes[i].Arity switch
            {
                0 => 1,
                1 => 1 + depths[i - 1],
                _ => 1 + Math.Max(depths[i - 1], depths[i - 1 - sizes[i - 1]]),
            };
        }

        return depths[^1];
    }

    /// <summary>The number of fitted coefficients (constants and variable weights).</summary>
    /// <param name="nodes">The expression.</param>
    public static int ParameterCount(ReadOnlySpan<Node> nodes)
    {
        var count = 0;
        foreach (var node in nodes)
        {
            count += node.IsParameter ? 1 : 0;
        }

        return count;
    }

    /// <summary>Copies the coefficients, in postfix order.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="parameters">At least <see cref="ParameterCount"/> long.</param>
    public static void GetParameters(ReadOnlySpan<Node> nodes, Span<double> parameters)
    {
        var k = 0;
        foreach (var node in nodes)
        {
            if (node.IsParameter)
            {
                parameters[k++] = node.Value;
            }
        }
    }

    /// <summary>Writes coefficients back into the nodes, in postfix order.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="parameters">At least <see cref="ParameterCount"/> long.</param>
    public static void SetParameters(Span<Node> nodes, ReadOnlySpan<double> parameters)
    {
        var k = 0;
        for (var i = 0; i < nodes.Length; i++)
        {
            if (nodes[i].IsParameter)
            {
                nodes[i] = nodes[i] with { Value = parameters[k++] };
            }
        }
    }

    /// <summary>Evaluates the expression at one point, node by node: the reference the interpreter is tested against.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="point">The inputs, by column.</param>
    public static double Evaluate(ReadOnlySpan<Node> nodes, ReadOnlySpan<double> point)
    {
        var stack = new double[nodes.Length];
        var top = 0;
        foreach (var node in nodes)
        {
            switch (node.Arity)
            {
                case 0:
                    stack[top++] = node.Symbol == Symbol.Constant ? node.Value : node.Value * point[node.Variable];
                    break;
                case 1:
                    stack[top - 1] = Apply(node.Symbol, stack[top - 1], 0);
                    break;
                default:
                    top--;
                    stack[top - 1] = Apply(node.Symbol, stack[top - 1], stack[top]);
                    break;
            }
        }

        return stack[0];
    }

    /// <summary>The function's value at one point (<paramref name="b"/> is ignored by unary functions).</summary>
    /// <param name="symbol">A function symbol.</param>
    /// <param name="a">The first operand.</param>
    /// <param name="b">The second operand.</param>
    public static double Apply(Symbol symbol, double a, double b) => symbol switch
    {
        Symbol.Add => a + b,
        Symbol.Sub => a - b,
        Symbol.Mul => a * b,
        Symbol.Div => a / b,
        Symbol.Pow => Math.Pow(a, b),
        Symbol.Sin => Math.Sin(a),
        Symbol.Cos => Math.Cos(a),
        Symbol.Tan => Math.Tan(a),
        Symbol.Asin => Math.Asin(a),
        Symbol.Acos => Math.Acos(a),
        Symbol.Atan => Math.Atan(a),
        Symbol.Sinh => Math.Sinh(a),
        Symbol.Cosh => Math.Cosh(a),
        Symbol.Tanh => Math.Tanh(a),
        Symbol.Exp => Math.Exp(a),
        Symbol.Log => Math.Log(a),
        Symbol.Sqrt => Math.Sqrt(a),
        Symbol.Abs => Math.Abs(a),
        _ => throw new ArgumentOutOfRangeException(nameof(symbol), symbol, "Not a function symbol."),
    };

    /// <summary>A copy of <paramref name="nodes"/> whose subtree ending at <paramref name="index"/> is replaced.</summary>
    /// <param name="nodes">The expression.</param>
    /// <param name="index">The root of the subtree to replace.</param>
    /// <param name="size">That subtree's length.</param>
    /// <param name="replacement">The new subtree, in postfix order.</param>
    public static Node[] Replace(ReadOnlySpan<Node> nodes, int index, int size, ReadOnlySpan<Node> replacement)
    {
        var start = index - size + 1;
        var result = new Node[nodes.Length - size + replacement.Length];
        nodes[..start].CopyTo(result);
        replacement.CopyTo(result.AsSpan(start));
        nodes[(index + 1)..].CopyTo(result.AsSpan(start + replacement.Length));
        return result;
    }
}
