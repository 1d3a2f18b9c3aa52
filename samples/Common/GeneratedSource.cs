namespace Leibniz.Samples;

/// <summary>
/// Reads what the generator wrote for a method, from the files the build emits (EmitCompilerGeneratedFiles is on
/// for every sample, see samples/Directory.Build.props), so the tour shows the real generated text.
/// </summary>
public static class GeneratedSource
{
    /// <summary>The generated file that declares <paramref name="memberName"/>, or null when it was not emitted.</summary>
    /// <param name="sampleDirectory">The sample's source folder.</param>
    /// <param name="memberName">A generated method, e.g. <c>RastriginGradient</c>.</param>
    public static string? FindFile(string sampleDirectory, string memberName)
    {
        var folder = Path.Combine(sampleDirectory, "obj", "generated");
        if (!Directory.Exists(folder))
        {
            return null;
        }

        return Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal)
            .FirstOrDefault(path => File.ReadAllText(path).Contains(" " + memberName + "(", StringComparison.Ordinal));
    }

    /// <summary>The XML doc comment and signature of <paramref name="memberName"/>, stripped of its slashes.</summary>
    /// <param name="file">A file from <see cref="FindFile"/>.</param>
    /// <param name="memberName">The generated method.</param>
    public static IReadOnlyList<string> DocumentationOf(string file, string memberName)
    {
        var lines = File.ReadAllLines(file);
        var signature = Array.FindIndex(lines, l => l.Contains(" " + memberName + "(", StringComparison.Ordinal) &&
                                                    !l.TrimStart().StartsWith("///", StringComparison.Ordinal));
        if (signature < 0)
        {
            return [];
        }

        var first = signature;
        while (first > 0 && lines[first - 1].TrimStart().StartsWith("///", StringComparison.Ordinal) ||
               first > 0 && lines[first - 1].TrimStart().StartsWith('['))
        {
            first--;
        }

        return lines[first..(signature + 1)]
            .Select(l => l.Trim())
            .Where(l => !l.StartsWith('['))
            .Select(l => l.StartsWith("///", StringComparison.Ordinal) ? l[3..].TrimStart() : l)
            .ToArray();
    }

    /// <summary>The body of <paramref name="memberName"/>: its lines from the opening to the closing brace, dedented.</summary>
    /// <param name="file">A file from <see cref="FindFile"/>.</param>
    /// <param name="memberName">The generated method.</param>
    public static IReadOnlyList<string> BodyOf(string file, string memberName)
    {
        var lines = File.ReadAllLines(file);
        var signature = Array.FindIndex(lines, l => l.Contains(" " + memberName + "(", StringComparison.Ordinal) &&
                                                    !l.TrimStart().StartsWith("///", StringComparison.Ordinal));
        if (signature < 0)
        {
            return [];
        }

        var indent = lines[signature].Length - lines[signature].TrimStart().Length;
        var body = new List<string>();
        var depth = 0;
        for (var i = signature + 1; i < lines.Length; i++)
        {
            body.Add(lines[i].Length >= indent ? lines[i][indent..] : lines[i].TrimStart());
            depth += lines[i].Count(c => c == '{') - lines[i].Count(c => c == '}');
            if (depth == 0)
            {
                break;
            }
        }

        return body;
    }
}
