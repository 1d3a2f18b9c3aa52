namespace Leibniz.Generator.Model;

/// <summary>How a parameter of a [Differentiable] method takes part in differentiation.</summary>
internal enum ParameterKind
{
    /// <summary>A floating-point scalar: differentiated.</summary>
    Scalar,

    /// <summary>A floating-point scalar marked [NoDerivative]: read as a constant.</summary>
    Constant,

    /// <summary>An int: never differentiated (sizes, indices).</summary>
    Integer,

    /// <summary>A floating-point array or read-only span: differentiated element by element.</summary>
    Array,

    /// <summary>A floating-point array or read-only span marked [NoDerivative] (data).</summary>
    ConstantArray,
}

/// <summary>One parameter as the generated signatures repeat it.</summary>
/// <param name="Name">Its name as declared.</param>
/// <param name="Kind">How it is differentiated.</param>
/// <param name="TypeText">Its fully qualified C# type.</param>
/// <param name="Shape">For a struct of numbers (or an array or span of them): its fields, which the derivative code sees one by one.</param>
/// <param name="Rank">For an array: its number of dimensions (2 for <c>double[,]</c>).</param>
/// <param name="Jagged">For an array: an array of arrays (<c>double[][]</c>, only as [NoDerivative] data).</param>
internal sealed record ParameterModel(string Name, ParameterKind Kind, string TypeText, StructShape? Shape = null, int Rank = 1, bool Jagged = false)
{
    public bool IsDifferentiated => Kind is ParameterKind.Scalar or ParameterKind.Array;
}
