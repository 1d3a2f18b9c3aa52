namespace Leibniz.Nn;

/// <summary>
/// A parameter file could not be loaded: wrong magic or version, truncated, corrupted (checksum mismatch), or made
/// for a model of another shape. Thrown before any parameter of the model is touched.
/// </summary>
public sealed class ParameterFileException : IOException
{
    /// <summary>Creates the exception for <paramref name="filePath"/>.</summary>
    /// <param name="filePath">The file that was being loaded.</param>
    /// <param name="problem">What is wrong with it.</param>
    public ParameterFileException(string filePath, string problem)
        : base($"Cannot load parameters from '{filePath}': {problem} The model was left unchanged.")
    {
        FilePath = filePath;
        Problem = problem;
    }

    /// <summary>The file that was being loaded.</summary>
    public string FilePath { get; }

    /// <summary>The problem alone, without the file name.</summary>
    public string Problem { get; }
}
