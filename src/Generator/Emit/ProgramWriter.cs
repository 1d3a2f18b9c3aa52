using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Parse;

namespace Leibniz.Generator.Emit;

/// <summary>Writes an SSA program as C# statements: one local per value, atoms inlined, real if/else.</summary>
internal sealed partial class ProgramWriter
{
    private readonly CodeWriter _writer;
    private readonly bool _isFloat;
    private string _type;
    private string? _generic;
    private bool _dual;
    private readonly string _prefix;
    private readonly IReadOnlyList<string> _parameters;
    private readonly Dictionary<int, string> _text = new();
    private readonly HashSet<int> _bools = new();
    private readonly Dictionary<int, int> _sinCos = new();
    private readonly HashSet<int> _tapes = new();
    private readonly HashSet<int> _reversed = new();
    private readonly HashSet<Loop> _valueOnly = new();
    private readonly int[] _nextLocal;
    private readonly Stacks _stacks;
    private readonly bool _nested;

    public ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters)
        : this(writer, isFloat, parameters, Naming.LocalPrefix(parameters), new int[1], new Dictionary<string, string>(), new Stacks(), nested: false)
    {
    }

    /// <summary>A writer whose locals avoid every name in <paramref name="taken"/> (all parameters, gradient outputs).</summary>
    public ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters, IReadOnlyList<string> taken)
        : this(writer, isFloat, parameters, Naming.LocalPrefix(taken), new int[1], new Dictionary<string, string>(), new Stacks(), nested: false)
    {
    }

    private ProgramWriter(CodeWriter writer, bool isFloat, IReadOnlyList<string> parameters, string prefix, int[] nextLocal,
        IReadOnlyDictionary<string, string> gradientSpans, Stacks stacks, bool nested)
    {
        _stacks = stacks;
        _writer = writer;
        _isFloat = isFloat;
        _type = isFloat ? "float" : "double";
        _parameters = parameters;
        _prefix = prefix;
        _nextLocal = nextLocal;
        GradientSpans = gradientSpans;
        foreach (var span in gradientSpans)
        {
            _derivatives[span.Key] = span.Value;
        }

        _nested = nested;
    }

    /// <summary>For each differentiated array or span parameter (escaped name), the escaped name of its gradient span.</summary>
    public IReadOnlyDictionary<string, string> GradientSpans { get; init; }

    /// <summary>The derivative buffer of every array: the gradient spans, then the local arrays' adjoint or tangent buffers.</summary>
    private readonly Dictionary<string, string> _derivatives = new();

    /// <summary>The local arrays and derivative buffers that may be rented from the pool, with the local holding the rented array.</summary>
    private readonly List<(Alloc Alloc, string Rent)> _rented = new();

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
    /// Second order: the program runs on <see cref="DualType"/> (value and tangent), which makes it forward mode
    /// over the reverse-mode program. Locals are declared <c>var</c>, so values that depend on no parameter
    /// (constants, integer values, [NoDerivative] data) stay <c>double</c>; a differentiated array element is read
    /// together with its element of <see cref="DirectionSpans"/>, and an element adjoint adds its value into the
    /// gradient span and its tangent into <see cref="ProductSpans"/>. Local arrays and their buffers hold Duals.
    /// </summary>
    public bool Dual
    {
        get => _dual;
        init
        {
            _dual = value;
            _type = value ? DualType : _type;
        }
    }

    /// <summary>In <see cref="Dual"/> mode, for each differentiated array or span parameter, the escaped name of its direction span.</summary>
    public IReadOnlyDictionary<string, string> DirectionSpans { get; init; } = new Dictionary<string, string>();

    /// <summary>In <see cref="Dual"/> mode, for each differentiated array or span parameter, the escaped name of its Hessian-vector-product span.</summary>
    public IReadOnlyDictionary<string, string> ProductSpans { get; init; } = new Dictionary<string, string>();

    /// <summary>In <see cref="Dual"/> mode, the cast that turns a double into an element of the caller's spans ("(float)" for float methods).</summary>
    public string ElementCast { get; init; } = "";

    /// <summary>The runtime's dual number, written fully qualified.</summary>
    public const string DualType = "global::Leibniz.Dual";

    /// <summary>C# text that reads <paramref name="text"/> (a double or a Dual atom) as a Dual.</summary>
    public static string AsDual(string text) => "((" + DualType + ")(" + text + "))";

    /// <summary>Writes the statements and returns the C# text of each output.</summary>
    public IReadOnlyList<string> Write(Program program)
    {
        for (var i = 0; i < program.ParamCount; i++)
        {
            _text[i] = Naming.Escape(_parameters[i]);
        }

        foreach (var reverse in program.Body.OfType<ReverseLoop>())
        {
            _tapes.Add(reverse.Tape);
            _reversed.Add(reverse.Loop);
        }

        CollectBools(program.Body);
        DeclareBuffers(program);
        DeclareStacks(program.Body);
        if (_dual)
        {
            _valueOnly.UnionWith(ValueOnlyLoops(program));
        }

        WriteBlock(program.Body);
        var rents = _rented.Select(r => r.Rent).Concat(_stacks.All.OrderBy(loop => loop).Select(loop => TapeNames(loop).Rent));
        foreach (var rent in rents)
        {
            _writer.Line("if (" + rent + " is not null) global::System.Buffers.ArrayPool<" + _type + ">.Shared.Return(" + rent + ");");
        }

        return program.Outputs.Select(Text).ToList();
    }

    /// <summary>
    /// Names every array's derivative buffer and declares, up front (a local array may be declared inside a branch),
    /// the locals that hold the buffers rented from the pool, so they are all returned at the end.
    /// </summary>
    private void DeclareBuffers(Program program)
    {
        foreach (var span in GradientSpans)
        {
            _derivatives[span.Key] = span.Value;
        }

        foreach (var alloc in Loops.Allocations(program.Body))
        {
            _derivatives[alloc.Array] = alloc.DerivativeArray;
            if (_generic is not null || !FitsOnStack(alloc.Length))
            {
                var rent = _prefix + "pool" + Int(_rented.Count);
                _rented.Add((alloc, rent));
                _writer.Line(_type + "[]? " + rent + " = null;");
            }
        }
    }

    /// <summary>
    /// The stacks of the loops nested in recording loop nests, and of the loops inside branches (whose reverse loops
    /// run in the mirrored branch of the reverse pass), live as long as the method: the forward pass pushes, the
    /// reverse pass pops. Each starts with 256 values (on the stack; rented for generic code) and doubles. The
    /// iteration counters of loops inside branches are declared with them.
    /// </summary>
    private void DeclareStacks(IEnumerable<Stmt> body)
    {
        CollectStacks(body, inBranch: false);
        foreach (var loop in _stacks.Counted.Where(_stacks.Reversed.Contains).OrderBy(loop => loop))
        {
            _writer.Line("int " + CounterName(loop) + " = 0;");
        }

        foreach (var loop in _stacks.All.OrderBy(loop => loop))
        {
            var (tape, rent, position) = TapeNames(loop);
            var pool = "global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(" + Int(StackTapeLength) + ")";
            _writer.Line(_type + "[]? " + rent + (_generic is null ? " = null;" : " = " + pool + ";"));
            _writer.Line("global::System.Span<" + _type + "> " + tape + " = " + (_generic is null ? "stackalloc " + _type + "[" + Int(StackTapeLength) + "]" : rent) + ";");
            _writer.Line("int " + position + " = 0;");
        }
    }

    private void CollectStacks(IEnumerable<Stmt> statements, bool inBranch)
    {
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case Loop loop:
                    if (loop.Record)
                    {
                        _stacks.Recorded.Add(loop.Tape);
                    }

                    if (inBranch)
                    {
                        _stacks.Branched.Add(loop.Tape);
                    }

                    if (inBranch && (loop.HasExit || loop.Test is not null))
                    {
                        _stacks.Counted.Add(loop.Tape);
                    }

                    CollectStacks(loop.Body.Body, inBranch: false);
                    break;
                case ReverseLoop reverse:
                    if (reverse.Tape >= 0)
                    {
                        _stacks.Taped.Add(reverse.Loop);
                    }

                    _stacks.Reversed.Add(reverse.Loop);
                    CollectStacks(reverse.Vjp.Body, inBranch: false);
                    break;
                case If branch:
                    CollectStacks(branch.Then, inBranch: true);
                    CollectStacks(branch.Else, inBranch: true);
                    break;
            }
        }
    }

    /// <summary>Pushes values on a growing tape, doubling it through the pool when it is full.</summary>
    private void WritePush(int tapeNumber, IReadOnlyList<string> values)
    {
        var (tape, rent, position) = TapeNames(tapeNumber);
        var pool = "global::System.Buffers.ArrayPool<" + _type + ">.Shared";
        _writer.Open("if (" + position + " + " + Int(values.Count) + " > " + tape + ".Length)");
        var bigger = Fresh();
        _writer.Line("var " + bigger + " = " + pool + ".Rent(2 * " + tape + ".Length);");
        _writer.Line(tape + ".CopyTo(" + bigger + ");");
        _writer.Line("if (" + rent + " is not null) " + pool + ".Return(" + rent + ");");
        _writer.Line(rent + " = " + bigger + ";");
        _writer.Line(tape + " = " + bigger + ";");
        _writer.Close();
        foreach (var value in values)
        {
            _writer.Line(tape + "[" + position + "++] = " + value + ";");
        }
    }

    /// <summary>A nested loop in an outer loop's reverse pass: its results, popped from where its forward run pushed them.</summary>
    private void WriteRestore(Loop loop)
    {
        var (tape, _, position) = TapeNames(loop.Tape);
        _writer.Line(position + " -= " + Int(loop.Results.Count) + ";");
        for (var j = 0; j < loop.Results.Count; j++)
        {
            _writer.Line(_type + " " + Declare(loop.Results[j]) + " = " + tape + "[" + position + " + " + Int(j) + "];");
        }
    }

    private static bool FitsOnStack(string length) =>
        int.TryParse(length, System.Globalization.NumberStyles.Integer, System.Globalization.CultureInfo.InvariantCulture, out var n) && n <= StackTapeLength;

    /// <summary>A local array: on the stack up to <see cref="StackTapeLength"/> elements, rented (and cleared) beyond that.</summary>
    private void WriteAlloc(Alloc alloc)
    {
        var declaration = "global::System.Span<" + _type + "> " + alloc.Name + " = ";
        if (_rented.FirstOrDefault(r => r.Alloc == alloc).Rent is not { } rent)
        {
            _writer.Line(declaration + "stackalloc " + _type + "[" + alloc.Length + "];");
            return;
        }

        var rented = "new global::System.Span<" + _type + ">(" + rent + " = global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(" + alloc.Length + "), 0, " + alloc.Length + ")";
        _writer.Line(declaration + (_generic is null ? alloc.Length + " <= " + Int(StackTapeLength) + " ? stackalloc " + _type + "[" + alloc.Length + "] : " : "") + rented + ";");
        _writer.Line("if (" + rent + " is not null) " + alloc.Name + ".Clear();");
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
                case Loop loop when _valueOnly.Contains(loop):
                    WriteOnDoubles(loop);
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
                case Store { Derivative: true } store when _dual && ProductSpans.ContainsKey(store.Array):
                    WriteDualStore(store);
                    break;
                case Store store:
                    _writer.Line((store.Derivative ? _derivatives[store.Array] : store.Array) + "[" + store.Index + "]" + (store.Accumulate ? " += " : " = ") + Text(store.Value) + ";");
                    break;
                case Alloc alloc:
                    WriteAlloc(alloc);
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
            case Op.Project when _dual:
                _text[let.Id] = _calls[node.Args[0]][node.Index];
                return;
            case Op.Project:
                _text[let.Id] = Text(node.Args[0]) + ".Item" + (node.Index + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                return;
            case Op.Bool:
                _writer.Line("bool " + Declare(let.Id) + " = " + Condition(node.Cond!) + ";");
                return;
            case Op.IntValue when _dual:
                _text[let.Id] = "(double)(" + node.Text + ")";
                return;
            case Op.Load when _dual:
                WriteDualLoad(let);
                return;
            case Op.GradientCall when _dual:
                WriteDualCall(let);
                return;
            case Op.IntValue:
                _text[let.Id] = _generic is null ? "(" + _type + ")(" + node.Text + ")" : _generic + ".CreateTruncating(" + node.Text + ")";
                return;
            case Op.Load:
                _writer.Line(_type + " " + Declare(let.Id) + " = " + (node.Index == 2 ? _derivatives[node.Name!] : node.Name) + "[" + node.Text + "];");
                return;
            case Op.GradientCall:
                _writer.Line("var " + Declare(let.Id) + " = " + (node.Text ?? node.Name + "Gradient") + "(" + Arguments(node) + ");");
                return;
            case Op.JvpCall:
                _writer.Line("var " + Declare(let.Id) + " = " + node.Name + "Jvp(" + Arguments(node) + ");");
                return;
            case Op.Call when _sinCos.TryGetValue(let.Id, out var partner):
                WriteSinCos(let, partner);
                return;
            default:
                var expression = Expression(node);
                _writer.Line((_dual ? "var" : _type) + " " + Declare(let.Id) + " = " + expression + ";");
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
        // Dual computes its cosine's derivative from its own SinCos; the pairing is for plain floating code.
        if (_dual)
        {
            return;
        }

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
        Op.UserCall => node.Name + "(" + Arguments(node) + ")",
        Op.Call => Call(node),
        _ => throw new InvalidOperationException("Cannot write " + node.Op + "."),
    };

    private string Call(Node node)
    {
        var args = Arguments(node);
        if (_dual)
        {
            return DualCall(node, args);
        }

        if (_generic is { } t)
        {
            return node.Name switch
            {
                "LogBase" => t + ".Log(" + args + ")",
                "Sign" => t + ".CreateTruncating(" + t + ".Sign(" + args + "))",
                "ScaleB" => t + ".ScaleB(" + args + ", " + node.Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
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

    /// <summary>A fresh local name, declared by the caller.</summary>
    private string Fresh() => _prefix + _nextLocal[0]++.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A forward loop. When a reverse loop will replay it, every iteration first pushes the carried values onto
    /// a tape: stack memory for up to <see cref="StackTapeLength"/> values at the top level of the method,
    /// a buffer rented from the shared ArrayPool otherwise.
    /// </summary>
    private void WriteLoop(Loop loop)
    {
        var k = loop.Results.Count;
        var carried = new List<string>();
        for (var j = 0; j < k; j++)
        {
            var name = Fresh();
            _writer.Line(_type + " " + name + " = " + Text(loop.Inputs[j]) + ";");
            carried.Add(name);
        }

        var onStack = _stacks.OnStack(loop.Tape);
        var taped = onStack ? _stacks.Taped.Contains(loop.Tape) : _tapes.Contains(loop.Tape);
        var (tape, rent, position) = TapeNames(loop.Tape);
        if (loop.Test is { } test)
        {
            WriteWhileLoop(loop, test, carried, taped);
            return;
        }

        if (taped && !onStack)
        {
            var pool = "global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(";
            var count = "global::System.Math.Max(0, " + loop.End + " - " + loop.Start + ") * " + Int(k);
            _writer.Line(_type + "[]? " + rent + " = null;");
            _writer.Line(RentsTapes
                ? "global::System.Span<" + _type + "> " + tape + " = " + rent + " = " + pool + count + ");"
                : "global::System.Span<" + _type + "> " + tape + " = " + count + " <= " + Int(StackTapeLength) + " ? stackalloc " + _type + "[" + Int(StackTapeLength) + "] : ("
                    + rent + " = " + pool + count + "));");
            _writer.Line("int " + position + " = 0;");
        }

        var counted = loop.HasExit && (_stacks.Counted.Contains(loop.Tape) ? _stacks.Reversed.Contains(loop.Tape) : _reversed.Contains(loop.Tape));
        if (counted && !_stacks.Counted.Contains(loop.Tape))
        {
            _writer.Line("int " + CounterName(loop.Tape) + " = 0;");
        }

        _writer.Open("for (int " + loop.Variable + " = " + loop.Start + "; " + loop.Variable + " < " + loop.End + "; " + loop.Variable + "++)");
        if (taped && onStack)
        {
            WritePush(loop.Tape, carried);
        }
        else if (taped)
        {
            foreach (var name in carried)
            {
                _writer.Line(tape + "[" + position + "++] = " + name + ";");
            }
        }

        var inputs = carried.Concat(loop.Inputs.Skip(k).Select(Text)).ToList();
        var outputs = Nested().WriteNested(loop.Body, inputs);
        Assign(carried, outputs.Take(k).ToList(), add: false);
        WriteExit(loop, outputs, counted);
        _writer.Close();
        for (var j = 0; j < k; j++)
        {
            _text[loop.Results[j]] = carried[j];
        }

        if (loop.Record)
        {
            WritePush(loop.Tape, carried);
        }
    }

    /// <summary>After a body with a break: count the iteration (for the reverse pass), then stop if the body said so.</summary>
    private void WriteExit(Loop loop, IReadOnlyList<string> outputs, bool counted)
    {
        if (counted)
        {
            _writer.Line(CounterName(loop.Tape) + "++;");
        }

        if (loop.HasExit)
        {
            _writer.Line("if (" + outputs[loop.Results.Count] + " == " + Zero + ") break;");
        }
    }

    /// <summary>A while loop: its tape starts on the stack (top level) or with a rented buffer and doubles when full.</summary>
    private void WriteWhileLoop(Loop loop, Ir.Program test, List<string> carried, bool taped)
    {
        var k = loop.Results.Count;
        var (tape, rent, position) = TapeNames(loop.Tape);
        var counter = CounterName(loop.Tape);
        var pool = "global::System.Buffers.ArrayPool<" + _type + ">.Shared";
        var hoisted = _stacks.Counted.Contains(loop.Tape);
        var reversed = hoisted ? _stacks.Reversed.Contains(loop.Tape) : _reversed.Contains(loop.Tape);
        if (reversed && !hoisted)
        {
            _writer.Line("int " + counter + " = 0;");
        }

        if (taped && !hoisted)
        {
            _writer.Line(_type + "[]? " + rent + (RentsTapes ? " = " + pool + ".Rent(" + Int(StackTapeLength) + ");" : " = null;"));
            _writer.Line("global::System.Span<" + _type + "> " + tape + " = " + (RentsTapes ? rent : "stackalloc " + _type + "[" + Int(StackTapeLength) + "]") + ";");
            _writer.Line("int " + position + " = 0;");
        }

        var inputs = carried.Concat(loop.Inputs.Skip(k).Select(Text)).ToList();
        _writer.Open("while (true)");
        var proceed = Nested().WriteNested(test, inputs)[0];
        if (!test.Body.Any(s => s is Let { Node.Op: Op.Const, Node.Value: 1 } let && let.Id == test.Outputs[0]))
        {
            _writer.Line("if (" + proceed + " == " + Zero + ") break;");
        }

        if (taped)
        {
            WritePush(loop.Tape, carried);
        }

        var outputs = Nested().WriteNested(loop.Body, inputs);
        Assign(carried, outputs.Take(k).ToList(), add: false);
        WriteExit(loop, outputs, reversed);

        _writer.Close();
        for (var j = 0; j < k; j++)
        {
            _text[loop.Results[j]] = carried[j];
        }
    }

    /// <summary>Zero in the written type.</summary>
    private string Zero => _generic is null ? Literals.Format(0, _isFloat) : _generic + ".Zero";

    /// <summary>Nested loops rent their tapes; so do generic-math methods, whose T may be a managed type (no stackalloc).</summary>
    private bool RentsTapes => _nested || _generic is not null;

    private string CounterName(int loop) => _prefix + "iterations" + Int(loop);

    /// <summary>A loop of accumulators and its reverse pass in one: each iteration's vector-Jacobian product also yields its carried values.</summary>
    private void WriteFusedLoop(FusedLoop fused)
    {
        var k = fused.CarriedCount;
        var carried = new List<string>();
        for (var j = 0; j < k; j++)
        {
            var name = Fresh();
            _writer.Line(_type + " " + name + " = " + Text(fused.Inputs[j]) + ";");
            carried.Add(name);
        }

        var sums = new List<string>();
        foreach (var _ in fused.Adjoints)
        {
            var name = Fresh();
            _writer.Line(_type + " " + name + " = " + Literals.Format(0, _isFloat) + ";");
            sums.Add(name);
        }

        _writer.Open("for (int " + fused.Variable + " = " + fused.Start + "; " + fused.Variable + " < " + fused.End + "; " + fused.Variable + "++)");
        var inputs = carried.Concat(fused.Inputs.Skip(k).Select(Text)).Concat(fused.Seeds.Select(Text)).ToList();
        var outputs = Nested().WriteNested(fused.Vjp, inputs);

        // The sums first: an adjoint may read a carried value of this iteration, read before it changes.
        Assign(sums, outputs.Take(sums.Count).ToList(), add: true);
        Assign(carried, outputs.Skip(sums.Count).ToList(), add: false);
        _writer.Close();
        for (var j = 0; j < k; j++)
        {
            _text[fused.Results[j]] = carried[j];
        }

        for (var i = 0; i < sums.Count; i++)
        {
            _text[fused.Adjoints[i]] = sums[i];
        }
    }

    private void WriteReverseLoop(ReverseLoop reverse)
    {
        var k = reverse.CarriedCount;
        var adjoints = new List<string>();
        for (var j = 0; j < reverse.Results.Count; j++)
        {
            var name = Fresh();
            _writer.Line((IsPassedThrough(reverse, j) ? "var" : _type) + " " + name + " = " + (j < k ? Text(reverse.Seeds[j]) : Zero) + ";");
            adjoints.Add(name);
        }

        var (tape, rent, position) = TapeNames(reverse.Tape);
        if (reverse.IsWhile)
        {
            var iteration = _prefix + "iteration" + Int(reverse.Loop);
            _writer.Open("for (int " + iteration + " = " + CounterName(reverse.Loop) + " - 1; " + iteration + " >= 0; " + iteration + "--)");
        }
        else if (reverse.HasExit)
        {
            _writer.Open("for (int " + reverse.Variable + " = " + reverse.Start + " + " + CounterName(reverse.Loop) + " - 1; " + reverse.Variable + " >= " + reverse.Start + "; " + reverse.Variable + "--)");
        }
        else
        {
            _writer.Open("for (int " + reverse.Variable + " = " + reverse.End + " - 1; " + reverse.Variable + " >= " + reverse.Start + "; " + reverse.Variable + "--)");
        }
        var restored = new List<string>();
        if (reverse.Tape >= 0)
        {
            _writer.Line(position + " -= " + Int(k) + ";");
            for (var j = 0; j < k; j++)
            {
                var name = Fresh();
                _writer.Line(_type + " " + name + " = " + tape + "[" + position + " + " + Int(j) + "];");
                restored.Add(name);
            }
        }
        else
        {
            restored.AddRange(Enumerable.Repeat(Zero, k));
        }

        var inputs = restored.Concat(reverse.Inputs.Select(Text)).Concat(adjoints.Take(k)).ToList();
        if (reverse.HasExit)
        {
            inputs.Add(Zero);
        }

        var outputs = Nested().WriteNested(reverse.Vjp, inputs);
        // The sums first: an input's adjoint may be a carried adjoint itself (a + q has ∂/∂a = q̄), read before it changes.
        Assign(adjoints.Skip(k).ToList(), outputs.Skip(k).ToList(), add: true);
        Assign(adjoints.Take(k).ToList(), outputs.Take(k).ToList(), add: false);
        _writer.Close();
        for (var j = 0; j < reverse.Results.Count; j++)
        {
            _text[reverse.Results[j]] = adjoints[j];
        }

        if (reverse.Tape < 0 || _stacks.OnStack(reverse.Loop))
        {
            return;
        }

        _writer.Line("if (" + rent + " is not null) global::System.Buffers.ArrayPool<" + _type + ">.Shared.Return(" + rent + ");");
    }

    /// <summary>Assigns all outputs at once (through temporaries when one target feeds another output).</summary>
    private void Assign(IReadOnlyList<string> targets, IReadOnlyList<string> values, bool add)
    {
        var operation = add ? " += " : " = ";
        var staged = new List<string>();
        for (var j = 0; j < targets.Count; j++)
        {
            // A Dual-mode target that keeps its value needs no temporary (and may be a double: IsPassedThrough).
            if (targets.Count > 1 && !add && !(_dual && values[j] == targets[j]))
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

        CollectBools(program.Body);
        WriteBlock(program.Body);
        return program.Outputs.Select(Text).ToList();
    }

    private ProgramWriter Nested() => new(_writer, _isFloat, _parameters, _prefix, _nextLocal, _derivatives, _stacks, nested: true)
    {
        Generic = _generic,
        Dual = _dual,
        DirectionSpans = DirectionSpans,
        ProductSpans = ProductSpans,
        ElementCast = ElementCast,
    };

    /// <summary>The loops whose records live on the method's stacks, and those whose reverse loops pop carried values.</summary>
    private sealed class Stacks
    {
        /// <summary>Loops nested in recording nests.</summary>
        public HashSet<int> Recorded { get; } = new();

        /// <summary>Loops inside branches of the method's top level.</summary>
        public HashSet<int> Branched { get; } = new();

        /// <summary>Every loop whose tape is one of the method's stacks.</summary>
        public IEnumerable<int> All => Recorded.Concat(Branched.Where(Taped.Contains)).Distinct();

        /// <summary>Loops whose reverse loop pops carried values.</summary>
        public HashSet<int> Taped { get; } = new();

        /// <summary>Loops that have a reverse loop somewhere in the program.</summary>
        public HashSet<int> Reversed { get; } = new();

        /// <summary>Loops inside branches that count their iterations (while loops and loops with a break).</summary>
        public HashSet<int> Counted { get; } = new();

        public bool OnStack(int loop) => Recorded.Contains(loop) || (Branched.Contains(loop) && Taped.Contains(loop));
    }

    private (string Tape, string Rent, string Position) TapeNames(int tape) =>
        (_prefix + "tape" + Int(tape), _prefix + "rented" + Int(tape), _prefix + "top" + Int(tape));

    private static string Int(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The most values a top-level loop records on the stack before it rents a buffer instead.</summary>
    public const int StackTapeLength = 256;

    private string Declare(int id)
    {
        var name = _prefix + _nextLocal[0]++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _text[id] = name;
        return name;
    }
}
