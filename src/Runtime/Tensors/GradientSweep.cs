namespace Leibniz;

/// <summary>
/// The reverse sweep of <see cref="Autograd.Grad(ReadOnlySpan{Tensor}, ReadOnlySpan{Tensor}, ReadOnlySpan{Tensor}, bool, bool?, bool)"/>:
/// every node's gradient is a <see cref="Tensor"/> built by tensor operations (<see cref="GradientRules"/>), so with
/// gradient recording on, the backward is itself a graph. Only nodes on a path from an output to an input are visited.
/// One per thread; its lists and map are reused across calls.
/// </summary>
internal sealed class GradientSweep
{
    [ThreadStatic]
    private static GradientSweep? s_current;

    private readonly List<TensorNode> _order = [];
    private readonly List<(TensorNode Node, int Next)> _stack = [];
    private readonly Dictionary<TensorNode, Tensor> _gradients = new(ReferenceEqualityComparer.Instance);

    /// <summary>The call's outputs, their seeds (null: one) and its inputs, validated; reused across calls.</summary>
    public List<TensorNode> Outputs { get; } = [];

    /// <inheritdoc cref="Outputs"/>
    public List<TensorNode?> Seeds { get; } = [];

    /// <inheritdoc cref="Outputs"/>
    public List<TensorNode> Inputs { get; } = [];
    private int _reachStamp;

    public static GradientSweep Current => s_current ??= new GradientSweep();

    /// <summary>Whether a sweep is running on this thread (a delegate called by it must not start another).</summary>
    public bool Busy { get; private set; }

    /// <summary>
    /// Whether a createGraph sweep is running: its results that depend on no differentiated tensor (the pad of a
    /// constant seed) are constants of the graph it builds, recycled with it (<see cref="Ops"/>' result nodes).
    /// </summary>
    public static bool BuildingGraph => s_current is { Building: true };

    private bool Building { get; set; }

    public void Begin()
    {
        if (Busy)
        {
            throw new InvalidOperationException("Autograd.Grad was called from inside another Autograd.Grad on this thread (from a function its backward evaluates); call it before or after.");
        }

        Busy = true;
    }

    /// <summary>Post-order of everything the outputs depend on; nodes that reach an input are stamped.</summary>
    public void Order()
    {
        var (outputs, inputs) = (Outputs, Inputs);
        var pool = TensorPool.Current;
        var stamp = ++pool.Stamp;
        _reachStamp = ++pool.Stamp;
        foreach (var output in outputs)
        {
            if (output.VisitStamp != stamp)
            {
                Visit(output, stamp);
            }
        }

        foreach (var node in _order)
        {
            if (node.PendingRelease)
            {
                throw new InvalidOperationException("The graph was already back-propagated by Backward() or by Grad without retainGraph, and its tensors are queued for recycling; pass retainGraph: true to the earlier Grad, or call Grad before Backward().");
            }

            if (inputs.Contains(node) || ReachesThroughInputs(node))
            {
                node.VisitStamp = _reachStamp;
            }
        }
    }

    private void Visit(TensorNode root, int stamp)
    {
        root.VisitStamp = stamp;
        _stack.Add((root, 0));
        while (_stack.Count > 0)
        {
            var (node, next) = _stack[^1];
            if (next < Autograd.InputCount(node))
            {
                _stack[^1] = (node, next + 1);
                var input = Autograd.Input(node, next);
                if (input is not null && input.Generation != Autograd.RecordedGeneration(node, next))
                {
                    throw Ops.Stale();
                }

                if (input is not null && input.RequiresGrad && input.VisitStamp != stamp)
                {
                    input.VisitStamp = stamp;
                    _stack.Add((input, 0));
                }
            }
            else
            {
                _stack.RemoveAt(_stack.Count - 1);
                _order.Add(node);
            }
        }
    }

    private bool ReachesThroughInputs(TensorNode node)
    {
        var count = Autograd.InputCount(node);
        for (var i = 0; i < count; i++)
        {
            if (Wants(Autograd.Input(node, i)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether <paramref name="node"/> lies on a path to an input, so its gradient is needed.</summary>
    public bool Wants([System.Diagnostics.CodeAnalysis.NotNullWhen(true)] TensorNode? node) => node is not null && node.VisitStamp == _reachStamp;

    /// <summary>Seeds the outputs, then applies each node's rule from the outputs back.</summary>
    public void Run(bool createGraph)
    {
        Building = createGraph;
        for (var i = 0; i < Outputs.Count; i++)
        {
            var output = Outputs[i];
            if (Wants(output))
            {
                Add(output, Seeds[i] is { } seed ? new Tensor(seed) : Tensor.OnesLike(new Tensor(output)));
            }
        }

        for (var i = _order.Count - 1; i >= 0; i--)
        {
            var node = _order[i];
            if (node.Op != OpCode.Leaf && Wants(node) && _gradients.TryGetValue(node, out var gradient))
            {
                GradientRules.Apply(node, gradient, this);
            }
        }
    }

    /// <summary>Adds a gradient contribution to <paramref name="node"/>'s gradient.</summary>
    public void Add(TensorNode node, Tensor contribution)
    {
        _gradients[node] = _gradients.TryGetValue(node, out var sum) ? sum + contribution : contribution;
    }

    public bool TryGetGradient(TensorNode node, out Tensor gradient) => _gradients.TryGetValue(node, out gradient);

    /// <summary>Queues the differentiated graph for recycling, as <see cref="Tensor.Backward()"/> does.</summary>
    public void ReleaseGraph()
    {
        TensorPool.Current.ReleaseGraph(_order);
    }

    public void Clear()
    {
        Busy = false;
        Building = false;
        Outputs.Clear();
        Seeds.Clear();
        Inputs.Clear();
        _order.Clear();
        _stack.Clear();
        _gradients.Clear();
    }
}
