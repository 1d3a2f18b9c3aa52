using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Emit;

/// <summary>
/// Loops: forward loops with their tapes, reverse loops that pop them, loops reversed as they run, and the
/// method-level stacks of nested loops and of loops inside branches.
/// </summary>
internal sealed partial class ProgramWriter
{
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
            DeclareGrowingTape(loop);
        }
    }

    /// <summary>
    /// A tape whose length is not known in advance (a while loop's, a method-level stack): 256 values on the stack,
    /// or rented where stack memory cannot be used (nested writers, generic code); <see cref="WritePush"/> doubles it.
    /// </summary>
    private void DeclareGrowingTape(int loop)
    {
        var (tape, rent, position) = TapeNames(loop);
        var pool = "global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(" + Int(StackTapeLength) + ")";
        _writer.Line(_type + "[]? " + rent + (RentsTapes ? " = " + pool + ";" : " = null;"));
        _writer.Line("global::System.Span<" + _type + "> " + tape + " = " + (RentsTapes ? rent : "stackalloc " + _type + "[" + Int(StackTapeLength) + "]") + ";");
        _writer.Line("int " + position + " = 0;");
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

    /// <summary>
    /// The loops whose reverse loop is in a branch of these statements (through branches, not loop bodies). A loop in
    /// a branch pushes onto its stack only where its reverse loop follows in the same program — not in the forward
    /// pass of an outer loop whose reverse iterations run the branch again, which would push records nobody pops.
    /// </summary>
    private static IEnumerable<int> MirroredLoops(IEnumerable<Stmt> statements) => statements.SelectMany(s => s switch
    {
        If branch => branch.Then.Concat(branch.Else).OfType<ReverseLoop>().Select(r => r.Loop).Concat(MirroredLoops(branch.Then)).Concat(MirroredLoops(branch.Else)),
        _ => Enumerable.Empty<int>(),
    });

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

    /// <summary>
    /// A forward loop. When a reverse loop will replay it, every iteration first pushes the carried values onto
    /// a tape: stack memory for up to <see cref="StackTapeLength"/> values at the top level of the method,
    /// a buffer rented from the shared ArrayPool otherwise.
    /// </summary>
    private void WriteLoop(Loop loop)
    {
        var k = loop.Results.Count;
        var carried = DeclareCarried(loop.Inputs, k, loop.Body, 0);

        var onStack = _stacks.OnStack(loop.Tape);
        var taped = _stacks.Branched.Contains(loop.Tape) && !_stacks.Recorded.Contains(loop.Tape)
            ? _stacks.Taped.Contains(loop.Tape) && _mirrored.Contains(loop.Tape)
            : onStack ? _stacks.Taped.Contains(loop.Tape) : _tapes.Contains(loop.Tape);
        var (tape, rent, position) = TapeNames(loop.Tape);
        if (loop.Test is { } test)
        {
            WriteWhileLoop(loop, test, carried, taped);
            return;
        }

        if (taped && !onStack)
        {
            var pool = "global::System.Buffers.ArrayPool<" + _type + ">.Shared.Rent(";
            var count = "global::System.Math.Max(0, " + Trips(loop.Counter!) + ") * " + Int(k);
            _writer.Line(_type + "[]? " + rent + " = null;");
            _writer.Line(RentsTapes
                ? "global::System.Span<" + _type + "> " + tape + " = " + rent + " = " + pool + count + ");"
                : "global::System.Span<" + _type + "> " + tape + " = " + count + " <= " + Int(StackTapeLength) + " ? stackalloc " + _type + "[" + Int(StackTapeLength) + "] : ("
                    + rent + " = " + pool + count + "));");
            _writer.Line("int " + position + " = 0;");
        }

        var counted = loop.HasExit && (_stacks.Counted.Contains(loop.Tape) ? _stacks.Reversed.Contains(loop.Tape) : _reversed.Contains(loop.Tape));
        if (counted)
        {
            // A counter of the method (a loop in a branch) restarts too: the branch may be in a loop body that runs again.
            _writer.Line((_stacks.Counted.Contains(loop.Tape) ? "" : "int ") + CounterName(loop.Tape) + " = 0;");
        }

        _writer.Open(Header(loop.Counter!));
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
        AssignCarried(carried, outputs.Take(k).ToList(), loop.Body, 0);
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

    /// <summary>
    /// The locals of a loop's carried values, initialised from its first inputs; a value the body hands on unchanged (one
    /// that dead-code elimination froze, see <c>Liveness</c>) is its initial value throughout and needs no local.
    /// </summary>
    private List<string> DeclareCarried(Model.EquatableArray<int> inputs, int count, Ir.Program body, int firstCarriedOutput)
    {
        var carried = new List<string>();
        for (var j = 0; j < count; j++)
        {
            if (body.Outputs[firstCarriedOutput + j] == j)
            {
                carried.Add(Text(inputs[j]));
                continue;
            }

            var name = Fresh();
            _writer.Line(_type + " " + name + " = " + Text(inputs[j]) + ";");
            carried.Add(name);
        }

        return carried;
    }

    /// <summary>The carried values after an iteration, but for the frozen ones (see <see cref="DeclareCarried"/>).</summary>
    private void AssignCarried(List<string> carried, List<string> values, Ir.Program body, int firstCarriedOutput)
    {
        var changing = Enumerable.Range(0, carried.Count).Where(j => body.Outputs[firstCarriedOutput + j] != j).ToList();
        Assign(changing.Select(j => carried[j]).ToList(), changing.Select(j => values[j]).ToList(), add: false);
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
        var counter = CounterName(loop.Tape);
        var hoisted = _stacks.Counted.Contains(loop.Tape);
        var reversed = hoisted ? _stacks.Reversed.Contains(loop.Tape) : _reversed.Contains(loop.Tape);
        if (reversed)
        {
            _writer.Line((hoisted ? "" : "int ") + counter + " = 0;");
        }

        if (taped && !hoisted)
        {
            DeclareGrowingTape(loop.Tape);
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
        AssignCarried(carried, outputs.Take(k).ToList(), loop.Body, 0);
        WriteExit(loop, outputs, reversed);

        _writer.Close();
        for (var j = 0; j < k; j++)
        {
            _text[loop.Results[j]] = carried[j];
        }
    }

    /// <summary>Nested loops rent their tapes; so do generic-math methods, whose T may be a managed type (no stackalloc).</summary>
    private bool RentsTapes => _nested || _generic is not null;

    private string CounterName(int loop) => _prefix + "iterations" + Int(loop);

    /// <summary><c>for (int i = start; i &lt; end; i++)</c>, or counting down <c>for (int i = start; i &gt; end; i--)</c>.</summary>
    private string Header(LoopCounter counter)
    {
        var i = _names.Declare(counter);
        var (compare, step) = counter.Step > 0 ? (" < ", "++") : (" > ", "--");
        return "for (int " + i + " = " + _names.Print(counter.Start) + "; " + i + compare + _names.Print(counter.End) + "; " + i + step + ")";
    }

    /// <summary>
    /// The same iterations in the opposite order: from the last one (of <paramref name="iterations"/> when a break may
    /// have ended the loop early) back to <c>start</c>.
    /// </summary>
    private string ReverseHeader(LoopCounter counter, string? iterations)
    {
        var i = _names.Declare(counter);
        var start = _names.Print(counter.Start);
        var (sign, back, compare, step) = counter.Step > 0 ? (" - ", " + ", " >= ", "--") : (" + ", " - ", " <= ", "++");
        var last = iterations is null ? _names.Print(counter.End) + sign + "1" : start + back + iterations + sign + "1";
        return "for (int " + i + " = " + last + "; " + i + compare + start + "; " + i + step + ")";
    }

    /// <summary>The trip count of a counted loop (negative when it runs no iteration).</summary>
    private string Trips(LoopCounter counter) => counter.Step > 0
        ? _names.Print(counter.End) + " - " + _names.Print(counter.Start)
        : _names.Print(counter.Start) + " - " + _names.Print(counter.End);

    /// <summary>A loop of accumulators and its reverse pass in one: each iteration's vector-Jacobian product also yields its carried values.</summary>
    private void WriteFusedLoop(FusedLoop fused)
    {
        var k = fused.CarriedCount;
        var carried = DeclareCarried(fused.Inputs, k, fused.Vjp, fused.Adjoints.Count);

        var sums = new List<string>();
        var declarations = new List<int>();
        foreach (var _ in fused.Adjoints)
        {
            var name = Fresh();
            declarations.Add(_writer.Position);
            _writer.Line(_type + " " + name + " = " + Zero + ";");
            sums.Add(name);
        }

        _writer.Open(Header(fused.Counter));
        var inputs = carried.Concat(fused.Inputs.Skip(k).Select(Text)).Concat(fused.Seeds.Select(Text)).ToList();
        var outputs = Nested().WriteNested(fused.Vjp, inputs);

        // The sums first: an adjoint may read a carried value of this iteration, read before it changes.
        Assign(sums, outputs.Take(sums.Count).ToList(), add: true);
        AssignCarried(carried, outputs.Skip(sums.Count).ToList(), fused.Vjp, sums.Count);
        _writer.Close();
        for (var j = 0; j < k; j++)
        {
            _text[fused.Results[j]] = carried[j];
        }

        // A sum no iteration adds to (the adjoint of an integer's start, say) would be an unused local (CS0219).
        for (var i = sums.Count - 1; i >= 0; i--)
        {
            var neverAdded = outputs[i] == Zero;
            if (neverAdded)
            {
                _writer.RemoveLine(declarations[i]);
            }

            _text[fused.Adjoints[i]] = neverAdded ? Zero : sums[i];
        }
    }

    private void WriteReverseLoop(ReverseLoop reverse)
    {
        var k = reverse.CarriedCount;
        var adjoints = new List<string>();
        var declarations = new List<int>();
        for (var j = 0; j < reverse.Results.Count; j++)
        {
            var name = Fresh();
            declarations.Add(_writer.Position);
            _writer.Line(_type + " " + name + " = " + (j < k ? Text(reverse.Seeds[j]) : Zero) + ";");
            adjoints.Add(name);
        }

        var (tape, rent, position) = TapeNames(reverse.Tape);
        if (reverse.IsWhile)
        {
            var iteration = _prefix + "iteration" + Int(reverse.Loop);
            _writer.Open("for (int " + iteration + " = " + CounterName(reverse.Loop) + " - 1; " + iteration + " >= 0; " + iteration + "--)");
        }
        else
        {
            _writer.Open(ReverseHeader(reverse.Counter!, reverse.HasExit ? CounterName(reverse.Loop) : null));
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
        for (var j = reverse.Results.Count - 1; j >= 0; j--)
        {
            if (reverse.Results[j] != ReverseLoop.Unused)
            {
                _text[reverse.Results[j]] = adjoints[j];
            }
            else if (outputs[j] == Zero)
            {
                // Never added to and never read: declaring it would be an unused local (CS0219).
                _writer.RemoveLine(declarations[j]);
            }
        }

        if (reverse.Tape < 0 || _stacks.OnStack(reverse.Loop))
        {
            return;
        }

        _writer.Line("if (" + rent + " is not null) global::System.Buffers.ArrayPool<" + _type + ">.Shared.Return(" + rent + ");");
    }

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

    /// <summary>The most values a top-level loop records on the stack before it rents a buffer instead.</summary>
    public const int StackTapeLength = 256;

    private string Declare(int id)
    {
        var name = _prefix + _nextLocal[0]++.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _text[id] = name;
        return name;
    }
}
