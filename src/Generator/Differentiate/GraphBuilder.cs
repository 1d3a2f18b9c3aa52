using System;
using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Differentiate;

/// <summary>
/// Builds a structured SSA program while simplifying every new node (constant folding, 0/1 identities,
/// integer powers as multiplications) and reusing any equal node already visible (common-subexpression
/// elimination, which also makes derivatives reuse primal values such as exp(x)).
/// </summary>
internal sealed partial class GraphBuilder
{
    private const int MaxExpandedPower = 32;
    private readonly bool _isFloat;
    private readonly Dictionary<int, Node> _nodes = new();
    private readonly Dictionary<int, Scope?> _scopeOf = new();
    private readonly Dictionary<Node, int> _atoms = new();
    private readonly List<Let> _atomLets = new();
    private readonly HashSet<int> _active = new();

    /// <summary>Parameters that are adjoints (of a loop body's outputs, in its vector-Jacobian product).</summary>
    private readonly HashSet<int> _adjoints = new();
    private int _nextId;

    public GraphBuilder(int paramCount, bool isFloat)
    {
        _isFloat = isFloat;
        Root = new Scope(null, null, isThen: false);
        Current = Root;
        for (var i = 0; i < paramCount; i++)
        {
            var node = new Node(Op.Param, EquatableArray<int>.Empty, Index: i);
            _nodes[i] = node;
            _scopeOf[i] = null;
            _active.Add(i);
        }

        _nextId = paramCount;
        ParamCount = paramCount;
    }

    public int ParamCount { get; }

    public bool IsFloat => _isFloat;

    /// <summary>The id the next new value will get (every id below it already exists).</summary>
    public int NextId => _nextId;

    public Scope Root { get; }

    public Scope Current { get; set; }

    public Node NodeOf(int id) => _nodes.TryGetValue(id, out var node) ? node : new Node(Op.Param, EquatableArray<int>.Empty, Index: -1);

    public bool IsConstant(int id, out double value)
    {
        if (_nodes.TryGetValue(id, out var node) && node.Op == Op.Const)
        {
            value = node.Value;
            return true;
        }

        value = 0;
        return false;
    }

    public bool IsConstant(int id, double value) => IsConstant(id, out var v) && v.Equals(value);

    /// <summary>True for parameters and atoms (constants, fields): values defined before any statement.</summary>
    public bool IsHoisted(int id) => _scopeOf.TryGetValue(id, out var scope) && scope is null;

    /// <summary>True when the value depends on a parameter (only those need derivatives).</summary>
    public bool IsActive(int id) => _active.Contains(id);

    public int Constant(double value, string? name = null) => Atom(Node.Constant(Round(value), name));

    public int Field(string name) => Atom(new Node(Op.Field, EquatableArray<int>.Empty, Name: name));

    /// <summary>Adds a node (after simplification) to the current scope, or returns an equal visible value.</summary>
    public int Emit(Node node)
    {
        if (node.Op is Op.Const)
        {
            return Constant(node.Value, node.Name);
        }

        if (node.Op is Op.Field)
        {
            return Atom(node);
        }

        node = node with { Args = node.Args.Select(Visible).ToEquatableArray(), Cond = node.Cond?.Map(Visible) };
        var simplified = Simplify(node);
        return simplified.Id ?? Insert(simplified.Node!);
    }

    public int Add(int a, int b) => Emit(Node.Of(Op.Add, a, b));

    public int Sub(int a, int b) => Emit(Node.Of(Op.Sub, a, b));

    public int Mul(int a, int b) => Emit(Node.Of(Op.Mul, a, b));

    public int Div(int a, int b) => Emit(Node.Of(Op.Div, a, b));

    public int Neg(int a) => Emit(Node.Of(Op.Neg, a));

    public int Call(string name, params int[] args) => Emit(Node.Function(name, args));

    public int Select(Cond cond, int whenTrue, int whenFalse) => Emit(new Node(Op.Select, EquatableArray.Create(whenTrue, whenFalse), Cond: cond));

    public int Square(int a) => Mul(a, a);

    public int Sum(IReadOnlyList<int> terms)
    {
        if (terms.Count == 0)
        {
            return Constant(0);
        }

        var sum = terms[0];
        for (var i = 1; i < terms.Count; i++)
        {
            sum = Add(sum, terms[i]);
        }

        return sum;
    }

    /// <summary>Opens an if statement in the current scope.</summary>
    public IfBuilder BeginIf(Cond cond)
    {
        var branch = new IfBuilder(cond.Map(Visible), Current);
        Current.Statements.Add(branch);
        return branch;
    }

    /// <summary>Adds a phi to <paramref name="branch"/>; the new value lives in the branch's parent scope.</summary>
    public int AddPhi(IfBuilder branch, int whenTrue, int whenFalse)
    {
        var id = _nextId++;
        branch.Phis.Add(new Phi(id, whenTrue, whenFalse));
        _scopeOf[id] = branch.Parent;
        if (_active.Contains(whenTrue) || _active.Contains(whenFalse))
        {
            _active.Add(id);
        }

        return id;
    }

    /// <summary>A new value defined by a statement added with <see cref="AddStatement"/>.</summary>
    public int NewValue(bool active)
    {
        var id = _nextId++;
        _scopeOf[id] = Current;
        if (active)
        {
            _active.Add(id);
        }

        return id;
    }

    /// <summary>Marks parameter <paramref name="id"/> as an adjoint: products with it multiply the local partials first.</summary>
    public void MarkAdjoint(int id) => _adjoints.Add(id);

    /// <summary>Makes a value readable from the current scope (for statements added with <see cref="AddStatement"/>).</summary>
    public int Import(int id) => Visible(id);

    /// <summary>Adds a statement that is not a simple value (a loop, a reverse loop, a write to a gradient span).</summary>
    public void AddStatement(Stmt statement) => Current.Statements.Add(statement);

    /// <summary>Finishes the program: atoms first, then the body.</summary>
    public Program Build(IEnumerable<int> outputs) =>
        Liveness.RemoveDeadCode(new Program(ParamCount, _atomLets.Cast<Stmt>().Concat(Freeze(Root)).ToEquatableArray(), outputs.ToEquatableArray()));

    private static IEnumerable<Stmt> Freeze(Scope scope) => scope.Statements.Select(s => s switch
    {
        Let let => (Stmt)let,
        IfBuilder branch => new If(branch.Cond, Freeze(branch.Then).ToEquatableArray(), Freeze(branch.Else).ToEquatableArray(), branch.Phis.ToEquatableArray()),
        Stmt other => other,
        _ => throw new InvalidOperationException("Unknown statement."),
    });

    private int Atom(Node node)
    {
        if (_atoms.TryGetValue(node, out var id))
        {
            return id;
        }

        id = _nextId++;
        _atoms[node] = id;
        _nodes[id] = node;
        _scopeOf[id] = null;
        _atomLets.Add(new Let(id, node));
        return id;
    }

    private int Insert(Node node)
    {
        for (var scope = Current; scope is not null; scope = scope.Parent)
        {
            if (scope.Known.TryGetValue(node, out var known))
            {
                return known;
            }

            if (scope.Twin is { } twin && Lookup(twin, node) is { } fromTwin)
            {
                return Visible(fromTwin);
            }
        }

        var id = _nextId++;
        _nodes[id] = node;
        _scopeOf[id] = Current;
        Current.Known[node] = id;
        if (node.Op != Op.IntValue && (node.Args.Any(_active.Contains) || (node.Op == Op.Load && node.Index == 1) || node.Shape.Any(a => a.Flows)))
        {
            _active.Add(id);
        }

        Current.Statements.Add(new Let(id, node));
        return id;
    }

    private static int? Lookup(Scope twin, Node node)
    {
        for (var scope = twin; scope is not null; scope = scope.Parent)
        {
            if (scope.Known.TryGetValue(node, out var id))
            {
                return id;
            }
        }

        return null;
    }

    /// <summary>Makes <paramref name="id"/> readable from the current scope, carrying it out of forward branches if needed.</summary>
    private int Visible(int id)
    {
        while (_scopeOf.TryGetValue(id, out var scope) && scope is not null && !IsAncestorOrSelf(scope, Current))
        {
            var owner = scope.Owner ?? throw new InvalidOperationException("A value escaped its scope.");
            if (!owner.Exports.TryGetValue(id, out var exported))
            {
                var zero = Constant(0);
                exported = AddPhi(owner, scope.IsThen ? id : zero, scope.IsThen ? zero : id);
                owner.Exports[id] = exported;
            }

            id = exported;
        }

        return id;
    }

    private static bool IsAncestorOrSelf(Scope ancestor, Scope scope)
    {
        for (var s = scope; s is not null; s = s.Parent)
        {
            if (s == ancestor)
            {
                return true;
            }
        }

        return false;
    }

    private double Round(double value) => _isFloat ? (float)value : value;
}
