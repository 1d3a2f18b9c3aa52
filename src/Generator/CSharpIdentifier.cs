using Microsoft.CodeAnalysis.CSharp;

namespace Leibniz.Generator;

/// <summary>Identifiers as C# source must spell them; shared by Parse (member texts of constants) and Emit.</summary>
internal static class CSharpIdentifier
{
    /// <summary>The name, with <c>@</c> in front when it is a keyword (a parameter called <c>@double</c>).</summary>
    public static string Escape(string name) => SyntaxFacts.GetKeywordKind(name) != SyntaxKind.None ? "@" + name : name;
}
