using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;

namespace Leibniz.Generator.Model;

/// <summary>A method's readable hint name and the one no other method shares.</summary>
internal sealed record HintNamePair(string Readable, string Unique);

/// <summary>
/// The hint names more than one method would use, compared as AddSource compares them (ignoring case). Only names
/// are collected, so typing inside a method body leaves this value equal and every source output cached.
/// </summary>
internal sealed record HintNameClashes(EquatableArray<string> Shared, EquatableArray<string> Duplicates)
{
    public static HintNameClashes Find(ImmutableArray<HintNamePair> pairs) => new(
        Repeated(pairs.Select(p => p.Readable)),
        Repeated(pairs.Select(p => p.Unique)));

    /// <summary>True when another method has the same readable hint name.</summary>
    public bool IsShared(string readable) => Shared.Contains(readable.ToUpperInvariant());

    /// <summary>True when another method has the same unique name: the same symbol declared twice.</summary>
    public bool IsDuplicate(string unique) => Duplicates.Contains(unique.ToUpperInvariant());

    private static EquatableArray<string> Repeated(IEnumerable<string> names) =>
        names.GroupBy(n => n.ToUpperInvariant(), StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key)
            .OrderBy(n => n, StringComparer.Ordinal).ToEquatableArray();
}
