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

    [Theory]
    [MemberData(nameof(Pages))]
    public void Every_anchor_names_a_heading_or_an_id_of_its_page(string page)
    {
        var path = Path.Combine(RepositoryPaths.Root, page);
        var directory = Path.GetDirectoryName(path)!;
        var broken = Anchors(File.ReadAllText(path))
            .Where(link => !link.Path.Contains("://", StringComparison.Ordinal))
            .Select(link => (link.Path, link.Anchor, Target: link.Path.Length == 0 ? path : Path.Combine(directory, link.Path)))
            .Where(link => link.Target.EndsWith(".md", StringComparison.Ordinal) && File.Exists(link.Target))
            .Where(link => !AnchorsOf(File.ReadAllText(link.Target)).Contains(link.Anchor))
            .Select(link => $"{link.Path}#{link.Anchor}")
            .ToList();

        Assert.Empty(broken);
    }

    [Fact]
    public void Links_inside_code_are_not_links_and_anchors_are_dropped()
    {
        const string text = "See [a](docs/a.md#part), ![b](img/b.png \"title\"), [web](https://x.org), [here](#top).\n" +
                            "```csharp\nvar y = v[0](1);\n```\nand `f[i](x)`.";

        Assert.Equal(["docs/a.md", "img/b.png"], RelativeTargets(text));
        Assert.Equal([("docs/a.md", "part"), ("", "top")], Anchors(text));
    }

    [Fact]
    public void Anchors_are_GitHub_heading_slugs_and_explicit_ids()
    {
        const string text = "# Tensors, autograd → `Nn`\n## Second order: Hessians\n## Second order: Hessians\n" +
                            "| <a id=\"lz0001\"></a>LZ0001 |\n```\n# not a heading\n```";

        Assert.Equal(["tensors-autograd--nn", "second-order-hessians", "second-order-hessians-1", "lz0001"], AnchorsOf(text));
    }

    /// <summary>The anchors a page offers: GitHub's slug of every heading outside code (numbered when repeated) and every explicit id.</summary>
    private static List<string> AnchorsOf(string markdown)
    {
        var anchors = new List<string>();
        var prose = FencedCode().Replace(markdown, "");
        foreach (Match heading in Heading().Matches(prose))
        {
            var text = heading.Groups["text"].Value.Replace("`", "", StringComparison.Ordinal).Trim().ToLowerInvariant();
            var slug = SlugDropped().Replace(text, "").Replace(' ', '-');
            var repeats = anchors.Count(a => a == slug);
            anchors.Add(repeats == 0 ? slug : $"{slug}-{repeats}");
        }

        anchors.AddRange(ExplicitId().Matches(prose).Select(m => m.Groups["id"].Value));
        return anchors;
    }

    /// <summary>(path, anchor) of every link with an anchor outside code; the path is empty for the same page.</summary>
    private static List<(string Path, string Anchor)> Anchors(string markdown) =>
        Link().Matches(InlineCode().Replace(FencedCode().Replace(markdown, ""), ""))
            .Select(m => m.Groups["target"].Value)
            .Where(target => target.Contains('#', StringComparison.Ordinal))
            .Select(target => (target[..target.IndexOf('#', StringComparison.Ordinal)], target[(target.IndexOf('#', StringComparison.Ordinal) + 1)..]))
            .ToList();

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

    [GeneratedRegex(@"^#{1,6}[ \t]+(?<text>.+?)[ \t]*#*[ \t]*$", RegexOptions.Multiline)]
    private static partial Regex Heading();

    [GeneratedRegex(@"[^\p{L}\p{N}\p{Mn}\p{Pc} \-]")]
    private static partial Regex SlugDropped();

    [GeneratedRegex(@"<a\s+(?:id|name)=""(?<id>[^""]+)""")]
    private static partial Regex ExplicitId();

    [GeneratedRegex(@"`[^`\n]*`")]
    private static partial Regex InlineCode();

    [GeneratedRegex(@"!?\[[^\]\n]*\]\((?<target>[^)\s]+)(\s+""[^""]*"")?\)")]
    private static partial Regex Link();
}
