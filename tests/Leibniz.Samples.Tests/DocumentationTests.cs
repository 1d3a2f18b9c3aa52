using System.Text.RegularExpressions;

namespace Leibniz.Samples.Tests;

/// <summary>The README and the pages in docs/ stay short enough to read and point only at files that exist.</summary>
public sealed partial class DocumentationTests
{
    private const int ReadmeLineLimit = 250;

    public static TheoryData<string> Pages()
    {
        var pages = new TheoryData<string> { "README.md", "BENCHMARKS.md" };
        foreach (var path in Directory.EnumerateFiles(Path.Combine(RepositoryPaths.Root, "docs"), "*.md").Order(StringComparer.Ordinal))
        {
            pages.Add(Path.GetRelativePath(RepositoryPaths.Root, path).Replace('\\', '/'));
        }

        return pages;
    }

    [Fact]
    public void The_README_fits_in_250_lines()
    {
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Length;

        Assert.True(lines <= ReadmeLineLimit, $"README.md has {lines} lines; keep it at most {ReadmeLineLimit} and move detail to docs/.");
    }

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_relative_link_and_image_resolves(string page)
    {
        var path = Path.Combine(RepositoryPaths.Root, page);
        var directory = Path.GetDirectoryName(path)!;
        var targets = RelativeTargets(File.ReadAllText(path)).ToList();

        var missing = targets
            .Where(target => !File.Exists(Path.Combine(directory, target)) && !Directory.Exists(Path.Combine(directory, target)))
            .ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void Links_inside_code_are_not_links_and_anchors_are_dropped()
    {
        const string text = "See [a](docs/a.md#part), ![b](img/b.png \"title\"), [web](https://x.org), [here](#top).\n" +
                            "```csharp\nvar y = v[0](1);\n```\nand `f[i](x)`.";

        Assert.Equal(["docs/a.md", "img/b.png"], RelativeTargets(text));
    }

    /// <summary>Targets of Markdown links and images outside code, without anchors; web links and same-page anchors are skipped.</summary>
    private static IEnumerable<string> RelativeTargets(string markdown)
    {
        var prose = InlineCode().Replace(FencedCode().Replace(markdown, ""), "");
        foreach (Match match in Link().Matches(prose))
        {
            var target = match.Groups["target"].Value;
            if (target.StartsWith('#') || target.Contains("://", StringComparison.Ordinal) || target.StartsWith("mailto:", StringComparison.Ordinal))
            {
                continue;
            }

            var anchor = target.IndexOf('#', StringComparison.Ordinal);
            yield return Uri.UnescapeDataString(anchor < 0 ? target : target[..anchor]);
        }
    }

    [GeneratedRegex(@"^```.*?^```", RegexOptions.Multiline | RegexOptions.Singleline)]
    private static partial Regex FencedCode();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
