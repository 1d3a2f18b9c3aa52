using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Emit;

/// <summary>Writes an SSA program as C# statements: one local per value, atoms inlined, real if/else.</summary>
internal sealed partial class ProgramWriter
{
    private readonly CodeWriter _writer;
    private readonly bool _isFloat;
    private string _type;
    private string? _generic;
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _parameters;
    private readonly Dictionary<int, string> _text = new();
    private readonly HashSet<int> _bools = new();
    private readonly Dictionary<int, int> _sinCos = new();
    private readonly HashSet<int> _tapes = new();
    private readonly HashSet<int> _reversed = new();

    /// <summary>Loops whose reverse loop is in a branch of the program being written (see <see cref="MirroredLoops"/>).</summary>
    private readonly HashSet<int> _mirrored = new();
    private readonly int[] _nextLocal;
    private readonly Stacks _stacks;
    private readonly bool _nested;

    public ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters)
        : this(writer, isFloat, parameters, Naming.LocalPrefix(parameters), new int[1], new Buffers(), new Scratch(), new Stacks(), nested: false)
    {
    }

    /// <summary>A writer whose locals avoid every name in <paramref name="taken"/> (all parameters, gradient outputs).</summary>
    public ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters, IReadOnlyList<string> taken)
        : this(writer, isFloat, parameters, Naming.LocalPrefix(taken), new int[1], new Buffers(), new Scratch(), new Stacks(), nested: false)
    {
    }

    private ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters, string prefix, int[] nextLocal,
        Buffers buffers, Scratch scratch, Stacks stacks, bool nested)
    {
        _buffers = buffers;
        (_derivatives, _tangents, _products) = (buffers.Derivatives, buffers.Tangents, buffers.Products);
        _scratch = scratch;
        _stacks = stacks;
        _writer = writer;
        _isFloat = isFloat;
        _type = isFloat ? "float" : "double";
        _parameters = parameters;
        _prefix = prefix;
        _nextLocal = nextLocal;
        _nested = nested;
    }

    /// <summary>For each differentiated array or span parameter, the escaped name of its gradient (or tangent) span.</summary>
    public IReadOnlyDictionary<ArrayRef, string> GradientSpans { get; init; } = new Dictionary<ArrayRef, string>();

    /// <summary>The names of the method's parameters, arrays and integer locals (shared with the writers of loop bodies).</summary>
    public Names Names
    {
        get => _names;
        init => _names = value;
    }

    private Names _names = new();

    /// <summary>
    /// The derivative buffer of every array and, in a forward-over-reverse program, the tangents of both: filled once by
    /// the top-level writer and shared by the writers of loop bodies.
    /// </summary>
    private readonly Buffers _buffers;

    /// <summary>The derivative buffer of every array: the gradient spans, then the local arrays' adjoint or tangent buffers.</summary>
    private readonly Dictionary<ArrayRef, string> _derivatives;

    /// <summary>The tangent of every array's elements: the direction spans, then the local arrays' tangent buffers.</summary>
    private readonly Dictionary<ArrayRef, string> _tangents;

    /// <summary>The tangent of every derivative buffer: the Hessian-vector-product spans, then the local arrays' ones.</summary>
    private readonly Dictionary<ArrayRef, string> _products;

    /// <summary>The locals holding the local arrays, derivative buffers and scratch buffers that may be rented from the pool.</summary>
    private readonly List<string> _rented = new();

    /// <summary>The generic-math type parameter the code is written for (null for double or float).</summary>
    public string? Generic
    {
        get => _generic;
        init
        {
            _generic = value;
            _type = value ?? _type;
        }
    }

    /// <summary>
    /// In a forward-over-reverse program (a Hessian-vector product), for each differentiated array or span parameter,
    /// the escaped name of its direction span: the tangent of its elements.
    /// </summary>
    public IReadOnlyDictionary<ArrayRef, string> DirectionSpans { get; init; } = new Dictionary<ArrayRef, string>();

    /// <summary>
    /// In a forward-over-reverse program, for each differentiated array or span parameter, the escaped name of its
    /// Hessian-vector-product span: the tangent of its gradient span.
    /// </summary>
    public IReadOnlyDictionary<ArrayRef, string> ProductSpans { get; init; } = new Dictionary<ArrayRef, string>();

    /// <summary>Writes the statements and returns the C# text of each output.</summary>
    public IReadOnlyList<string> Write(Program program)
    {
        for (var i = 0; i < program.ParamCount; i++)
        {
            _text[i] = CSharpIdentifier.Escape(_parameters[i]);
        }

        foreach (var reverse in program.Body.OfType<ReverseLoop>())
        {
            _tapes.Add(reverse.Tape);
            _reversed.Add(reverse.Loop);
        }

        _mirrored.UnionWith(MirroredLoops(program.Body));

        CollectBools(program.Body);
        DeclareIntLocals(program);
        DeclareBuffers(program);
        DeclareScratch(program);
        DeclareStacks(program.Body);
        WriteBlock(program.Body);
        var rents = _rented.Concat(_stacks.All.OrderBy(loop => loop).Select(loop => TapeNames(loop).Rent));
        foreach (var rent in rents)
        {
            _writer.Line("if (" + rent + " is not null) global::System.Buffers.ArrayPool<" + _type + ">.Shared.Return(" + rent + ");");
        }

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
        PairSinesWithCosines(statements);
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
                case Loop { Restored: true } restored:
                    WriteRestore(restored);
                    break;
                case Loop loop:
                    WriteLoop(loop);
                    break;
                case ReverseLoop reverse:
                    WriteReverseLoop(reverse);
                    break;
                case FusedLoop fused:
                    WriteFusedLoop(fused);
                    break;
                case Store store:
                    _writer.Line(Buffer(store.Array, store.Derivative, store.Tangent) + "[" + _names.Print(store.Index) + "]" + (store.Accumulate ? " += " : " = ") + Text(store.Value) + ";");
                    break;
                case Alloc:
                    // Allocated at the method's start by DeclareBuffers.
                    break;
                case CallVjp call:
                    WriteCallVjp(call);
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
                _text[let.Id] = _generic is null ? Literals.Format(node.Value, _isFloat) : _generic + ".CreateTruncating(" + Literals.Format(node.Value, false) + ")";
                return;
            case Op.Field:
                _text[let.Id] = node.Name!;
                return;
            case Op.Project when _callResults.TryGetValue(node.Args[0], out var results):
                _text[let.Id] = results[node.Index];
                return;
            case Op.Project:
                _text[let.Id] = Text(node.Args[0]) + ".Item" + (node.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            case Op.Bool:
                _writer.Line("bool " + Declare(let.Id) + " = " + Condition(node.Cond!) + ";");
                return;
            case Op.Frozen when node.Name is { } member:
                // A field of a [NoDerivative] struct parameter or of a vector-Jacobian product's seed: already of the floating type.
                _text[let.Id] = (node.Index == Differentiate.StructResults.Seed ? _names.Seed : _names.Parameter(node.Index)) + "." + member;
                return;
            case Op.IntValue when node.Args.Count == 1:
                WriteIntLocal(let);
                return;
            case Op.IntValue or Op.Frozen:
                var value = IntegerOrFrozen(node);
                _text[let.Id] = _generic is null ? "(" + _type + ")(" + value + ")" : _generic + ".CreateTruncating(" + value + ")";
                return;
            case Op.Load:
                _writer.Line(_type + " " + Declare(let.Id) + " = " + Element(node) + ";");
                return;
            case Op.GradientCall when node.Shape.Count > 0:
                WriteShapedGradientCall(let);
                return;
            case Op.GradientCall:
                _writer.Line("var " + Declare(let.Id) + " = " + (node.Derivative ?? node.Name + "Gradient") + "(" + Arguments(node) + ");");
                return;
            case Op.JvpCall when node.Shape.Count > 0:
                WriteShapedJvpCall(let);
                return;
            case Op.JvpCall:
                _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Jvp(" + Arguments(node) + ");");
                return;
            case Op.HvpCall:
                _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Hvp(" + Arguments(node) + ");");
                return;
            case Op.Call when _sinCos.TryGetValue(let.Id, out var partner):
                WriteSinCos(let, partner);
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

    /// <summary>Sin and cos of the same value in one block: computed together by one SinCos call (about 0.7× the time of both).</summary>
    private void PairSinesWithCosines(IEnumerable<Stmt> statements)
    {
        var lets = statements.OfType<Let>().Where(l => l.Node is { Op: Op.Call, Name: "Sin" or "Cos", Args.Count: 1 }).ToList();
        foreach (var sine in lets.Where(l => l.Node.Name == "Sin"))
        {
            if (lets.FirstOrDefault(l => l.Node.Name == "Cos" && l.Node.Args[0] == sine.Node.Args[0]) is { } cosine)
            {
                _sinCos[sine.Id] = cosine.Id;
                _sinCos[cosine.Id] = sine.Id;
            }
        }
    }

    /// <summary>The first of a sin/cos pair declares both; the second is already written.</summary>
    private void WriteSinCos(Let let, int partner)
    {
        if (_text.ContainsKey(let.Id))
        {
            return;
        }

        var isSine = let.Node.Name == "Sin";
        var sine = Declare(isSine ? let.Id : partner);
        var cosine = Declare(isSine ? partner : let.Id);
        var owner = _generic ?? (_isFloat ? "global::System.MathF" : "global::System.Math");
        _writer.Line("var (" + sine + ", " + cosine + ") = " + owner + ".SinCos(" + Text(let.Node.Args[0]) + ");");
    }

    private string Expression(Node node) => node.Op switch
    {
        Op.Add => Text(node.Args[0]) + " + " + Text(node.Args[1]),
        Op.Sub => Text(node.Args[0]) + " - " + Text(node.Args[1]),
        Op.Mul => Text(node.Args[0]) + " * " + Text(node.Args[1]),
        Op.Div => Text(node.Args[0]) + " / " + Text(node.Args[1]),
        Op.Neg => "-" + Text(node.Args[0]),
        Op.Select => Condition(node.Cond!) + " ? " + Text(node.Args[0]) + " : " + Text(node.Args[1]),
        Op.UserCall when node.Shape.Count > 0 => node.Name + TypeArguments(node) + "(" + string.Join(", ", ShapedArguments(node)) + ")",
        Op.UserCall => node.Name + "(" + Arguments(node) + ")",
        Op.Call => Call(node),
        _ => throw new InvalidOperationException("Cannot write " + node.Op + "."),
    };

    private string Call(Node node)
    {
        var args = Arguments(node);
        if (_generic is { } t)
        {
            return node.Name switch
            {
                "LogBase" => t + ".Log(" + args + ")",
                "Sign" => t + ".CreateTruncating(" + t + ".Sign(" + args + "))",
                "ScaleB" => t + ".ScaleB(" + args + ", " + node.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",

                // Generic math has no sech or csch; the derivative table uses them (tanh′ = sech², coth′ = −csch²).
                "Sech" => "(" + t + ".One / " + t + ".Cosh(" + args + "))",
                "Csch" => "(" + t + ".One / " + t + ".Sinh(" + args + "))",
                var name => t + "." + name + "(" + args + ")",
            };
        }

        var math = _isFloat ? "global::System.MathF." : "global::System.Math.";
        return node.Name switch
        {
            "LogBase" => math + "Log(" + args + ")",
            "Sign" => "(" + _type + ")" + math + "Sign(" + args + ")",
            "ScaleB" => math + "ScaleB(" + args + ", " + node.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
            "Hypot" => (_isFloat ? "global::System.Single" : "global::System.Double") + ".Hypot(" + args + ")",
            "Clamp" => "global::System.Math.Clamp(" + args + ")",
            "ElementarySign" => "global::Leibniz.Elementary.Sign(" + args + ")",
            string name when ElementaryFunctions.Names.Contains(name) => "global::Leibniz.Elementary." + name + "(" + args + ")",
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

    /// <summary>An integer read as a floating value, or a [NoDerivative] floating parameter.</summary>
    private string IntegerOrFrozen(Node node) => node.Op == Op.Frozen ? _names.Parameter(node.Index) : _names.Print(node.Integer!);

    /// <summary>The element a <see cref="Op.Load"/> reads: of the array, of its derivative buffer (Index 2) or of their tangents (3, 4).</summary>
    private string Element(Node node) => Buffer(node.Array!, node.Index is 2 or 4, node.Index >= 3) + "[" + _names.Print(node.Integer!) + "]";

    /// <summary>The array itself, its derivative buffer, or the tangent of either (in a forward-over-reverse program).</summary>
    private string Buffer(ArrayRef array, bool derivative, bool tangent) => (derivative, tangent) switch
    {
        (true, true) => _products[array],
        (false, true) => _tangents[array],
        (true, false) => _derivatives[array],
        _ => _names.Array(array),
    };

    private string PhiSource(int phi, int source) => _bools.Contains(phi) && !_bools.Contains(source) ? "false" : Text(source);

    private string Arguments(Node node) => string.Join(", ", node.Args.Select(Text));

    private string Text(int id) => _text.TryGetValue(id, out var text) ? text : throw new InvalidOperationException("Value " + id + " is used before it is defined.");

    /// <summary>A fresh local name, declared by the caller.</summary>
    private string Fresh() => _prefix + _nextLocal[0]++.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Zero in the written type.</summary>
    private string Zero => _generic is null ? Literals.Format(0, _isFloat) : _generic + ".Zero";

    /// <summary>Assigns all outputs at once (through temporaries when one target feeds another output).</summary>
    private void Assign(IReadOnlyList<string> targets, IReadOnlyList<string> values, bool add)
    {
        var operation = add ? " += " : " = ";
        var staged = new List<string>();
        for (var j = 0; j < targets.Count; j++)
        {
            if (targets.Count > 1 && !add)
            {
                var temporary = Fresh();
                _writer.Line(_type + " " + temporary + " = " + values[j] + ";");
                staged.Add(temporary);
            }
            else
            {
                staged.Add(values[j]);
            }
        }

        for (var j = 0; j < targets.Count; j++)
        {
            if (staged[j] != targets[j] && !(add && staged[j] == Zero))
            {
                _writer.Line(targets[j] + operation + staged[j] + ";");
            }
        }
    }

    private IReadOnlyList<string> WriteNested(Program program, IReadOnlyList<string> inputs)
    {
        for (var i = 0; i < program.ParamCount; i++)
        {
            _text[i] = inputs[i];
        }

        foreach (var reverse in program.Body.OfType<ReverseLoop>())
        {
            _tapes.Add(reverse.Tape);
            _reversed.Add(reverse.Loop);
        }

        _mirrored.UnionWith(MirroredLoops(program.Body));

        CollectBools(program.Body);
        WriteBlock(program.Body);
        return program.Outputs.Select(Text).ToList();
    }

    private ProgramWriter Nested() => new(_writer, _isFloat, _parameters, _prefix, _nextLocal, _buffers, _scratch, _stacks, nested: true)
    {
        Names = _names,
        Generic = _generic,
        DirectionSpans = DirectionSpans,
        ProductSpans = ProductSpans,
    };

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The names of the buffers of one method, shared by the writers of its loop bodies.</summary>
    private sealed class Buffers
    {
        public Dictionary<ArrayRef, string> Derivatives { get; } = new();

        public Dictionary<ArrayRef, string> Tangents { get; } = new();

        public Dictionary<ArrayRef, string> Products { get; } = new();
    }
}
