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
internal sealed record ParameterModel(string Name, ParameterKind Kind, string TypeText, StructShape? Shape = null)
{
    public bool IsDifferentiated => Kind is ParameterKind.Scalar or ParameterKind.Array;
}
