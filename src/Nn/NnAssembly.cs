namespace Leibniz.Nn;

/// <summary>Identifies the Leibniz.Nn assembly.</summary>
public static class NnAssembly
{
    /// <summary>The assembly's name.</summary>
    public const string Name = "Leibniz.Nn";
}
