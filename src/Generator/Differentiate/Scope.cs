using System.Collections.Generic;
using Leibniz.Generator.Ir;

namespace Leibniz.Generator.Differentiate;

/// <summary>A block under construction: its statements (<see cref="Let"/> or <see cref="IfBuilder"/>) and its CSE table.</summary>
internal sealed class Scope
{
    public Scope(Scope? parent, IfBuilder? owner, bool isThen)
    {
        Parent = parent;
        Owner = owner;
        IsThen = isThen;
    }

    public Scope? Parent { get; }

    /// <summary>The branch statement this scope is a side of (null for the function body).</summary>
    public IfBuilder? Owner { get; }

    public bool IsThen { get; }

    /// <summary>
    /// For a branch of a reverse sweep: the matching branch of the forward pass, whose values it may read
    /// (they are carried out of the forward branch as extra phis when used).
    /// </summary>
    public Scope? Twin { get; set; }

    public List<object> Statements { get; } = new();

    public Dictionary<Node, int> Known { get; } = new();
}

/// <summary>An if statement under construction.</summary>
internal sealed class IfBuilder
{
    public IfBuilder(Cond cond, Scope parent)
    {
        Cond = cond;
        Parent = parent;
        Then = new Scope(parent, this, isThen: true);
        Else = new Scope(parent, this, isThen: false);
    }

    public Cond Cond { get; }

    public Scope Parent { get; }

    public Scope Then { get; }

    public Scope Else { get; }

    public List<Phi> Phis { get; } = new();

    /// <summary>Values of a branch carried out as phis for a later reverse sweep: branch value → outer id.</summary>
    public Dictionary<int, int> Exports { get; } = new();
}
