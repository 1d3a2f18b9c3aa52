namespace Leibniz;

/// <summary>
/// Releasing a back-propagated graph. A backward reaches the graph from its root; the gradient graph of a createGraph
/// <c>Autograd.Grad</c> reaches most of the graph it differentiated too, but not the nodes whose values no derivative
/// reads — the network's output u of a PINN, the last product of u_x — nor the constants the sweep built, which would
/// never come back to the pool (a fresh buffer every step). The backward (or a Grad without retainGraph) that ends
/// the step releases them with its own graph.
/// </summary>
internal sealed partial class TensorPool
{
    /// <summary>
    /// More roots than this without a backward are not one training step (a step takes a few createGraph gradients):
    /// the oldest are left to the GC, so derivatives evaluated in a loop without a backward keep at most this many
    /// graphs alive.
    /// </summary>
    private const int MaxGradientRoots = 16;

    private readonly List<(TensorNode Node, int Generation)> _gradientRoots = [];
    private readonly List<TensorNode> _releaseStack = [];

    /// <summary>Remembers an output that a createGraph Grad differentiated.</summary>
    public void AddGradientRoot(TensorNode output)
    {
        if (output.Pool != this)
        {
            return;
        }

        if (_gradientRoots.Count == MaxGradientRoots)
        {
            _gradientRoots.RemoveAt(0);
        }

        _gradientRoots.Add((output, output.Generation));
    }

    /// <summary>
    /// Queues a back-propagated graph for recycling (<paramref name="order"/>: its nodes, as a backward visited them),
    /// with the pooled constants its nodes read — a createGraph sweep's results that depend on nothing differentiated,
    /// which a backward does not visit — and the graphs that createGraph gradients differentiated.
    /// </summary>
    public void ReleaseGraph(List<TensorNode> order)
    {
        foreach (var node in order)
        {
            if (node.Op == OpCode.Leaf)
            {
                continue;
            }

            MarkForRelease(node);
            for (var i = 0; i < Autograd.InputCount(node); i++)
            {
                if (CurrentInput(node, i) is { Op: OpCode.Leaf } constant)
                {
                    MarkForRelease(constant);
                }
            }
        }

        foreach (var (root, generation) in _gradientRoots)
        {
            if (root.Generation == generation && !root.PendingRelease)
            {
                ReleaseReachable(root);
            }
        }

        _gradientRoots.Clear();
    }

    private void ReleaseReachable(TensorNode root)
    {
        MarkForRelease(root);
        _releaseStack.Add(root);
        while (_releaseStack.Count > 0)
        {
            var node = _releaseStack[^1];
            _releaseStack.RemoveAt(_releaseStack.Count - 1);
            for (var i = 0; i < Autograd.InputCount(node); i++)
            {
                if (CurrentInput(node, i) is { PendingRelease: false } input)
                {
                    MarkForRelease(input);
                    _releaseStack.Add(input);
                }
            }
        }
    }

    /// <summary>
    /// Input <paramref name="i"/> of <paramref name="node"/> when it is this pool's and still the tensor the node
    /// recorded (one recycled since belongs to another graph now). Pooled leaves are the constants of createGraph
    /// sweeps; parameters and user tensors are not pooled.
    /// </summary>
    private TensorNode? CurrentInput(TensorNode node, int i) =>
        Autograd.Input(node, i) is { } input && input.Pool == this && input.Generation == Autograd.RecordedGeneration(node, i) ? input : null;
}
