using System.Reflection;

namespace Leibniz.Samples;

/// <summary>Finds a sample's source folder, recorded at build time by samples/Directory.Build.props.</summary>
public static class SampleDirectory
{
    /// <summary>The source folder of the project that built <paramref name="assembly"/>.</summary>
    /// <param name="assembly">A sample's assembly.</param>
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var value = assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "LeibnizSampleDirectory")?.Value;
        return string.IsNullOrEmpty(value) ? Environment.CurrentDirectory : value;
    }
}
