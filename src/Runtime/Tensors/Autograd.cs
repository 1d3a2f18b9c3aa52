namespace Leibniz;

/// <summary>
/// Reverse-mode differentiation of tensor graphs: <see cref="Tensor.Backward()"/>'s sweep (a depth-first
/// topological order of the graph, then one pass from the root back) and PyTorch's <c>torch.autograd.grad</c>.
/// </summary>
public static partial class Autograd
{
    internal static void Backward(TensorNode root, TensorNode? seed)
    {
        if (!root.RequiresGrad)
        {
            throw new InvalidOperationException("Backward() needs a tensor that requires grad: no input of its computation had RequiresGrad = true, or it was computed inside Tensor.NoGrad().");
        }

        var pool = TensorPool.Current;
        var order = pool.Order;
        TopologicalOrder(root, pool);
        foreach (var node in order)
        {
            if (node.Op != OpCode.Leaf)
            {
                node.GradValid = false;
            }
        }

        if (root.DType == DType.Float32)
        {
            Kernels<float>.Seed(root, seed);
        }
        else
        {
            Kernels<double>.Seed(root, seed);
        }

        for (var i = order.Count - 1; i >= 0; i--)
        {
            var node = order[i];
            if (node.Op == OpCode.Leaf || !node.GradValid)
            {
                continue;
            }

            if (node.Op == OpCode.Fused)
            {
                node.Fused!.Backward(node, pool);
            }
            else if (node.DType == DType.Float32)
            {
                Kernels<float>.Backward(node, pool);
            }
            else
            {
                Kernels<double>.Backward(node, pool);
            }
        }

        pool.ReleaseGraph(order);
        order.Clear();
    }

    /// <summary>Post-order depth-first search: every node lands after all of its inputs.</summary>
    private static void TopologicalOrder(TensorNode root, TensorPool pool)
    {
        var stamp = ++pool.Stamp;
        var order = pool.Order;
        var stack = pool.Stack;
        order.Clear();
        stack.Clear();
        root.VisitStamp = stamp;
        stack.Add((root, 0));
        while (stack.Count > 0)
        {
            var (node, next) = stack[^1];
            if (next < InputCount(node))
            {
                stack[^1] = (node, next + 1);
                var input = Input(node, next);
                if (input is not null && input.Generation != RecordedGeneration(node, next))
                {
                    throw Ops.Stale();
                }

                if (input is not null && input.RequiresGrad && input.VisitStamp != stamp)
                {
                    input.VisitStamp = stamp;
                    stack.Add((input, 0));
                }
            }
            else
            {
                stack.RemoveAt(stack.Count - 1);
                order.Add(node);
            }
        }
    }

    internal static int InputCount(TensorNode node) => node.Extra switch
    {
        TensorNode => 3,
        TensorNode[] parts => 2 + parts.Length,
        _ => 2,
    };

    internal static int RecordedGeneration(TensorNode node, int index) => index switch
    {
        0 => node.GenerationA,
        1 => node.GenerationB,
        _ => node.Extra is TensorNode ? node.GenerationExtra : ((TensorNode[])node.Extra!)[index - 2].Generation,
    };

    internal static TensorNode? Input(TensorNode node, int index) => index switch
    {
        0 => node.A,
        1 => node.B,
        _ => node.Extra as TensorNode ?? ((TensorNode[])node.Extra!)[index - 2],
    };

    /// <summary>Makes sure <paramref name="node"/> has a gradient buffer; zero-fills it if nothing is accumulated.</summary>
    internal static void EnsureGrad(TensorNode node)
    {
        EnsureGradBuffer(node);
        if (!node.GradValid)
        {
            Array.Clear(node.Grad!, 0, node.Length);
        }
    }

    internal static void EnsureGradBuffer(TensorNode node)
    {
        if (node.Grad is null || node.Grad.Length < node.Length)
        {
            // Graph nodes take pooled buffers from the current thread's pool (pools are never shared between threads).
            node.Grad = node.Pool is not null ? TensorPool.Current.RentArray(node.DType, node.Length) : TensorNode.NewArray(node.DType, node.Length);
        }
    }
}
