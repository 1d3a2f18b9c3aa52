namespace Leibniz;

/// <summary>
/// The graphs that <c>Autograd.Grad(…, createGraph: true)</c> differentiated. A backward releases the graph it
/// reaches from its root; the gradient graph reaches most of the differentiated graph too, but not the nodes whose
/// values no derivative reads — the network's output u of a PINN, the last product of u_x — which would never come
/// back to the pool (a fresh buffer every step). The backward (or a Grad without retainGraph) that ends the step
/// releases these graphs with its own.
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

    /// <summary>Queues for recycling every graph node reachable from the remembered roots that is still current.</summary>
    public void ReleaseGradientRoots()
    {
        foreach (var (root, generation) in _gradientRoots)
        {
            if (root.Generation == generation && !root.PendingRelease)
            {
                ReleaseReachable(root);
            }
        }

        _gradientRoots.Clear();
    }

    /// <summary>
    /// Queues the pooled constants <paramref name="node"/> reads (a createGraph sweep's results that depend on nothing
    /// differentiated, see <c>Ops.Result</c>): a backward does not visit them, as they do not require grad.
    /// </summary>
    public void ReleaseConstantInputs(TensorNode node)
    {
        for (var i = 0; i < Autograd.InputCount(node); i++)
        {
            if (Autograd.Input(node, i) is { Op: OpCode.Leaf, RequiresGrad: false } input && input.Pool == this && input.Generation == Autograd.RecordedGeneration(node, i))
            {
                MarkForRelease(input);
            }
        }
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
                // An input recycled since this node recorded it belongs to another graph now.
                // Pooled leaves are the constants of a createGraph sweep; parameters and user tensors are not pooled.
                if (Autograd.Input(node, i) is { } input && input.Pool == this && !input.PendingRelease
                    && input.Generation == Autograd.RecordedGeneration(node, i))
                {
                    MarkForRelease(input);
                    _releaseStack.Add(input);
                }
            }
        }
    }
}
