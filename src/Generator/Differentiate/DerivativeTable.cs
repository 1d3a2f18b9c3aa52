using System;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// The one derivative table: ∂f/∂argᵢ for every operation, built from nodes (so derivatives reuse primal
/// values through common-subexpression elimination: exp′ is the exp value, tanh′ = 1 − tanh², …).
/// </summary>
internal static class DerivativeTable
{
    /// <summary>seed · ∂f/∂argᵢ, where <paramref name="result"/> is the node's own value.</summary>
    public static int Contribution(GraphBuilder b, Node node, int result, int i, int seed)
    {
        switch (node.Op)
        {
            case Op.Add:
                return seed;
            case Op.Sub:
                return i == 0 ? seed : b.Neg(seed);
            case Op.Neg:
                return b.Neg(seed);
            case Op.Mul:
                return b.Mul(seed, node.Args[1 - i]);
            case Op.Div:
                {
                    var quotient = b.Div(seed, node.Args[1]);
                    return i == 0 ? quotient : b.Neg(b.Mul(quotient, result));
                }

            case Op.Select:
                return b.Select(node.Cond!, i == 0 ? seed : b.Constant(0), i == 0 ? b.Constant(0) : seed);
            default:
                return b.Mul(seed, Partial(b, node, result, i));
        }
    }

    /// <summary>∂f/∂argᵢ of a derivative-table function.</summary>
    public static int Partial(GraphBuilder b, Node node, int r, int i)
    {
        var x = node.Args[0];
        var one = b.Constant(1);
        switch (node.Name)
        {
            case "Sin": return b.Call("Cos", x);
            case "Cos": return b.Neg(b.Call("Sin", x));
            case "Tan": return b.Add(one, b.Square(r));
            case "Asin": return b.Div(one, b.Call("Sqrt", b.Sub(one, b.Square(x))));
            case "Acos": return b.Neg(b.Div(one, b.Call("Sqrt", b.Sub(one, b.Square(x)))));
            case "Atan": return b.Div(one, b.Add(one, b.Square(x)));
            case "Atan2":
                {
                    var y = node.Args[0];
                    var xx = node.Args[1];
                    var denominator = b.Add(b.Square(xx), b.Square(y));
                    return i == 0 ? b.Div(xx, denominator) : b.Neg(b.Div(y, denominator));
                }

            case "Sinh": return b.Call("Cosh", x);
            case "Cosh": return b.Call("Sinh", x);
            case "Tanh": return b.Sub(one, b.Square(r));
            case "Asinh": return b.Div(one, b.Call("Sqrt", b.Add(b.Square(x), one)));
            case "Acosh": return b.Div(one, b.Call("Sqrt", b.Sub(b.Square(x), one)));
            case "Atanh": return b.Div(one, b.Sub(one, b.Square(x)));
            case "Exp": return r;
            case "Log": return b.Div(one, x);
            case "LogBase":
                {
                    var logBase = b.Call("Log", node.Args[1]);
                    return i == 0 ? b.Div(one, b.Mul(x, logBase)) : b.Neg(b.Div(r, b.Mul(node.Args[1], logBase)));
                }

            case "Log2": return b.Div(one, b.Mul(b.Constant(Math.Log(2)), x));
            case "Log10": return b.Div(one, b.Mul(b.Constant(Math.Log(10)), x));
            case "Sqrt": return b.Div(b.Constant(0.5), r);
            case "Cbrt": return b.Div(one, b.Mul(b.Constant(3), b.Square(r)));
            case "Pow":
                {
                    var y = node.Args[1];
                    return i == 0 ? b.Mul(y, b.Call("Pow", x, b.Sub(y, one))) : b.Mul(r, b.Call("Log", x));
                }

            case "Abs": return SignOf(b, x);
            case "Min": return b.Select(Cond.Compare(CondOp.LessOrEqual, node.Args[0], node.Args[1]), i == 0 ? one : b.Constant(0), i == 0 ? b.Constant(0) : one);
            case "Max": return b.Select(Cond.Compare(CondOp.GreaterOrEqual, node.Args[0], node.Args[1]), i == 0 ? one : b.Constant(0), i == 0 ? b.Constant(0) : one);
            case "Clamp":
                {
                    var (lo, hi) = (node.Args[1], node.Args[2]);
                    return i switch
                    {
                        0 => b.Select(new Cond(CondOp.Or, Left: Cond.Compare(CondOp.Less, x, lo), Right: Cond.Compare(CondOp.Greater, x, hi)), b.Constant(0), one),
                        1 => b.Select(Cond.Compare(CondOp.Less, x, lo), one, b.Constant(0)),
                        _ => b.Select(Cond.Compare(CondOp.Greater, x, hi), one, b.Constant(0)),
                    };
                }

            case "Hypot": return b.Div(node.Args[i], r);
            case "FusedMultiplyAdd": return i == 2 ? one : node.Args[1 - i];
            case "ScaleB": return b.Constant(Math.Pow(2, node.Index));
            case "Round" or "Floor" or "Ceiling" or "Truncate" or "Sign" or "ElementarySign" or "Heaviside": return b.Constant(0);
            case "Cot": return b.Neg(b.Add(one, b.Square(r)));
            case "Sec": return b.Mul(r, b.Call("Tan", x));
            case "Csc": return b.Neg(b.Mul(r, b.Call("Cot", x)));
            case "Acot": return b.Neg(b.Div(one, b.Add(one, b.Square(x))));
            case "Coth": return b.Sub(one, b.Square(r));
            case "Sech": return b.Neg(b.Mul(r, b.Call("Tanh", x)));
            case "Csch": return b.Neg(b.Mul(r, b.Call("Coth", x)));
            case "Acoth": return b.Div(one, b.Sub(one, b.Square(x)));
            case "Asec": return b.Div(one, b.Mul(b.Call("Abs", x), b.Call("Sqrt", b.Sub(b.Square(x), one))));
            case "Acsc": return b.Neg(b.Div(one, b.Mul(b.Call("Abs", x), b.Call("Sqrt", b.Sub(b.Square(x), one)))));
            case "Asech": return b.Neg(b.Div(one, b.Mul(x, b.Call("Sqrt", b.Sub(one, b.Square(x))))));
            case "Acsch": return b.Neg(b.Div(one, b.Mul(b.Call("Abs", x), b.Call("Sqrt", b.Add(one, b.Square(x))))));
            case "Sigmoid": return b.Mul(r, b.Sub(one, r));
            case "Softplus": return b.Call("Sigmoid", x);
            case "Relu": return b.Select(Cond.Compare(CondOp.Greater, x, b.Constant(0)), one, b.Constant(0));
            case "LeakyRelu":
                return i == 0
                    ? b.Select(Cond.Compare(CondOp.Greater, x, b.Constant(0)), one, node.Args[1])
                    : b.Select(Cond.Compare(CondOp.Greater, x, b.Constant(0)), b.Constant(0), x);
            default:
                throw new InvalidOperationException("No derivative for '" + node.Name + "'.");
        }
    }

    /// <summary>sign(x) as 1, −1 or 0 (0 for NaN too, where Math.Sign would throw).</summary>
    private static int SignOf(GraphBuilder b, int x)
    {
        var negative = b.Select(Cond.Compare(CondOp.Less, x, b.Constant(0)), b.Constant(-1), b.Constant(0));
        return b.Select(Cond.Compare(CondOp.Greater, x, b.Constant(0)), b.Constant(1), negative);
    }
}
