using System;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>Local rewrite rules applied to every node before it is added.</summary>
internal sealed partial class GraphBuilder
{
    private (int? Id, Node? Node) Simplify(Node node)
    {
        var args = node.Args;
        switch (node.Op)
        {
            case Op.Neg:
                {
                    if (IsConstant(args[0], out var v))
                    {
                        return (Constant(-v), null);
                    }

                    if (NodeOf(args[0]) is { Op: Op.Neg } inner)
                    {
                        return (inner.Args[0], null);
                    }

                    if (NodeOf(args[0]) is { Op: Op.Sub } difference)
                    {
                        return (Sub(difference.Args[1], difference.Args[0]), null);
                    }

                    break;
                }

            case Op.Add:
                {
                    var (a, b) = (args[0], args[1]);
                    if (IsConstant(a, out var x) && IsConstant(b, out var y))
                    {
                        return (Constant(x + y), null);
                    }

                    if (IsConstant(a, 0))
                    {
                        return (b, null);
                    }

                    if (IsConstant(b, 0))
                    {
                        return (a, null);
                    }

                    if (NodeOf(b) is { Op: Op.Neg } nb)
                    {
                        return (Sub(a, nb.Args[0]), null);
                    }

                    if (NodeOf(a) is { Op: Op.Neg } na)
                    {
                        return (Sub(b, na.Args[0]), null);
                    }

                    if (IsConstant(b, out _) && !IsConstant(a, out _))
                    {
                        (a, b) = (b, a);
                    }

                    return (null, Commutative(Op.Add, a, b));
                }

            case Op.Sub:
                {
                    var (a, b) = (args[0], args[1]);
                    if (IsConstant(a, out var x) && IsConstant(b, out var y))
                    {
                        return (Constant(x - y), null);
                    }

                    if (IsConstant(b, 0))
                    {
                        return (a, null);
                    }

                    if (IsConstant(a, 0))
                    {
                        return (Neg(b), null);
                    }

                    if (NodeOf(b) is { Op: Op.Neg } nb)
                    {
                        return (Add(a, nb.Args[0]), null);
                    }

                    if (NodeOf(a) is { Op: Op.Neg } na)
                    {
                        return (Neg(Add(na.Args[0], b)), null);
                    }

                    break;
                }

            case Op.Mul:
                {
                    var (a, b) = (args[0], args[1]);
                    if (IsConstant(b, out _) && !IsConstant(a, out _))
                    {
                        (a, b) = (b, a);
                    }

                    if (IsConstant(a, out var x))
                    {
                        if (IsConstant(b, out var y))
                        {
                            return (Constant(x * y), null);
                        }

                        if (x == 0)
                        {
                            return (a, null);
                        }

                        if (x == 1)
                        {
                            return (b, null);
                        }

                        if (x == -1)
                        {
                            return (Neg(b), null);
                        }

                        if (NodeOf(b) is { Op: Op.Mul } inner && IsConstant(inner.Args[0], out var z))
                        {
                            return (Mul(Constant(x * z), inner.Args[1]), null);
                        }

                        if (NodeOf(b) is { Op: Op.Neg } negated)
                        {
                            return (Mul(Constant(-x), negated.Args[0]), null);
                        }
                    }

                    if (NodeOf(a) is { Op: Op.Neg } na)
                    {
                        return (Neg(Mul(na.Args[0], b)), null);
                    }

                    if (NodeOf(b) is { Op: Op.Neg } nb)
                    {
                        return (Neg(Mul(a, nb.Args[0])), null);
                    }

                    // An adjoint times local partials multiplies the partials first: the adjoint is rounded once per
                    // step, as in a hand-written reverse pass (a contracting recurrence's adjoint then underflows to
                    // 0 instead of sticking at the smallest subnormal, which x86 computes slowly).
                    if (AdjointProduct(a) is { } left && !_adjoints.Contains(b))
                    {
                        return (Mul(left.Adjoint, Mul(left.Partial, b)), null);
                    }

                    if (AdjointProduct(b) is { } right && !_adjoints.Contains(a))
                    {
                        return (Mul(right.Adjoint, Mul(right.Partial, a)), null);
                    }

                    return (null, IsConstant(a, out _) ? Node.Of(Op.Mul, a, b) : Commutative(Op.Mul, a, b));
                }

            case Op.Div:
                {
                    var (a, b) = (args[0], args[1]);
                    if (IsConstant(a, out var x) && IsConstant(b, out var y))
                    {
                        return (Constant(x / y), null);
                    }

                    if (IsConstant(a, 0))
                    {
                        return (a, null);
                    }

                    if (IsConstant(b, 1))
                    {
                        return (a, null);
                    }

                    if (IsConstant(b, -1))
                    {
                        return (Neg(a), null);
                    }

                    if (IsConstant(b, out var d) && IsPowerOfTwo(d))
                    {
                        return (Mul(Constant(1 / d), a), null);
                    }

                    if (NodeOf(a) is { Op: Op.Neg } na)
                    {
                        return (Neg(Div(na.Args[0], b)), null);
                    }

                    break;
                }

            case Op.Call when node.Name == "Pow" && IsConstant(args[1], out var exponent) && Math.Abs(exponent) <= MaxExpandedPower
                && exponent == Math.Floor(exponent):
                return (IntegerPower(args[0], (int)exponent), null);
            case Op.Select when node.Cond is { Op: CondOp.True }:
                return (args[0], null);
            case Op.Select when node.Cond is { Op: CondOp.False } || args[0] == args[1]:
                return (args[1], null);
        }

        return (null, node);
    }

    /// <summary>x^n by repeated squaring, so x^3 shares x·x with 3·x².</summary>
    private int IntegerPower(int x, int n)
    {
        if (n < 0)
        {
            return Div(Constant(1), IntegerPower(x, -n));
        }

        if (n == 0)
        {
            return Constant(1);
        }

        if (n == 1)
        {
            return x;
        }

        var half = IntegerPower(x, n / 2);
        var square = Mul(half, half);
        return n % 2 == 0 ? square : Mul(square, x);
    }

    private static Node Commutative(Op op, int a, int b) => a <= b ? Node.Of(op, a, b) : Node.Of(op, b, a);

    private static bool IsPowerOfTwo(double d)
    {
        if (d == 0 || double.IsInfinity(d) || double.IsNaN(d))
        {
            return false;
        }

        var bits = BitConverter.DoubleToInt64Bits(Math.Abs(d));
        var exponent = (int)((bits >> 52) & 0x7FF);
        return (bits & 0xFFFFFFFFFFFFFL) == 0 && exponent is > 1 and < 2046;
    }

    /// <summary>An adjoint parameter times a value that is not one (<c>ā·p</c>), if <paramref name="id"/> is that product.</summary>
    private (int Adjoint, int Partial)? AdjointProduct(int id) =>
        NodeOf(id) is { Op: Op.Mul } product
            ? _adjoints.Contains(product.Args[0]) && !_adjoints.Contains(product.Args[1]) ? (product.Args[0], product.Args[1])
            : _adjoints.Contains(product.Args[1]) && !_adjoints.Contains(product.Args[0]) ? (product.Args[1], product.Args[0])
            : null
            : null;
}
