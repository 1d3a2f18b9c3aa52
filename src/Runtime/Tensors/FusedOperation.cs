namespace Leibniz;

/// <summary>
/// The backward of a fused kernel recorded as one <see cref="OpCode.Fused"/> node: it reads the node's inputs
/// (A, B, Extra) and its output gradient, and accumulates into the inputs that require grad.
/// </summary>
internal abstract class FusedOperation
{
    /// <summary>A name for diagnostics.</summary>
    public abstract string Name { get; }

    /// <summary>Accumulates the input gradients of <paramref name="y"/>; <paramref name="y"/>'s gradient is valid.</summary>
    public void Backward(TensorNode y, TensorPool pool)
    {
        if (y.DType == DType.Float32)
        {
            Backward<float>(y, pool);
        }
        else
        {
            Backward<double>(y, pool);
        }
    }

    /// <summary>
    /// The vector-Jacobian product as tensor operations, for <see cref="Autograd.Grad(ReadOnlySpan{Tensor}, ReadOnlySpan{Tensor}, ReadOnlySpan{Tensor}, bool, bool?, bool)"/>:
    /// adds each wanted input's gradient to <paramref name="sweep"/>. Kernels that do not override it cannot be differentiated twice.
    /// </summary>
    public virtual void VectorJacobianProduct(TensorNode y, Tensor gradient, GradientSweep sweep) =>
        throw GradientRules.NotDifferentiable(Name, y.ShapeText());

    /// <summary><see cref="Backward(TensorNode, TensorPool)"/> in the element type of <paramref name="y"/>.</summary>
    protected abstract void Backward<T>(TensorNode y, TensorPool pool)
        where T : unmanaged, System.Numerics.IFloatingPointIeee754<T>;
}
