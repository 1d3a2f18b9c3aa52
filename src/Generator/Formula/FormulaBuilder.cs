using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;
using Leibniz.Rules;

namespace Leibniz.Generator.Formula;

/// <summary>Readable partial-derivative formulas for the XML documentation of the generated members.</summary>
internal static class FormulaBuilder
{
    private const string TooLong = "(too long to show; see the generated code)";

    public static IReadOnlyList<string> Partials(Program program, EquatableArray<string> parameters)
    {
        var values = new Dictionary<int, Sym>();
        for (var i = 0; i < program.ParamCount; i++)
        {
            values[i] = new Atom(parameters[i]);
        }

        Evaluate(program.Body, values);
        var result = new List<string>();
        for (var p = 0; p < program.ParamCount; p++)
        {
            var derivatives = new Dictionary<int, Sym>();
            for (var i = 0; i < program.ParamCount; i++)
            {
                derivatives[i] = i == p ? Sym.One : Sym.Zero;
            }

            Differentiate(program.Body, values, derivatives);
            var formula = derivatives[program.Outputs[0]];
            result.Add(formula == Sym.TooLarge || formula.Text.Contains("…") ? TooLong : formula.Text);
        }

        return result;
    }

    private static void Evaluate(EquatableArray<Stmt> statements, Dictionary<int, Sym> values)
    {
        foreach (var statement in statements)
        {
            if (statement is Let let)
            {
                values[let.Id] = Value(let.Node, let.Node.Args.Select(a => values[a]).ToArray());
            }
            else if (statement is If branch)
            {
                Evaluate(branch.Then, values);
                Evaluate(branch.Else, values);
                var condition = Condition(branch.Cond, values);
                foreach (var phi in branch.Phis)
                {
                    values[phi.Id] = Sym.Choose(condition, values[phi.Then], values[phi.Else]);
                }
            }
        }
    }

    private static void Differentiate(EquatableArray<Stmt> statements, Dictionary<int, Sym> values, Dictionary<int, Sym> derivatives)
    {
        foreach (var statement in statements)
        {
            if (statement is Let let)
            {
                var args = let.Node.Args.Select(a => values[a]).ToArray();
                var dargs = let.Node.Args.Select(a => derivatives[a]).ToArray();
                derivatives[let.Id] = Derivative(let.Node, args, dargs, values[let.Id]);
            }
            else if (statement is If branch)
            {
                Differentiate(branch.Then, values, derivatives);
                Differentiate(branch.Else, values, derivatives);
                var condition = Condition(branch.Cond, values);
                foreach (var phi in branch.Phis)
                {
                    derivatives[phi.Id] = Sym.Choose(condition, derivatives[phi.Then], derivatives[phi.Else]);
                }
            }
        }
    }

    private static Sym Value(Node node, Sym[] a) => node.Op switch
    {
        Op.Const => node.Name is { } name ? new Atom(name) : new Num(node.Value),
        Op.Field => new Atom(node.Name!.Split('.').Last()),
        Op.Add => Sym.Add(a[0], a[1]),
        Op.Sub => Sym.Sub(a[0], a[1]),
        Op.Mul => Sym.Mul(a[0], a[1]),
        Op.Div => Sym.Div(a[0], a[1]),
        Op.Neg => Sym.Neg(a[0]),
        Op.UserCall => Sym.Call(node.Name!.Split('.').Last(), a),
        Op.Call when node.Name == "Pow" && a[1] is Num n && n.Value == System.Math.Floor(n.Value) && System.Math.Abs(n.Value) <= 32 => Sym.Pow(a[0], (int)n.Value),
        Op.Call when node.Name == "ScaleB" => Sym.Mul(a[0], new Num(System.Math.Pow(2, node.Index))),
        Op.Call => Sym.Call(SymAlgebra.Name(node.Name!), a),
        _ => Sym.TooLarge,
    };

    private static Sym Derivative(Node node, Sym[] a, Sym[] d, Sym r)
    {
        switch (node.Op)
        {
            case Op.Const or Op.Field:
                return Sym.Zero;
            case Op.Add:
                return Sym.Add(d[0], d[1]);
            case Op.Sub:
                return Sym.Sub(d[0], d[1]);
            case Op.Neg:
                return Sym.Neg(d[0]);
            case Op.Mul:
                return Sym.Add(Sym.Mul(d[0], a[1]), Sym.Mul(a[0], d[1]));
            case Op.Div:
                return Sym.Sub(Sym.Div(d[0], a[1]), Sym.Div(Sym.Mul(a[0], d[1]), Sym.Pow(a[1], 2)));
            case Op.UserCall:
                {
                    var name = node.Name!.Split('.').Last();
                    var total = Sym.Zero;
                    for (var i = 0; i < a.Length; i++)
                    {
                        total = Sym.Add(total, Sym.Mul(Sym.Call("∂" + Subscript(i + 1) + name, a), d[i]));
                    }

                    return total;
                }

            default:
                {
                    var total = Sym.Zero;
                    for (var i = 0; i < a.Length; i++)
                    {
                        if (d[i] is Num { Value: 0 })
                        {
                            continue;
                        }

                        total = Sym.Add(total, Sym.Mul(Partial(node, a, r, i), d[i]));
                    }

                    return total;
                }
        }
    }

    private static Sym Partial(Node node, Sym[] a, Sym r, int i) =>
        DerivativeRules.Partial<Sym, SymCondition, SymAlgebra>(default, node.Name!, a, r, i, node.Index);

    private static string Condition(Cond cond, Dictionary<int, Sym> values) => cond.Op switch
    {
        CondOp.Less => values[cond.A].Text + " < " + values[cond.B].Text,
        CondOp.LessOrEqual => values[cond.A].Text + " ≤ " + values[cond.B].Text,
        CondOp.Greater => values[cond.A].Text + " > " + values[cond.B].Text,
        CondOp.GreaterOrEqual => values[cond.A].Text + " ≥ " + values[cond.B].Text,
        CondOp.Equal => values[cond.A].Text + " = " + values[cond.B].Text,
        CondOp.NotEqual => values[cond.A].Text + " ≠ " + values[cond.B].Text,
        CondOp.And => Condition(cond.Left!, values) + " and " + Condition(cond.Right!, values),
        CondOp.Or => Condition(cond.Left!, values) + " or " + Condition(cond.Right!, values),
        CondOp.Not => "not (" + Condition(cond.Left!, values) + ")",
        CondOp.True => "true",
        _ => "false",
    };

    private static string Subscript(int i) => string.Concat(i.ToString(System.Globalization.CultureInfo.InvariantCulture).Select(c => (char)('₀' + (c - '0'))));
}
