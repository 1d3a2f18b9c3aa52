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
/// A whole function in SSA form: parameters are ids 0..ParamCount-1, the body defines the rest, and
/// <see cref="Outputs"/> are the returned values.
/// </summary>
internal sealed record Program(int ParamCount, EquatableArray<Stmt> Body, EquatableArray<int> Outputs);
