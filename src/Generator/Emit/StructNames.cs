using System.Collections.Generic;
using System.Linq;
using Leibniz.Generator.Model;

namespace Leibniz.Generator.Emit;

/// <summary>
/// Names the generated code adds for structs of numbers, decided from the signature alone so that Parse (which
/// reads the fields of a struct span through them) and Emit (which declares them) agree: the flat span of each
/// struct span parameter's fields (<c>pointsFields</c>, a <c>MemoryMarshal.Cast</c> of it), the same for its
/// derivative span (<c>dpointsFields</c>), and the seed of a struct result's vector-Jacobian product.
/// </summary>
internal sealed class StructNames
{
    private StructNames(IReadOnlyList<string?> fields, IReadOnlyList<string?> derivativeFields, string seed)
    {
        Fields = fields;
        DerivativeFields = derivativeFields;
        Seed = seed;
    }

    /// <summary>Per parameter: the flat span of a struct span's fields (escaped), null for other parameters.</summary>
    public IReadOnlyList<string?> Fields { get; }

    /// <summary>Per parameter: the flat span of its gradient or tangent span's fields, null for other parameters.</summary>
    public IReadOnlyList<string?> DerivativeFields { get; }

    /// <summary>The seed (cotangent) parameter of a vector-Jacobian product.</summary>
    public string Seed { get; }

    public static StructNames For(IReadOnlyList<ParameterModel> signature)
    {
        var names = signature.Select(p => p.Name).ToList();
        var derivatives = DerivativeNames.Of(names);
        var taken = new HashSet<string>(names.Concat(derivatives).Select(CSharpIdentifier.Escape));
        var flat = signature.Select(p => IsStructSpan(p) ? Naming.Free(p.Name + "Fields", taken) : null).ToList();
        var flatDerivatives = signature.Select((p, i) => IsStructSpan(p) ? Naming.Free(derivatives[i] + "Fields", taken) : null).ToList();
        return new StructNames(flat, flatDerivatives, CSharpIdentifier.Escape(Naming.Free("seed", taken)));
    }

    /// <summary>Every name this adds (so local arrays and locals avoid them).</summary>
    public IEnumerable<string> All => Fields.Concat(DerivativeFields).OfType<string>().Append(Seed);

    private static bool IsStructSpan(ParameterModel parameter) => parameter.Shape is not null && parameter.Kind is ParameterKind.Array or ParameterKind.ConstantArray;
}
