namespace Leibniz.Generator.Ir;

/// <summary>
/// An integer expression: loop bounds, element indices, array lengths, integer arguments and integers read as
/// floating values. Integers are never differentiated; Parse builds these from the method's IOperation tree and
/// Emit prints them (with the names it chose), so the IR holds no C# text.
/// </summary>
internal abstract record IntExpr
{
    public static IntExpr Of(int value) => new IntConstant(value);

    public static IntExpr operator +(IntExpr left, IntExpr right) => new IntBinary(IntOp.Add, left, right);

    public static IntExpr operator -(IntExpr left, IntExpr right) => new IntBinary(IntOp.Subtract, left, right);

    public static IntExpr operator *(IntExpr left, IntExpr right) => new IntBinary(IntOp.Multiply, left, right);

    public static IntExpr operator /(IntExpr left, IntExpr right) => new IntBinary(IntOp.Divide, left, right);
}

/// <summary>A constant.</summary>
internal sealed record IntConstant(int Value) : IntExpr;

/// <summary>The int parameter at position <paramref name="Index"/> of the method's signature.</summary>
internal sealed record IntParameter(int Index) : IntExpr;

/// <summary>
/// The integer local number <paramref name="Id"/> of the method (a loop's counter, see <see cref="LoopCounter"/>).
/// Ids are unique in the method and separate from the floating values' ids; Emit names the locals.
/// </summary>
internal sealed record IntLocal(int Id) : IntExpr;

/// <summary>An int field or property of the type (or of the instance) the method reads: a constant of the call, as <see cref="Op.Field"/> is.</summary>
internal sealed record IntMember(string Member) : IntExpr;

/// <summary><c>Length</c> of an array or span (a parameter, or a local array as the generated code holds it).</summary>
internal sealed record ArrayLength(ArrayRef Array) : IntExpr;

/// <summary><c>GetLength(Dimension)</c> of a multi-dimensional array parameter.</summary>
internal sealed record ArrayDimension(ArrayRef Array, int Dimension) : IntExpr;

/// <summary>The index of an element of a 2-D array: <c>[First, Second]</c>.</summary>
internal sealed record IntPair(IntExpr First, IntExpr Second) : IntExpr;

/// <summary><c>-Operand</c>.</summary>
internal sealed record IntNegate(IntExpr Operand) : IntExpr;

/// <summary>A binary operation on two integers, with C#'s semantics (truncating division, remainder of its sign).</summary>
internal sealed record IntBinary(IntOp Op, IntExpr Left, IntExpr Right) : IntExpr;

/// <summary>The operations of <see cref="IntBinary"/>.</summary>
internal enum IntOp
{
    Add,
    Subtract,
    Multiply,
    Divide,
    Remainder,

    /// <summary><c>Math.Min</c>.</summary>
    Min,

    /// <summary><c>Math.Max</c>.</summary>
    Max,
}

/// <summary>What an <see cref="ArrayRef"/> refers to.</summary>
internal enum ArrayKind
{
    /// <summary>An array or span parameter, by its position in the signature.</summary>
    Parameter,

    /// <summary>A local array of the method, by the id its <see cref="Alloc"/> declares.</summary>
    Local,

    /// <summary>
    /// The flat span of the fields of a span or array of structs of numbers, the parameter at that position (element i's
    /// field j at k·i + j for a struct of k fields).
    /// </summary>
    Fields,

    /// <summary>A table of constants: an array or span field or property of the type the method reads, never differentiated.</summary>
    Table,
}

/// <summary>
/// An array or span the program reads or writes: a parameter, a local array or a table (see <see cref="ArrayKind"/>).
/// Emit names the first two, and the derivative buffer of each; a table is the fully qualified <paramref name="Member"/>.
/// </summary>
/// <remarks>With <see cref="Row"/>: that row of the jagged [NoDerivative] parameter (<c>rows[i]</c>, an array of data).</remarks>
internal sealed record ArrayRef(ArrayKind Kind, int Index, string? Member = null, IntExpr? Row = null)
{
    public bool Local => Kind == ArrayKind.Local;

    public static ArrayRef Parameter(int index) => new(ArrayKind.Parameter, index);

    public static ArrayRef LocalArray(int id) => new(ArrayKind.Local, id);

    /// <summary>The flat span of the fields of the struct span parameter at position <paramref name="index"/>.</summary>
    public static ArrayRef FieldsOf(int index) => new(ArrayKind.Fields, index);

    public static ArrayRef Table(string member) => new(ArrayKind.Table, -1, member);
}

/// <summary>
/// The header of a counted loop: integer local <paramref name="Variable"/> runs from <paramref name="Start"/> by
/// <paramref name="Step"/> (1 or −1) while it has not reached <paramref name="End"/> (exclusive: <c>&lt; End</c>
/// counting up, <c>&gt; End</c> counting down). <paramref name="Name"/> is the user's name for the variable, or null
/// for a counter the generator introduced.
/// </summary>
internal sealed record LoopCounter(int Variable, string? Name, IntExpr Start, IntExpr End, int Step = 1);
