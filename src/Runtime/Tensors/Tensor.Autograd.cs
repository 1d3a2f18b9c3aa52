namespace Leibniz;

public readonly partial struct Tensor
{
    /// <summary>Starts a scope in which operations record no graph: <c>using (Tensor.NoGrad()) { ... }</c>.</summary>
    public static NoGradScope NoGrad() => NoGradScope.Enter();

    /// <summary>Whether operations on this thread currently record a graph (false inside <see cref="NoGrad"/>).</summary>
    public static bool IsGradEnabled => NoGradScope.IsGradEnabled;

    /// <summary>
    /// Whether gradients flow to this tensor. Set it on leaves you want gradients for (parameters);
    /// results of recorded operations require grad automatically.
    /// </summary>
    public bool RequiresGrad
    {
        get => Node.RequiresGrad;
        set
        {
            var node = Node;
            if (node.Op != OpCode.Leaf && !value)
            {
                throw new InvalidOperationException("Only leaf tensors can stop requiring grad; use Detach() on a graph result.");
            }

            node.RequiresGrad = value;
        }
    }

    /// <summary>Sets <see cref="RequiresGrad"/> and returns this tensor, for one-line parameter creation.</summary>
    /// <param name="requiresGrad">Whether gradients should flow to this tensor.</param>
    public Tensor RequireGrad(bool requiresGrad = true)
    {
        RequiresGrad = requiresGrad;
        return this;
    }

    /// <summary>Whether this tensor is a leaf (created by you, not by a recorded operation).</summary>
    public bool IsLeaf => Node.Op == OpCode.Leaf;

    /// <summary>Whether a gradient has been accumulated since the last <see cref="ZeroGrad"/>.</summary>
    public bool HasGrad => Node.GradValid;

    /// <summary>
    /// The accumulated gradient, same shape as this tensor; zeros when nothing has been accumulated since the
    /// last <see cref="ZeroGrad"/>. A graph tensor's gradient lives as long as the graph.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor does not require grad.</exception>
    public Tensor Grad
    {
        get
        {
            var node = Node;
            if (!node.RequiresGrad)
            {
                throw new InvalidOperationException("This tensor does not require grad, so it has no gradient; set RequiresGrad = true before the forward pass.");
            }

            Autograd.EnsureGrad(node);
            var view = node.GradView;
            if (view is null)
            {
                view = new TensorNode { DType = node.DType };
                node.GradView = view;
            }

            view.SetShape(node.Rank, node.Rows, node.Cols);
            view.Data = node.Grad!;
            return new Tensor(view);
        }
    }

    /// <summary>Forgets the accumulated gradient (the next backward pass writes instead of adding).</summary>
    public void ZeroGrad() => Node.GradValid = false;

    /// <summary>
    /// Back-propagates from this one-element tensor (seed 1) through the recorded graph, in reverse topological
    /// order, adding into the <see cref="Grad"/> of every tensor that requires grad.
    /// </summary>
    /// <exception cref="InvalidOperationException">The tensor does not require grad or has more than one element.</exception>
    public void Backward()
    {
        var node = Node;
        if (node.Length != 1)
        {
            throw new InvalidOperationException($"Backward() without a gradient needs a one-element tensor; this one has shape {node.ShapeText()}. Pass the output gradient to Backward(gradient).");
        }

        Autograd.Backward(node, null);
    }

    /// <summary>Back-propagates from this tensor with the given output gradient (a vector-Jacobian product).</summary>
    /// <param name="gradient">∂L/∂this, same shape and element type as this tensor.</param>
    public void Backward(Tensor gradient)
    {
        var node = Node;
        var seed = gradient.Node;
        if (seed.Length != node.Length || seed.Rank != node.Rank || seed.Rows != node.Rows || seed.DType != node.DType)
        {
            throw new ArgumentException($"The gradient's shape {seed.ShapeText()} ({seed.DType}) must equal the tensor's shape {node.ShapeText()} ({node.DType}).", nameof(gradient));
        }

        Autograd.Backward(node, seed);
    }

    /// <summary>
    /// A tensor with the same values that is not part of any graph. A leaf's detached tensor shares its storage;
    /// a graph tensor's values are copied so that they survive the graph's recycling.
    /// </summary>
    public Tensor Detach()
    {
        var node = Node;
        if (node.Pool is null)
        {
            var view = new TensorNode { DType = node.DType, Data = node.Data, OwnsData = false };
            view.SetShape(node.Rank, node.Rows, node.Cols);
            return new Tensor(view);
        }

        return Clone();
    }

    /// <summary>A copy with its own storage, outside any graph.</summary>
    public Tensor Clone()
    {
        var node = Node;
        var copy = TensorNode.NewLeaf(node.DType, node.Rank, node.Rows, node.Cols);
        Array.Copy(node.Data, copy.Data, node.Length);
        return new Tensor(copy);
    }

    /// <summary>A copy converted to <paramref name="dtype"/> (outside any graph), or this tensor if it already has it.</summary>
    /// <param name="dtype">The element type wanted.</param>
    public Tensor To(DType dtype)
    {
        var node = Node;
        if (node.DType == dtype)
        {
            return this;
        }

        var copy = TensorNode.NewLeaf(dtype, node.Rank, node.Rows, node.Cols);
        if (dtype == DType.Float64)
        {
            var source = node.Span<float>();
            var target = copy.Span<double>();
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = source[i];
            }
        }
        else
        {
            var source = node.Span<double>();
            var target = copy.Span<float>();
            for (var i = 0; i < source.Length; i++)
            {
                target[i] = (float)source[i];
            }
        }

        return new Tensor(copy);
    }
}
