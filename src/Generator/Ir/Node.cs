using System;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Ir;

/// <summary>What a node computes.</summary>
internal enum Op
{
    /// <summary>A literal; <see cref="Node.Name"/> is "π" or "e" when it came from Math.PI or Math.E.</summary>
    Const,

    /// <summary>The parameter number <see cref="Node.Index"/>.</summary>
    Param,

    /// <summary>The floating parameter at position <see cref="Node.Index"/> of the signature, marked [NoDerivative]: never active.</summary>
    Frozen,

    /// <summary>A static field read (inactive); <see cref="Node.Name"/> is its fully qualified name.</summary>
    Field,
    Neg,
    Add,
    Sub,
    Mul,
    Div,

    /// <summary>A derivative-table function; <see cref="Node.Name"/> is its table name, <see cref="Node.Index"/> an integer argument (ScaleB).</summary>
    Call,

    /// <summary>
    /// A call to another [Differentiable] method; <see cref="Node.Name"/> is its fully qualified name. When the callee
    /// has array, integer or [NoDerivative] parameters, or is generic, <see cref="Node.Shape"/> describes every
    /// argument and <see cref="Node.Args"/> holds only the floating scalar ones. A generic callee (<see cref="Node.Generic"/>)
    /// is called with the caller's own type parameter. A call with a [DerivativeOf] method has its name in
    /// <see cref="Node.Derivative"/>.
    /// </summary>
    UserCall,

    /// <summary>Calls the callee's generated gradient (a tuple); only in derivative programs.</summary>
    GradientCall,

    /// <summary>
    /// Calls the callee's generated Hessian-vector product: arguments are the primal arguments followed by the
    /// direction; the tuple holds the value, the gradient, then H·v. Only in forward-over-reverse programs.
    /// </summary>
    HvpCall,

    /// <summary>
    /// Calls the callee's generated Jvp; arguments are the primal arguments followed by their tangents (with a
    /// <see cref="Node.Shape"/>: the scalar arguments, then the tangents of those the callee differentiates).
    /// </summary>
    JvpCall,

    /// <summary>Element <see cref="Node.Index"/> (0-based) of the tuple returned by the node in <see cref="Node.Args"/>.</summary>
    Project,

    /// <summary><c>Cond ? Args[0] : Args[1]</c> where both are already computed (used for one-sided derivatives).</summary>
    Select,

    /// <summary>A boolean local holding <see cref="Node.Cond"/>, so a reverse sweep can branch on it again.</summary>
    Bool,

    /// <summary>
    /// Element <see cref="Node.Integer"/> of the array <see cref="Node.Array"/>; <see cref="Node.Index"/> is 1 when that
    /// array is differentiated, 2 for an element of its derivative buffer; in a forward-over-reverse program 3 for an
    /// element of the array's tangent and 4 for one of its derivative buffer's tangent.
    /// </summary>
    Load,

    /// <summary>The integer expression <see cref="Node.Integer"/> converted to the floating type; never active.</summary>
    IntValue,
}

/// <summary>One SSA instruction: an operation on earlier values, identified by their ids.</summary>
internal sealed record Node(Op Op, EquatableArray<int> Args, double Value = 0, string? Name = null, int Index = 0, Cond? Cond = null,
    EquatableArray<CallArg> Shape = default, IntExpr? Integer = null, ArrayRef? Array = null, string? Derivative = null, bool Generic = false)
{
    public static Node Constant(double value, string? name = null) => new(Op.Const, EquatableArray<int>.Empty, value, name);

    public static Node Of(Op op, params int[] args) => new(op, EquatableArray.Create(args));

    public static Node Function(string name, params int[] args) => new(Op.Call, EquatableArray.Create(args), Name: name);

    public bool Equals(Node? other) =>
        other is not null && Op == other.Op && Args == other.Args && BitConverter.DoubleToInt64Bits(Value) == BitConverter.DoubleToInt64Bits(other.Value)
        && Name == other.Name && Index == other.Index && Equals(Cond, other.Cond) && Shape == other.Shape && Equals(Integer, other.Integer)
        && Equals(Array, other.Array) && Derivative == other.Derivative && Generic == other.Generic;

    public override int GetHashCode() =>
        unchecked((((((int)Op * 397) ^ Args.GetHashCode()) * 397) ^ Value.GetHashCode() ^ (Name?.GetHashCode() ?? 0) ^ (Integer?.GetHashCode() ?? 0) ^ Shape.GetHashCode()) * 31 + Index);
}
