using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace Leibniz.Generator.Parse;

/// <summary>Names a construct the generator does not differentiate, and says what to do instead.</summary>
internal static class Unsupported
{
    public static (string What, string Advice) Describe(IOperation operation) => operation switch
    {
        ILoopOperation => ("loop", "only counted loops are supported: write it as for (int i = start; i < end; i++)"),
        IAnonymousFunctionOperation or IDelegateCreationOperation => ("lambda", "call a [Differentiable] method instead"),
        ITryOperation => ("try statement", "remove the try statement; differentiated code cannot throw or catch"),
        IThrowOperation => ("throw", "validate the arguments before calling the differentiated method"),
        ISwitchExpressionOperation => ("switch expression that is not a number", "switch expressions give a value of the method's floating type; use if/else for conditions and write indices inline"),
        IBranchOperation => ("jump statement (goto, break or continue)", "use if/else and return instead"),
        IUsingOperation or IUsingDeclarationOperation => ("using statement", "remove it from the differentiated method"),
        ILockOperation => ("lock statement", "remove it from the differentiated method"),
        IArgumentOperation { Parameter.RefKind: not RefKind.None } => ("ref/out argument", "pass arguments by value"),
        IObjectCreationOperation => ("object creation", "the body may only compute with double or float values"),
        IArrayElementReferenceOperation or IArrayCreationOperation => ("array", "use double[]/float[] or ReadOnlySpan parameters read element by element, or local arrays declared at the top level (Span<double> r = stackalloc double[n]) written element by element with = += -="),
        IInstanceReferenceOperation or IPropertyReferenceOperation => ("member access", "use parameters, locals, constants, and fields and properties of the type or of this instance"),
        IBinaryOperation b => ($"operator {b.OperatorKind}", "use +, -, *, / and the functions of the derivative table"),
        IUnaryOperation u => ($"operator {u.OperatorKind}", "use +, -, *, / and the functions of the derivative table"),
        IConversionOperation c => ($"conversion from '{c.Operand.Type?.ToDisplayString() ?? "?"}' to '{c.Type?.ToDisplayString() ?? "?"}'",
            "use one floating type throughout (MathF and float.* in float methods, Math and double.* in double methods; a float method may cast double arithmetic to float)"),
        IDeclarationExpressionOperation => ("out variable declaration", "pass arguments by value"),
        _ => (Readable(operation.Kind.ToString()), "rewrite it with locals, if/else, ?:, arithmetic and derivative-table functions"),
    };

    private static string Readable(string kind)
    {
        var text = new System.Text.StringBuilder();
        foreach (var c in kind)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append(' ');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
