using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Parse;

namespace Leibniz.Generator.Emit;

/// <summary>Writes an SSA program as C# statements: one local per value, atoms inlined, real if/else.</summary>
internal sealed class ProgramWriter
{
    private readonly CodeWriter _writer;
    private readonly bool _isFloat;
    private readonly string _type;
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _parameters;
    private readonly Dictionary<int, string> _text = new();
    private readonly HashSet<int> _bools = new();
    private int _nextLocal;

    public ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters)
    {
        _writer = writer;
        _isFloat = isFloat;
        _type = isFloat ? "float" : "double";
        _parameters = parameters;
        _prefix = Naming.LocalPrefix(parameters);
    }

    /// <summary>Writes the statements and returns the C# text of each output.</summary>
    public IReadOnlyList<string> Write(Program program)
    {
        for (var i = 0; i < program.ParamCount; i++)
        {
            _text[i] = Naming.Escape(_parameters[i]);
        }

        CollectBools(program.Body);
        WriteBlock(program.Body);
        return program.Outputs.Select(Text).ToList();
    }

    private void CollectBools(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            if (statement is Let { Node.Op: Op.Bool } let)
            {
                _bools.Add(let.Id);
            }
            else if (statement is If branch)
            {
                CollectBools(branch.Then);
                CollectBools(branch.Else);
                foreach (var phi in branch.Phis.Where(p => _bools.Contains(p.Then) || _bools.Contains(p.Else)))
                {
                    _bools.Add(phi.Id);
                }
            }
        }
    }

    private void WriteBlock(IEnumerable<Stmt> statements)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Let let:
                    WriteLet(let);
                    break;
                case If branch:
                    WriteIf(branch);
                    break;
            }
        }
    }

    private void WriteLet(Let let)
    {
        var node = let.Node;
        switch (node.Op)
        {
            case Op.Const:
                _text[let.Id] = Literals.Format(node.Value, _isFloat);
                return;
            case Op.Field:
                _text[let.Id] = node.Name!;
                return;
            case Op.Project:
                _text[let.Id] = Text(node.Args[0]) + ".Item" + (node.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            case Op.Bool:
                _writer.Line("bool " + Declare(let.Id) + " = " + Condition(node.Cond!) + ";");
                return;
            case Op.GradientCall:
                _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Gradient(" + Arguments(node) + ");");
                return;
            case Op.JvpCall:
                _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Jvp(" + Arguments(node) + ");");
                return;
            default:
                var expression = Expression(node);
                _writer.Line(_type + " " + Declare(let.Id) + " = " + expression + ";");
                return;
        }
    }

    private void WriteIf(If branch)
    {
        foreach (var phi in branch.Phis)
        {
            // A saved condition carried out of a forward branch (for the reverse sweep) is a bool phi.
            _writer.Line((_bools.Contains(phi.Id) ? "bool " : _type + " ") + Declare(phi.Id) + ";");
        }

        _writer.Open("if (" + Condition(branch.Cond) + ")");
        WriteBlock(branch.Then);
        foreach (var phi in branch.Phis)
        {
            _writer.Line(Text(phi.Id) + " = " + PhiSource(phi.Id, phi.Then) + ";");
        }

        if (branch.Else.Count == 0 && branch.Phis.Count == 0)
        {
            _writer.Close();
            return;
        }

        _writer.Close();
        _writer.Open("else");
        WriteBlock(branch.Else);
        foreach (var phi in branch.Phis)
        {
            _writer.Line(Text(phi.Id) + " = " + PhiSource(phi.Id, phi.Else) + ";");
        }

        _writer.Close();
    }

    private string Expression(Node node) => node.Op switch
    {
        Op.Add => Text(node.Args[0]) + " + " + Text(node.Args[1]),
        Op.Sub => Text(node.Args[0]) + " - " + Text(node.Args[1]),
        Op.Mul => Text(node.Args[0]) + " * " + Text(node.Args[1]),
        Op.Div => Text(node.Args[0]) + " / " + Text(node.Args[1]),
        Op.Neg => "-" + Text(node.Args[0]),
        Op.Select => Condition(node.Cond!) + " ? " + Text(node.Args[0]) + " : " + Text(node.Args[1]),
        Op.UserCall => node.Name + "(" + Arguments(node) + ")",
        Op.Call => Call(node),
        _ => throw new InvalidOperationException("Cannot write " + node.Op + "."),
    };

    private string Call(Node node)
    {
        var args = Arguments(node);
        var math = _isFloat ? "global::System.MathF." : "global::System.Math.";
        return node.Name switch
        {
            "LogBase" => math + "Log(" + args + ")",
            "Sign" => "(" + _type + ")" + math + "Sign(" + args + ")",
            "ScaleB" => math + "ScaleB(" + args + ", " + node.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
            "Hypot" => (_isFloat ? "global::System.Single" : "global::System.Double") + ".Hypot(" + args + ")",
            "Clamp" => "global::System.Math.Clamp(" + args + ")",
            "ElementarySign" => "global::Leibniz.Elementary.Sign(" + args + ")",
            string name when Intrinsics.ElementaryNames.Contains(name) => "global::Leibniz.Elementary." + name + "(" + args + ")",
            var name => math + name + "(" + args + ")",
        };
    }

    private string Condition(Cond cond) => cond.Op switch
    {
        CondOp.Less => Text(cond.A) + " < " + Text(cond.B),
        CondOp.LessOrEqual => Text(cond.A) + " <= " + Text(cond.B),
        CondOp.Greater => Text(cond.A) + " > " + Text(cond.B),
        CondOp.GreaterOrEqual => Text(cond.A) + " >= " + Text(cond.B),
        CondOp.Equal => Text(cond.A) + " == " + Text(cond.B),
        CondOp.NotEqual => Text(cond.A) + " != " + Text(cond.B),
        CondOp.And => "(" + Condition(cond.Left!) + " && " + Condition(cond.Right!) + ")",
        CondOp.Or => "(" + Condition(cond.Left!) + " || " + Condition(cond.Right!) + ")",
        CondOp.Not => "!(" + Condition(cond.Left!) + ")",
        CondOp.True => "true",
        CondOp.False => "false",
        _ => Text(cond.A),
    };

    private string PhiSource(int phi, int source) => _bools.Contains(phi) && !_bools.Contains(source) ? "false" : Text(source);

    private string Arguments(Node node) => string.Join(", ", node.Args.Select(Text));

    private string Text(int id) => _text.TryGetValue(id, out var text) ? text : throw new InvalidOperationException("Value " + id + " is used before it is defined.");

    private string Declare(int id)
    {
        var name = _prefix + _nextLocal++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _text[id] = name;
        return name;
    }
}
