namespace Leibniz.Nn;

/// <summary>The line search of <see cref="Lbfgs"/>.</summary>
public enum LbfgsLineSearch
{
    /// <summary>A fixed step of the learning rate (PyTorch's <c>line_search_fn=None</c>).</summary>
    None,

    /// <summary>A line search satisfying the strong Wolfe conditions (PyTorch's <c>"strong_wolfe"</c>).</summary>
    StrongWolfe,
}
