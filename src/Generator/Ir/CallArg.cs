namespace Leibniz.Generator.Ir;

/// <summary>How an argument is passed to a [Differentiable] callee with array, integer or [NoDerivative] parameters.</summary>
internal enum ArgKind
{
    /// <summary>A floating value: the next of the call node's <see cref="Node.Args"/>.</summary>
    Scalar,

    /// <summary>The integer expression <see cref="CallArg.Integer"/>.</summary>
    Integer,

    /// <summary>The caller's array or span <see cref="CallArg.Array"/> (a parameter or a local array).</summary>
    Array,
}

/// <summary>One argument of a call to a [Differentiable] method, in the callee's parameter order.</summary>
/// <param name="Kind">What is passed.</param>
/// <param name="Differentiated">The callee differentiates this parameter (its gradient has an output for it, its Jvp a tangent).</param>
/// <param name="Integer">An integer argument.</param>
/// <param name="Array">An array argument.</param>
/// <param name="Active">For an array: the caller has a derivative buffer for it (a differentiated parameter or a local array).</param>
/// <param name="Length">For an array: its length, valid at the top of the generated method.</param>
/// <param name="Direct">
/// For an array parameter of the caller that nothing else in the method reads: the callee's gradient may write
/// straight into the caller's gradient span of it, which the reverse sweep then only scales by the seed.
/// </param>
internal sealed record CallArg(ArgKind Kind, bool Differentiated, IntExpr? Integer = null, ArrayRef? Array = null, bool Active = false, IntExpr? Length = null,
    bool Direct = false)
{
    /// <summary>An array whose derivative, through the callee, reaches a derivative buffer of the caller.</summary>
    public bool Flows => Kind == ArgKind.Array && Active && Differentiated;
}
