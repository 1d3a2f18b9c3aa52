using System.Collections.Generic;
using Leibniz.Generator.Ir;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// Casts between float and double in a float method: <c>(float)Math.Sqrt(x)</c>, <c>(float)(0.1 * x)</c>. The
/// double arithmetic under the cast is lowered as the method's float arithmetic (Math.Sqrt becomes MathF.Sqrt), so
/// the derivative code computes in float what the method computed in double and then rounded: the values agree to
/// float rounding, and the derivative is that of the same function.
/// </summary>
internal sealed partial class BodyLowering
{
    /// <summary>True while lowering double arithmetic under a cast to float (see <see cref="LowerNarrowed"/>).</summary>
    private bool _widened;

    /// <summary><c>(float)e</c> with <c>e</c> a double, in a float method.</summary>
    private bool IsNarrowingCast(IConversionOperation conversion) =>
        _generic is null && _floating == SpecialType.System_Single && conversion.Type?.SpecialType == SpecialType.System_Single
        && conversion.Operand.Type?.SpecialType == SpecialType.System_Double;

    private int LowerNarrowed(IOperation operand, Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        var outer = _widened;
        _widened = true;
        try
        {
            return LowerExpression(operand, env, output);
        }
        finally
        {
            _widened = outer;
        }
    }
}
