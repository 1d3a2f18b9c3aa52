using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Ir;

/// <summary>Questions about calls to other [Differentiable] methods in a program.</summary>
internal static class UserCalls
{
    /// <summary>True when the statements (in branches and loops too) call another [Differentiable] method.</summary>
    public static bool Any(EquatableArray<Stmt> statements) => statements.Any(s => s switch
    {
        Let let => let.Node.Op == Op.UserCall,
        If branch => Any(branch.Then) || Any(branch.Else),
        Loop loop => Any(loop.Body.Body) || (loop.Test is { } test && Any(test.Body)),
        _ => false,
    });
}
