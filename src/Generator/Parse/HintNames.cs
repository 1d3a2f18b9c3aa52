using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;

namespace Leibniz.Generator.Parse;

/// <summary>
/// The file name a method's generated source is added under. AddSource throws (CS8785, and the IDE loses every
/// generated file) on a character outside its set or on a duplicate, and code being typed produces both: a method
/// that lands in global code sits in <c>&lt;invalid-global-code&gt;</c>, and identifiers may be any Unicode letter.
/// So the readable name keeps only safe ASCII, and whenever it had to drop or shorten anything a hash of the
/// method's documentation ID (unique per symbol) keeps names apart. Hint names are compared ignoring case, so two
/// valid methods <c>F</c> and <c>f</c> still share the readable name: <see cref="Unique"/> is the fallback for that.
/// </summary>
internal static class HintNames
{
    // With EmitCompilerGeneratedFiles the hint becomes a file name; a long parameter list would exceed the file
    // system's name limit (CS0016), so it is replaced by its count and a stable hash that keeps overloads apart.
    private const int MaxParameterListLength = 64;
    private const int MaxLength = 180;

    /// <summary>The readable hint name: namespace, types, method and parameter types, sanitized.</summary>
    public static string For(IMethodSymbol method)
    {
        var readable = Readable(method);
        var safe = Sanitize(readable);
        return safe == readable && safe.Length <= MaxLength ? safe + ".g.cs" : Hashed(safe, method);
    }

    /// <summary>A hint name no other method shares: the readable one with a hash of the documentation ID.</summary>
    public static string Unique(IMethodSymbol method) => Hashed(Sanitize(Readable(method)), method);

    private static string Readable(IMethodSymbol method)
    {
        var parts = new List<string>();
        for (var type = method.ContainingType; type is not null; type = type.ContainingType)
        {
            parts.Insert(0, type.MetadataName);
        }

        if (method.ContainingType?.ContainingNamespace is { IsGlobalNamespace: false } ns)
        {
            parts.Insert(0, ns.ToDisplayString());
        }

        var parameters = string.Join(",", method.Parameters.Select(p => p.Type.SpecialType switch
        {
            SpecialType.System_Single => "float",
            SpecialType.System_Double => "double",
            _ => p.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat).Replace('<', '{').Replace('>', '}'),
        }));
        return string.Join(".", parts.Append(method.Name)) + "(" + ShortParameterList(parameters, method.Parameters.Length) + ")";
    }

    private static string Hashed(string safe, IMethodSymbol method)
    {
        // The documentation ID names the symbol with its containers, generic arity and parameter types.
        var key = method.GetDocumentationCommentId() ?? method.ToDisplayString();
        return Truncate(safe, MaxLength) + "-" + Fnv1a(key).ToString("x8", CultureInfo.InvariantCulture) + ".g.cs";
    }

    /// <summary>ASCII letters, digits and <c>._,(){}[]`-+ </c> pass; anything else becomes '_'.</summary>
    internal static string Sanitize(string text)
    {
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or >= '0' and <= '9' || "._,(){}[]`-+ ".IndexOf(c) >= 0 ? c : '_');
        }

        return builder.ToString();
    }

    private static string Truncate(string text, int length) => text.Length <= length ? text : text.Substring(0, length);

    private static string ShortParameterList(string parameters, int count) =>
        parameters.Length <= MaxParameterListLength
            ? parameters
            : count.ToString(CultureInfo.InvariantCulture) + " parameters, " + Fnv1a(parameters).ToString("x8", CultureInfo.InvariantCulture);

    private static uint Fnv1a(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        return hash;
    }
}
