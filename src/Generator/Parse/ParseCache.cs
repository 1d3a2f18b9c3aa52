using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Threading;
using Leibniz.Generator.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Leibniz.Generator.Parse;

/// <summary>
/// The transform of ForAttributeWithMetadataName runs again for every [Differentiable] method of the project each
/// time the compilation changes — on every keystroke — and binding each method's body is most of that time. A method
/// binds the same way as long as its own text and position, and the declarations of the whole compilation (every
/// file's text outside method, accessor and local-function bodies; references; options), are the same: bodies do not
/// change how other code binds. So a result is reused when both are unchanged: a keystroke in one body re-binds only
/// the [Differentiable] methods whose text changed (and all of them after a change of declarations).
/// </summary>
internal static class ParseCache
{
    // One entry per method (by file and signature): a method's newer text replaces its older one, so the cache holds
    // about one result per method of the project; the bound only guards against unbounded renaming.
    private const int MaxEntries = 16384;

    private static readonly ConditionalWeakTable<SyntaxTree, StrongBox<ulong>> Shapes = new();
    private static readonly ConditionalWeakTable<Compilation, StrongBox<ulong>> Declarations = new();
    private static readonly ConcurrentDictionary<Slot, (Key Key, ParseResult Result, Dependency[] Bodies)> Results = new();

    /// <summary>The bodies of other methods the parse running on this thread read (inlined helpers), or null.</summary>
    [System.ThreadStatic]
    private static List<Dependency>? _reading;

    public static ParseResult GetOrAdd(MethodDeclarationSyntax syntax, Compilation compilation, System.Func<ParseResult> parse, CancellationToken cancellationToken)
    {
        var tree = syntax.SyntaxTree;
        var start = tree.GetLineSpan(syntax.Span, cancellationToken).StartLinePosition;
        var key = new Key(tree.FilePath, syntax.SpanStart, start, Fnv1a.Hash(syntax.ToFullString()), DeclarationsOf(compilation, cancellationToken));
        var slot = new Slot(tree.FilePath, syntax.Identifier.ValueText + syntax.ParameterList.ToString());
        if (Results.TryGetValue(slot, out var cached) && cached.Key == key && cached.Bodies.All(b => b.Holds(compilation, cancellationToken)))
        {
            return cached.Result;
        }

        var outer = _reading;
        _reading = new List<Dependency>();
        ParseResult result;
        Dependency[] bodies;
        try
        {
            result = parse();
            bodies = _reading.ToArray();
        }
        finally
        {
            _reading = outer;
        }

        if (Results.Count >= MaxEntries)
        {
            Results.Clear();
        }

        Results[slot] = (key, result, bodies);
        return result;
    }

    /// <summary>
    /// Records that the parse running now read <paramref name="body"/>, the body of another method (which other code
    /// does not bind against, so the declarations' hash does not see it): the result is reused only while that text
    /// is unchanged at the same place.
    /// </summary>
    public static void DependsOn(SyntaxNode body) =>
        _reading?.Add(new Dependency(body.SyntaxTree.FilePath, body.Span, Fnv1a.Hash(body.ToString())));

    /// <summary>The text of a body another method's parse read, where it was.</summary>
    private readonly record struct Dependency(string Path, TextSpan Span, ulong Text)
    {
        public bool Holds(Compilation compilation, CancellationToken cancellationToken)
        {
            var path = Path;
            var tree = compilation.SyntaxTrees.FirstOrDefault(t => t.FilePath == path);
            if (tree is null)
            {
                return false;
            }

            var text = tree.GetText(cancellationToken);
            return Span.End <= text.Length && Fnv1a.Hash(text.ToString(Span)) == Text;
        }
    }

    private static ulong DeclarationsOf(Compilation compilation, CancellationToken cancellationToken)
    {
        if (Declarations.TryGetValue(compilation, out var known))
        {
            return known.Value;
        }

        var hash = Fnv1a.Add(Fnv1a.Offset, compilation.AssemblyName ?? "");
        var options = compilation.Options;
        hash = Fnv1a.Add(hash, options.CheckOverflow + "," + options.OutputKind + "," + options.Platform
            + (options is Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions csharp ? "," + csharp.AllowUnsafe + "," + csharp.NullableContextOptions + "," + string.Join(",", csharp.Usings) : ""));
        foreach (var reference in compilation.References)
        {
            hash = Fnv1a.Add(hash, reference.Display ?? "");
        }

        foreach (var tree in compilation.SyntaxTrees)
        {
            hash = Fnv1a.Add(hash, tree.FilePath);
            hash = Fnv1a.Add(hash, Shapes.GetValue(tree, t => new StrongBox<ulong>(Shape(t, cancellationToken))).Value.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        return Declarations.GetValue(compilation, _ => new StrongBox<ulong>(hash)).Value;
    }

    /// <summary>A hash of the file's text outside bodies (and of its parse options): what other files bind against.</summary>
    private static ulong Shape(SyntaxTree tree, CancellationToken cancellationToken)
    {
        var text = tree.GetText(cancellationToken);
        var hash = Fnv1a.Add(Fnv1a.Offset, string.Join(",", tree.Options.PreprocessorSymbolNames) + tree.Options.Kind + ((Microsoft.CodeAnalysis.CSharp.CSharpParseOptions)tree.Options).LanguageVersion);
        var position = 0;
        foreach (var body in tree.GetRoot(cancellationToken).DescendantNodes(node => !IsBody(node)).Where(IsBody))
        {
            hash = Fnv1a.Add(hash, text.ToString(TextSpan.FromBounds(position, body.SpanStart)));
            position = body.Span.End;
        }

        return Fnv1a.Add(hash, text.ToString(TextSpan.FromBounds(position, text.Length)));
    }

    private static bool IsBody(SyntaxNode node) => node is BlockSyntax or ArrowExpressionClauseSyntax
        && node.Parent is BaseMethodDeclarationSyntax or AccessorDeclarationSyntax or LocalFunctionStatementSyntax or PropertyDeclarationSyntax or IndexerDeclarationSyntax;

    private readonly record struct Slot(string Path, string Signature);

    private readonly record struct Key(string Path, int Start, LinePosition Line, ulong Text, ulong Declarations);

    private static class Fnv1a
    {
        public const ulong Offset = 14695981039346656037UL;

        public static ulong Hash(string text) => Add(Offset, text);

        public static ulong Add(ulong hash, string text)
        {
            foreach (var c in text)
            {
                hash = unchecked((hash ^ c) * 1099511628211UL);
            }

            return unchecked((hash ^ 0xFFFF) * 1099511628211UL);
        }
    }
}
