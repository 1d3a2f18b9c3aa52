using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Ir;

/// <summary>A statement of the structured SSA program.</summary>
internal abstract record Stmt;

/// <summary>Defines value <paramref name="Id"/> as <paramref name="Node"/>.</summary>
internal sealed record Let(int Id, Node Node) : Stmt;

/// <summary>
/// A real branch. Values defined inside a branch are visible only there; the phis carry values out:
/// <c>Id = Cond ? Then : Else</c> after the branch.
/// </summary>
internal sealed record If(Cond Cond, EquatableArray<Stmt> Then, EquatableArray<Stmt> Else, EquatableArray<Phi> Phis) : Stmt;

/// <summary>A value merged from the two branches of an <see cref="If"/>.</summary>
internal sealed record Phi(int Id, int Then, int Else);

/// <summary>
/// <c>for</c> loop with header <see cref="Counter"/> over <see cref="Body"/>, a function whose parameters are
/// the carried values (the first <c>Results.Count</c>, initialised from the first inputs) followed by the other
/// inputs, and whose outputs are the carried values after one iteration. <see cref="Results"/> are the carried
/// values after the loop. When <see cref="Tape"/> is not negative, the carried values at the start of every
/// iteration are recorded on tape number <see cref="Tape"/> for a later <see cref="ReverseLoop"/>. A
/// <c>while</c> loop has a <see cref="Test"/> instead of a counter (its <see cref="Counter"/> is null): a function of the same parameters whose output
/// is 0 when the loop stops.
/// </summary>
/// With <see cref="HasExit"/> (a <c>break</c>), the body has one more output, 0 when the loop must stop after
/// this iteration; the loop then counts its iterations for the reverse pass.
/// <para>
/// A loop nested in another loop of a nest that <see cref="Loops.CanRecord"/> keeps its records on a stack of the
/// method: <see cref="Record"/> marks it in the forward pass (it pushes its carried values per iteration when its
/// reverse loop needs them, then its results), <see cref="Restored"/> in an outer loop's reverse pass, which pops
/// its results instead of running it again.
/// </para>
internal sealed record Loop(int Tape, LoopCounter? Counter, EquatableArray<int> Inputs, EquatableArray<int> Results, Program Body,
    Program? Test = null, bool HasExit = false, bool Record = false, bool Restored = false) : Stmt;

/// <summary>
/// Runs the iterations of the loop that recorded tape <see cref="Tape"/> backwards. <see cref="Vjp"/> takes the
/// recorded carried values, <see cref="Inputs"/> (the loop's other inputs) and the adjoints of the carried values
/// (starting from <see cref="Seeds"/>), and returns the adjoints of all its parameters: the carried ones replace
/// the running adjoints, the others are summed into <see cref="Results"/> (carried adjoints first, then one per input).
/// </summary>
/// <see cref="Loop"/> is the forward loop's number (its <see cref="Ir.Loop.Tape"/>); a reverse <c>while</c> loop runs
/// as many iterations as the forward one counted (its <see cref="Counter"/> is null).
internal sealed record ReverseLoop(int Tape, LoopCounter? Counter, int CarriedCount, EquatableArray<int> Seeds, EquatableArray<int> Inputs,
    EquatableArray<int> Results, Program Vjp, int Loop = -1, bool IsWhile = false, bool HasExit = false) : Stmt
{
    /// <summary>
    /// In <see cref="Results"/>, an input's adjoint nothing after the loop reads (dead-code elimination marks it), so
    /// Emit need not declare it when no iteration adds to it either (an integer's, say).
    /// </summary>
    public const int Unused = -1;
}

/// <summary>
/// A loop of accumulators reversed in the same pass as it runs: each iteration applies the body's vector-Jacobian
/// product <see cref="Vjp"/> to its carried values (the first <see cref="CarriedCount"/> of <see cref="Inputs"/>,
/// initialised from them), its other inputs and <see cref="Seeds"/>, the adjoints of its results, which the body
/// passes on unchanged, so the iterations may run in any order. The Vjp's outputs are the adjoints of the other
/// inputs (summed into <see cref="Adjoints"/>), then the carried values after the iteration (<see cref="Results"/>
/// after the loop).
/// </summary>
internal sealed record FusedLoop(LoopCounter Counter, int CarriedCount, EquatableArray<int> Inputs, EquatableArray<int> Seeds,
    EquatableArray<int> Results, EquatableArray<int> Adjoints, Program Vjp) : Stmt;

/// <summary>
/// Writes <see cref="Value"/> into element <see cref="Index"/> of the array <see cref="Array"/> (a local array,
/// or, with <see cref="Derivative"/>, the derivative buffer of an array: the caller's gradient span of a parameter, the
/// adjoint or tangent buffer of a local array); <see cref="Accumulate"/> adds it instead of assigning it.
/// </summary>
/// <para>
/// An in-place update <c>p[i] *= v</c> after reads of <c>p</c> first saves the old element into a shadow array
/// (<see cref="Save"/>: run by forward passes only, never by a reverse pass's recomputation, and not differentiated:
/// the shadow shares p's derivative buffer), then stores the new value computed from the shadow; that store names the
/// shadow in <see cref="Shadow"/>, and its reverse puts the old element back, so every earlier read finds it again.
/// </para>
/// <para>
/// With <see cref="Tangent"/> (forward over reverse only) it writes the tangent of the array, or with
/// <see cref="Derivative"/> the tangent of its derivative buffer: the direction and Hessian-vector-product spans of a
/// parameter, the tangent buffers of a local array.
/// </para>
internal sealed record Store(ArrayRef Array, IntExpr Index, int Value, bool Accumulate, bool Derivative, bool Save = false, ArrayRef? Shadow = null,
    bool Tangent = false) : Stmt
{
    /// <summary>Adds an element adjoint to a derivative buffer (the reverse of reading an element).</summary>
    public static Store Scatter(ArrayRef array, IntExpr index, int value) => new(array, index, value, Accumulate: true, Derivative: true);
}

/// <summary>
/// A local array of <see cref="Length"/> zeroed elements, declared at the method's top level: the user's local array
/// <see cref="Array"/> (declared as <see cref="Name"/>, which Emit keeps where it is free), or, with
/// <see cref="Derivative"/>, its adjoint or tangent buffer.
/// </summary>
/// <remarks>
/// With <see cref="SharesDerivativeOf"/> (the shadow of an in-place update) it has no derivative buffer of its own: it
/// uses that array's (and that array's tangent of it). With <see cref="Tangent"/> (forward over reverse only) it is the
/// tangent buffer of the array, or with <see cref="Derivative"/> that of its derivative buffer.
/// </remarks>
internal sealed record Alloc(ArrayRef Array, string Name, IntExpr Length, bool Derivative, ArrayRef? SharesDerivativeOf = null, bool Tangent = false) : Stmt;

/// <summary>
/// A whole function in SSA form: parameters are ids 0..ParamCount-1, the body defines the rest, and
/// <see cref="Outputs"/> are the returned values.
/// </summary>
internal sealed record Program(int ParamCount, EquatableArray<Stmt> Body, EquatableArray<int> Outputs);

/// <summary>
/// The array part of the reverse of a call with a <see cref="Node.Shape"/> (array, integer or [NoDerivative]
/// arguments): the forward pass called the callee's gradient (<see cref="Call"/>, an <see cref="Op.GradientCall"/>),
/// which left the gradient of each array argument in a scratch buffer; this adds <see cref="Seed"/> × each of them
/// into the caller's derivative buffer of that array. Scalar arguments get their adjoints from the call's projections.
/// </summary>
internal sealed record CallVjp(int Call, EquatableArray<CallArg> Shape, int Seed) : Stmt
{
    /// <summary>True when the call adds into a derivative buffer.</summary>
    public bool Scatters => Shape.Any(a => a.Flows);
}
