namespace Leibniz.Generator.Tests.Registry;

/// <summary>
/// One entry of the derivative table as the registry test sees it: the C# expression the generator differentiates,
/// the same function on <see cref="Dual"/> and on <see cref="Var"/>, its tensor kernel where one exists, the exact
/// partial derivatives in an independent form, where to sample it, and the edge points its conventions are about.
/// </summary>
/// <param name="Name">The table name (as in Rules/DerivativeRules.cs).</param>
/// <param name="Source">The expression over x, y, z the generated method returns.</param>
/// <param name="OnDual">The function on dual numbers.</param>
/// <param name="OnVar">The function on the tape.</param>
/// <param name="Exact">∂f/∂argᵢ, written independently of the table (or the convention, at a kink).</param>
/// <param name="Low">The lower end of the random sample, per argument.</param>
/// <param name="High">The upper end of the random sample, per argument.</param>
/// <param name="Edges">The points where the rule's conventions, cancellations and saturations show.</param>
/// <param name="OnTensor">The tensor kernel of a unary function, if any.</param>
/// <param name="RuntimeArity">How many leading arguments Dual and Var differentiate (LeakyRelu's slope is a plain double there).</param>
internal sealed record RuleCase(
    string Name,
    string Source,
    Func<Dual[], Dual> OnDual,
    Func<Var[], Var> OnVar,
    Func<double[], double[]> Exact,
    double[] Low,
    double[] High,
    double[][] Edges,
    Func<Tensor, Tensor>? OnTensor = null,
    int? RuntimeArity = null)
{
    public int Arity => Low.Length;

    /// <summary>True when Dual and Var take argument <paramref name="k"/> as a differentiable value.</summary>
    public bool RuntimeDifferentiates(int k) => k < (RuntimeArity ?? Arity);

    public string MethodName => "R" + Name;

    public override string ToString() => Name;
}
