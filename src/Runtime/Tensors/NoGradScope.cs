namespace Leibniz;

/// <summary>
/// While alive, operations record no graph (like PyTorch's <c>torch.no_grad()</c>). Obtain one with
/// <see cref="Tensor.NoGrad"/> and dispose it with <c>using</c>; scopes nest and are per thread.
/// </summary>
public readonly struct NoGradScope : IDisposable
{
    [ThreadStatic]
    private static int s_depth;

    private readonly bool _active;

    private NoGradScope(bool active) => _active = active;

    internal static bool IsGradEnabled => s_depth == 0;

    internal static NoGradScope Enter()
    {
        s_depth++;
        return new NoGradScope(true);
    }

    /// <summary>Ends the scope: gradient recording resumes unless an outer scope is still alive.</summary>
    public void Dispose()
    {
        if (_active)
        {
            s_depth--;
        }
    }
}
