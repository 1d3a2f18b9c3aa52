using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Leibniz.Generator.Ir;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// The names the generated code gives what the IR refers to by number — parameters, arrays, local arrays and their
/// derivative buffers, integer locals — and the C# text of integer expressions. Shared by the writers of one method.
/// </summary>
internal sealed class Names
{
    private readonly IReadOnlyList<ParameterModel> _signature;
    private readonly Dictionary<ArrayRef, string> _arrays = new();
    private readonly Dictionary<ArrayRef, string> _buffers = new();
    private readonly Dictionary<ArrayRef, string> _tangents = new();
    private readonly Dictionary<ArrayRef, string> _products = new();
    private readonly Dictionary<int, string> _integers = new();

    /// <summary>Names for a method without arrays or integers (the scalar form).</summary>
    public Names()
        : this(System.Array.Empty<ParameterModel>(), new Program(0, EquatableArray<Stmt>.Empty, EquatableArray<int>.Empty))
    {
    }

    /// <summary>
    /// Names for the program of a method with this signature. A local array keeps its declared name, and its derivative
    /// buffer is named <c>d</c> + it, each with <c>_</c>s prepended while the name is a parameter's, a derivative
    /// output's or an earlier local array's.
    /// </summary>
    /// <param name="signature">The method's parameters.</param>
    /// <param name="program">The program whose local arrays are named.</param>
    /// <param name="reserved">Further parameter names of the generated member (an Hvp's directions and products).</param>
    public Names(IReadOnlyList<ParameterModel> signature, Program program, IEnumerable<string>? reserved = null)
    {
        _signature = signature;
        var parameters = signature.Select(p => p.Name).ToList();
        var taken = new HashSet<string>(parameters.Concat(DerivativeNames.Of(parameters)).Concat(reserved ?? Enumerable.Empty<string>()).Select(CSharpIdentifier.Escape));
        for (var i = 0; i < signature.Count; i++)
        {
            _arrays[ArrayRef.Parameter(i)] = CSharpIdentifier.Escape(signature[i].Name);
        }

        var structs = StructNames.For(signature);
        Seed = structs.Seed;
        for (var i = 0; i < signature.Count; i++)
        {
            if (structs.Fields[i] is { } fields)
            {
                _arrays[ArrayRef.FieldsOf(i)] = fields;
            }
        }

        taken.UnionWith(structs.All);

        var allocations = Loops.Allocations(program.Body).ToList();
        foreach (var alloc in allocations.Where(a => !a.Tangent && !_buffers.ContainsKey(a.Array)))
        {
            _arrays[alloc.Array] = Naming.Free(CSharpIdentifier.Escape(alloc.Name), taken);

            // The shadow of an in-place update shares the updated array's derivative buffer.
            _buffers[alloc.Array] = alloc.SharesDerivativeOf is { } updated && _buffers.TryGetValue(updated, out var shared)
                ? shared
                : Naming.Free("d" + _arrays[alloc.Array], taken);
        }

        // A forward-over-reverse program's tangent buffers, named like the direction and product spans of parameters.
        foreach (var alloc in allocations.Where(a => a.Tangent && !a.Derivative))
        {
            _tangents[alloc.Array] = Naming.Free("v" + _arrays[alloc.Array], taken);
        }

        foreach (var alloc in allocations.Where(a => a.Tangent && a.Derivative))
        {
            _products[alloc.Array] = Naming.Free("hv" + _arrays[alloc.Array], taken);
        }

        foreach (var alloc in allocations.Where(a => a.SharesDerivativeOf is not null && _products.ContainsKey(a.SharesDerivativeOf)))
        {
            _products[alloc.Array] = _products[alloc.SharesDerivativeOf!];
        }
    }

    /// <summary>The seed parameter of a vector-Jacobian product (a struct result's, see <see cref="StructNames"/>).</summary>
    public string Seed { get; } = "seed";

    /// <summary>The names of the local arrays and their derivative buffers.</summary>
    public IEnumerable<string> LocalArrays => _buffers.SelectMany(b => new[] { _arrays[b.Key], b.Value }).Concat(_tangents.Values).Concat(_products.Values);

    /// <summary>The parameter at <paramref name="index"/> of the signature.</summary>
    public string Parameter(int index) => CSharpIdentifier.Escape(_signature[index].Name);

    public string Array(ArrayRef array) => array.Member ?? (array.Row is { } row ? _arrays[array with { Row = null }] + "[" + Print(row) + "]" : _arrays[array]);

    /// <summary>The derivative buffer of a local array (a parameter's is a gradient, tangent or product span of the member written).</summary>
    public string Buffer(ArrayRef array) => _buffers[array];

    /// <summary>The tangent buffer of a local array's elements (forward over reverse).</summary>
    public string Tangent(ArrayRef array) => _tangents[array];

    /// <summary>The tangent buffer of a local array's derivative buffer (forward over reverse; a shadow's is the updated array's).</summary>
    public string Product(ArrayRef array) => _products[array];

    /// <summary>Names the integer local that holds the current value of the user's changing int local <paramref name="name"/>.</summary>
    public string DeclareInteger(int id, string name) =>
        _integers.TryGetValue(id, out var known) ? known : _integers[id] = CSharpIdentifier.Escape(name) + "_" + id.ToString(CultureInfo.InvariantCulture);

    /// <summary>Names the counter of a loop header for the code inside it: the user's name, or a name the user cannot have written.</summary>
    public string Declare(LoopCounter counter) =>
        _integers[counter.Variable] = counter.Name is { } name ? CSharpIdentifier.Escape(name) : "k" + counter.Variable.ToString(CultureInfo.InvariantCulture) + "_";

    /// <summary>The C# text of an integer expression, fully parenthesized.</summary>
    public string Print(IntExpr expression) => expression switch
    {
        IntConstant constant => constant.Value.ToString(CultureInfo.InvariantCulture),
        IntParameter parameter => Parameter(parameter.Index),
        IntLocal local => _integers[local.Id],
        IntMember member => member.Member,
        ArrayLength length => Array(length.Array) + ".Length",
        ArrayDimension dimension => Array(dimension.Array) + ".GetLength(" + dimension.Dimension.ToString(CultureInfo.InvariantCulture) + ")",
        IntNegate negate => "(-" + Print(negate.Operand) + ")",
        IntPair pair => Print(pair.First) + ", " + Print(pair.Second),
        IntBinary { Op: IntOp.Min or IntOp.Max } call => "global::System.Math." + call.Op + "(" + Print(call.Left) + ", " + Print(call.Right) + ")",
        IntBinary binary => "(" + Print(binary.Left) + " " + Symbol(binary.Op) + " " + Print(binary.Right) + ")",
        _ => throw new System.InvalidOperationException("Cannot write " + expression + "."),
    };

    private static string Symbol(IntOp op) => op switch
    {
        IntOp.Add => "+",
        IntOp.Subtract => "-",
        IntOp.Multiply => "*",
        IntOp.Divide => "/",
        _ => "%",
    };
}
