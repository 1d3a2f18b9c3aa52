using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Leibniz;

/// <summary>
/// A reverse-mode automatic-differentiation tape: a flat Wengert list that records every operation on
/// <see cref="Var"/> values, then computes the gradient of one output with respect to every recorded value in a
/// single reverse sweep (<see cref="Backward(Var)"/>).
/// </summary>
/// <remarks>
/// <para>Each recorded node stores at most two (parent index, local partial derivative) pairs, in
/// structure-of-arrays form. The arrays grow by doubling; once grown, recording, <see cref="Backward(Var)"/>,
/// <see cref="ZeroGradients"/> and <see cref="Clear"/> allocate nothing, so a training loop that calls
/// <see cref="Clear"/> each step runs allocation-free.</para>
/// <para>Gradients accumulate across several <see cref="Backward(Var)"/> calls, as in PyTorch, until
/// <see cref="ZeroGradients"/> or <see cref="Clear"/>.</para>
/// <para>Threading: a tape is single-threaded, like a <see cref="List{T}"/>: record, sweep and read on one thread
/// at a time. Independent tapes never share state, so one tape per thread (for example a
/// <see cref="ThreadLocal{T}"/>) is safe.</para>
/// </remarks>
public sealed partial class Tape
{
    // Node 0 is a sink: a missing parent points at it with partial 0, so the backward loop needs no branch on the
    // number of parents (a branch there measured slower on mixed unary/binary graphs).
    private const int Sink = 0;

    private int[] _parent0;
    private int[] _parent1;
    private double[] _partial0;
    private double[] _partial1;
    private double[] _gradient;
    private double[] _scratch;
    private int _count;
    private int _generation;

    // Gradients of nodes [0, _gradientCount) are valid; newer nodes have none until the next Backward.
    private int _gradientCount;

    // False while every valid gradient is 0: Backward may then sweep directly into _gradient.
    private bool _accumulated;

    /// <summary>Creates an empty tape.</summary>
    /// <param name="capacity">The number of operations to make room for up front (it grows as needed).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> is negative.</exception>
    public Tape(int capacity = 256)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(capacity);
        var length = Math.Max(capacity + 1, 16);
        _parent0 = new int[length];
        _parent1 = new int[length];
        _partial0 = new double[length];
        _partial1 = new double[length];
        _gradient = new double[length];
        _scratch = [];
        _count = 1;
    }

    /// <summary>The number of recorded values (inputs and operations) since the last <see cref="Clear"/>.</summary>
    public int Count => _count - 1;

    /// <summary>Records an input (a leaf of the graph) whose gradient <see cref="Backward(Var)"/> will compute.</summary>
    /// <param name="value">The input's value.</param>
    /// <returns>The input, bound to this tape.</returns>
    public Var Variable(double value) => new(this, value, Push(Sink, 0.0, Sink, 0.0), _generation);

    /// <summary>Records several inputs at once.</summary>
    /// <param name="values">The inputs' values.</param>
    /// <param name="variables">Receives one <see cref="Var"/> per value.</param>
    /// <exception cref="ArgumentException">The spans differ in length.</exception>
    public void Variables(ReadOnlySpan<double> values, Span<Var> variables)
    {
        if (values.Length != variables.Length)
        {
            throw new ArgumentException(
                $"Expected {values.Length} destination elements (one per value), got {variables.Length}.",
                nameof(variables));
        }

        for (var i = 0; i < values.Length; i++)
        {
            variables[i] = Variable(values[i]);
        }
    }

    /// <summary>
    /// Runs one reverse sweep from <paramref name="output"/>: adds ∂output/∂v to the gradient of every value v
    /// recorded up to <paramref name="output"/>.
    /// </summary>
    /// <param name="output">The value to differentiate, recorded on this tape.</param>
    /// <exception cref="ArgumentException"><paramref name="output"/> is a constant or belongs to another tape.</exception>
    /// <exception cref="InvalidOperationException"><paramref name="output"/> was recorded before the last <see cref="Clear"/>.</exception>
    public void Backward(Var output)
    {
        if (output.Tape is null)
        {
            throw new ArgumentException(
                "The output is a constant (it depends on no Tape.Variable), so it has no gradient.", nameof(output));
        }

        if (!ReferenceEquals(output.Tape, this))
        {
            throw new ArgumentException("The output was recorded on a different tape.", nameof(output));
        }

        CheckCurrent(output);
        if (_gradientCount < _count)
        {
            _gradient.AsSpan(_gradientCount, _count - _gradientCount).Clear();
            _gradientCount = _count;
        }

        if (!_accumulated)
        {
            _gradient[output.Index] = 1.0;
            Sweep(_gradient, output.Index);
            _accumulated = true;
            return;
        }

        // Sweeping into the accumulated gradients would propagate the earlier outputs' adjoints a second time.
        if (_scratch.Length < _gradient.Length)
        {
            _scratch = new double[_gradient.Length];
        }

        var length = output.Index + 1;
        _scratch.AsSpan(0, length).Clear();
        _scratch[output.Index] = 1.0;
        Sweep(_scratch, output.Index);
        var gradient = _gradient.AsSpan(0, length);
        var adjoint = _scratch.AsSpan(0, length);
        for (var i = 0; i < length; i++)
        {
            gradient[i] += adjoint[i];
        }
    }

    /// <summary>Sets every gradient to 0 (PyTorch's <c>zero_grad</c>), keeping the recorded operations.</summary>
    public void ZeroGradients()
    {
        _gradient.AsSpan(0, _gradientCount).Clear();
        _accumulated = false;
    }

    /// <summary>
    /// Forgets every recorded operation and gradient, keeping the allocated memory for reuse. Every
    /// <see cref="Var"/> recorded so far becomes invalid: using it throws <see cref="InvalidOperationException"/>.
    /// </summary>
    public void Clear()
    {
        _count = 1;
        _gradientCount = 0;
        _accumulated = false;
        _generation++;
    }

    internal int Generation => _generation;

    internal double GradientOf(Var v)
    {
        CheckCurrent(v);
        if (v.Index >= _gradientCount)
        {
            throw new InvalidOperationException(
                "No gradient yet: call tape.Backward(output) after recording this value, then read its Gradient.");
        }

        return _gradient[v.Index];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void CheckCurrent(Var v)
    {
        if (v.Generation != _generation)
        {
            ThrowStale();
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Push(int parent0, double partial0, int parent1, double partial1)
    {
        var index = _count;
        if ((uint)index >= (uint)_parent0.Length)
        {
            Grow();
        }

        // The arrays share one length, checked above, so the bounds checks are redundant.
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_parent0), index) = parent0;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_parent1), index) = parent1;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_partial0), index) = partial0;
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_partial1), index) = partial1;
        _count = index + 1;
        return index;
    }

    /// <summary>Records y = f(x) with local derivative ∂y/∂x; a constant argument gives a constant result.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Var Unary(Var x, double value, double partial)
    {
        var tape = x.Tape;
        if (tape is null)
        {
            return new Var(value);
        }

        tape.CheckCurrent(x);
        return new Var(tape, value, tape.Push(x.Index, partial, Sink, 0.0), x.Generation);
    }

    /// <summary>Records y = f(a, b) with local partials ∂y/∂a and ∂y/∂b.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Var Binary(Var a, Var b, double value, double partialA, double partialB)
    {
        var tape = a.Tape;
        if (tape is null)
        {
            return Unary(b, value, partialB);
        }

        if (b.Tape is null)
        {
            return Unary(a, value, partialA);
        }

        if (!ReferenceEquals(tape, b.Tape))
        {
            ThrowMixed();
        }

        tape.CheckCurrent(a);
        tape.CheckCurrent(b);
        return new Var(tape, value, tape.Push(a.Index, partialA, b.Index, partialB), a.Generation);
    }

    // Why no topological sort: a node is recorded only after its parents exist (they are its arguments), so every
    // parent's index is smaller than its child's. Recording order is therefore a topological order, and visiting
    // indices from the output down to 1 finishes each node's adjoint (all its children have larger indices and
    // were visited already) before the node passes it on to its parents.
    private void Sweep(double[] adjoints, int output)
    {
        ref var adjoint = ref MemoryMarshal.GetArrayDataReference(adjoints);
        ref var parent0 = ref MemoryMarshal.GetArrayDataReference(_parent0);
        ref var parent1 = ref MemoryMarshal.GetArrayDataReference(_parent1);
        ref var partial0 = ref MemoryMarshal.GetArrayDataReference(_partial0);
        ref var partial1 = ref MemoryMarshal.GetArrayDataReference(_partial1);
        for (var i = output; i > 0; i--)
        {
            var g = Unsafe.Add(ref adjoint, i);
            if (g == 0)
            {
                // Nodes the output does not depend on (e.g. recorded after it, or other outputs' branches).
                continue;
            }

            Unsafe.Add(ref adjoint, Unsafe.Add(ref parent0, i)) += g * Unsafe.Add(ref partial0, i);
            Unsafe.Add(ref adjoint, Unsafe.Add(ref parent1, i)) += g * Unsafe.Add(ref partial1, i);
        }
    }

    private void Grow()
    {
        var length = _parent0.Length * 2;
        Array.Resize(ref _parent0, length);
        Array.Resize(ref _parent1, length);
        Array.Resize(ref _partial0, length);
        Array.Resize(ref _partial1, length);
        Array.Resize(ref _gradient, length);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowStale() => throw new InvalidOperationException(
        "This Var was recorded before its tape was cleared (Tape.Clear); record it again on the cleared tape.");

    [MethodImpl(MethodImplOptions.NoInlining)]
    private static void ThrowMixed() => throw new InvalidOperationException(
        "The operands were recorded on two different tapes; record every value of one computation on one tape.");
}
