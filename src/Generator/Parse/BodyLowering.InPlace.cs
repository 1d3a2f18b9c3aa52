using System.Collections.Generic;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>
/// In-place updates of local array elements after they were read (<c>p[i] /= sum</c>, <c>v[i] *= scale</c>): the old
/// element is saved into a shadow array first (forward passes only), the new value is computed from the shadow, and
/// the reverse of the update puts the old element back — what the reverse sweep needs, as Tapenade keeps overwritten
/// values. The shadow shares the array's derivative buffer: the element's adjoint before the update is read from it.
/// </summary>
internal sealed partial class BodyLowering
{
    private void LowerInPlaceUpdate(ICompoundAssignmentOperation update, ArrayBinding array, IOperation indexOperation, IntExpr index,
        Dictionary<ISymbol, object> env, List<Stmt> output)
    {
        // The shadow holds one saved value per element and per run of the loop around the update: a loop between the
        // array's declaration and that loop would run the update again before the reverse pass reads the shadow.
        if (_depth - array.Depth > 1 || array.Length is null)
        {
            Report(update, $"in-place update of '{array.Name}' inside a loop nested in another loop that does not declare '{array.Name}'",
                $"declare '{array.Name}' in the outer loop's body (a fresh array per iteration), or write the new values into another local array");
            return;
        }

        var shadow = ArrayRef.LocalArray(_localArrays[0]++);
        var alloc = new Alloc(shadow, array.Name + "Before", array.Length, Derivative: false, SharesDerivativeOf: array.Array);
        if (_inLoop)
        {
            _hoisted.Add(alloc);
        }
        else
        {
            output.Add(alloc);
        }

        output.Add(new Store(shadow, index, Load(array, indexOperation, env, output), Accumulate: false, Derivative: false, Save: true));
        var before = Add(output, new Node(Op.Load, EquatableArray<int>.Empty, Index: 1, Integer: index, Array: shadow));
        var factor = LowerExpression(update.Value, env, output);
        var after = Add(output, Node.Of(update.OperatorKind == BinaryOperatorKind.Multiply ? Op.Mul : Op.Div, before, factor));
        output.Add(new Store(array.Array, index, after, Accumulate: false, Derivative: false, Shadow: shadow));
    }
}
