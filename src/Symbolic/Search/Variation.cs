namespace Leibniz.Symbolic;

/// <summary>
/// Subtree crossover and the point, subtree, insert and shrink mutations, on postfix arrays. Each returns a new array
/// no longer than <see cref="MaxLength"/>, or the parent itself when no valid change fits.
/// </summary>
/// <param name="creator">Makes the random subtrees and leaves.</param>
/// <param name="maxLength">The longest expression allowed.</param>
public sealed class Variation(TreeCreator creator, int maxLength)
{
    private readonly TreeCreator _creator = creator ?? throw new ArgumentNullException(nameof(creator));

    /// <summary>The longest expression allowed.</summary>
    public int MaxLength { get; } = maxLength >= 1 ? maxLength : throw new ArgumentOutOfRangeException(nameof(maxLength), maxLength, "At least 1.");

    /// <summary>Replaces a random subtree of <paramref name="receiver"/> by a random subtree of <paramref name="donor"/>.</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="receiver">The parent that keeps its shape.</param>
    /// <param name="donor">The parent that gives a subtree.</param>
    public Node[] Crossover(ref Rng rng, Node[] receiver, Node[] donor)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        ArgumentNullException.ThrowIfNull(donor);
        var i = PickNode(ref rng, receiver, 0.9);
        var removed = Tree.SubtreeSize(receiver, i);
        var room = MaxLength - (receiver.Length - removed);
        for (var attempt = 0; attempt < 8; attempt++)
        {
            var j = PickNode(ref rng, donor, 0.9);
            var size = Tree.SubtreeSize(donor, j);
            if (size <= room)
            {
                return Tree.Replace(receiver, i, removed, donor.AsSpan(j - size + 1, size));
            }
        }

        return receiver;
    }

    /// <summary>Applies one of the four mutations, chosen uniformly.</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="nodes">The parent.</param>
    public Node[] Mutate(ref Rng rng, Node[] nodes) => rng.NextInt(4) switch
    {
        0 => Point(ref rng, nodes),
        1 => Subtree(ref rng, nodes),
        2 => Insert(ref rng, nodes),
        _ => Shrink(ref rng, nodes),
    };

    /// <summary>
    /// Changes one node in place of a copy: a function becomes another of the same arity, an input another input or a
    /// constant, a constant an input or a perturbed constant.
    /// </summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="nodes">The parent.</param>
    public Node[] Point(ref Rng rng, Node[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var copy = (Node[])nodes.Clone();
        var i = (int)rng.NextInt(copy.Length);
        var node = copy[i];
        if (node.Arity > 0)
        {
            copy[i] = Node.Function(_creator.Function(ref rng, node.Arity) ?? node.Symbol);
        }
        else if (node.Symbol == Symbol.Constant && rng.Chance(0.5))
        {
            copy[i] = node with { Value = node.Value + rng.NextGaussian() * Math.Max(1, Math.Abs(node.Value)) * 0.5 };
        }
        else
        {
            copy[i] = _creator.Leaf(ref rng);
        }

        return copy;
    }

    /// <summary>Replaces a random subtree by a new random one.</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="nodes">The parent.</param>
    public Node[] Subtree(ref Rng rng, Node[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var i = (int)rng.NextInt(nodes.Length);
        var size = Tree.SubtreeSize(nodes, i);
        var room = Math.Min(MaxLength - (nodes.Length - size), 2 * size + 4);
        return room < 1 ? nodes : Tree.Replace(nodes, i, size, _creator.Create(ref rng, 1 + (int)rng.NextInt(room)));
    }

    /// <summary>Wraps a random subtree in a new function (a binary one gets a new leaf as its other operand).</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="nodes">The parent.</param>
    public Node[] Insert(ref Rng rng, Node[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var arity = rng.Chance(0.5) ? 1 : 2;
        var function = _creator.Function(ref rng, arity) ?? _creator.Function(ref rng, 3 - arity);
        if (function is not { } symbol || nodes.Length + symbol.Arity() > MaxLength)
        {
            return nodes;
        }

        var i = (int)rng.NextInt(nodes.Length);
        var size = Tree.SubtreeSize(nodes, i);
        var subtree = nodes.AsSpan(i - size + 1, size);
        var replacement = new List<Node>(size + 2);
        if (symbol.Arity() == 2 && rng.Chance(0.5))
        {
            replacement.Add(_creator.Leaf(ref rng));
            replacement.AddRange(subtree);
        }
        else
        {
            replacement.AddRange(subtree);
            if (symbol.Arity() == 2)
            {
                replacement.Add(_creator.Leaf(ref rng));
            }
        }

        replacement.Add(Node.Function(symbol));
        return Tree.Replace(nodes, i, size, [.. replacement]);
    }

    /// <summary>Replaces a random function node by one of its operands' subtrees.</summary>
    /// <param name="rng">The random stream.</param>
    /// <param name="nodes">The parent.</param>
    public Node[] Shrink(ref Rng rng, Node[] nodes)
    {
        ArgumentNullException.ThrowIfNull(nodes);
        var functions = 0;
        foreach (var node in nodes)
        {
            functions += node.Arity > 0 ? 1 : 0;
        }

        if (functions == 0)
        {
            return nodes;
        }

        var pick = (int)rng.NextInt(functions);
        var i = 0;
        for (; i < nodes.Length; i++)
        {
            if (nodes[i].Arity > 0 && pick-- == 0)
            {
                break;
            }
        }

        var size = Tree.SubtreeSize(nodes, i);
        var child = i - 1;
        if (nodes[i].Arity == 2 && rng.Chance(0.5))
        {
            child = i - 1 - Tree.SubtreeSize(nodes, i - 1);
        }

        var childSize = Tree.SubtreeSize(nodes, child);
        return Tree.Replace(nodes, i, size, nodes.AsSpan(child - childSize + 1, childSize));
    }

    // A function node with probability functionBias when there is one (Koza's 90/10 rule), else any node.
    private static int PickNode(ref Rng rng, Node[] nodes, double functionBias)
    {
        if (nodes.Length > 1 && rng.Chance(functionBias))
        {
            for (var attempt = 0; attempt < 16; attempt++)
            {
                var i = (int)rng.NextInt(nodes.Length);
                if (nodes[i].Arity > 0)
                {
                    return i;
                }
            }
        }

        return (int)rng.NextInt(nodes.Length);
    }
}
