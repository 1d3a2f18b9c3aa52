namespace Leibniz.Testing;

/// <summary>
/// The IDE-cost project of the generator benchmark: files of [Differentiable] methods, each method calling the same
/// method of the previous file, and one plain method per file to type into. Shared by the generator's tests (small)
/// and the benchmarks (20 files of 10 methods), linked into both projects.
/// </summary>
public static class ChainProject
{
    /// <summary>The source of each file.</summary>
    /// <param name="files">How many files.</param>
    /// <param name="methodsPerFile">How many [Differentiable] methods in each.</param>
    public static string[] Files(int files, int methodsPerFile) =>
        Enumerable.Range(0, files).Select(f => File(f, methodsPerFile)).ToArray();

    /// <summary>The body text of method <paramref name="method"/>, which an edit inside it changes.</summary>
    /// <param name="method">The method's number within its file.</param>
    public static string Body(int method) => $"Math.Sin(x) * y + {method}.5";

    private static string File(int file, int methodsPerFile)
    {
        var methods = Enumerable.Range(0, methodsPerFile).Select(m =>
        {
            var call = file == 0 ? "x * y" : $"File{file - 1}.M0(x, y)";
            return $"    [Differentiable] public static double M{m}(double x, double y) => {call} + {Body(m)};";
        });
        return "using System;\nusing Leibniz;\n\nnamespace Chain;\n\npublic static partial class File" + file + "\n{\n"
            + string.Join("\n", methods) + "\n\n    public static int Plain() => 42;\n}\n";
    }
}
