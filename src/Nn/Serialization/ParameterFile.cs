namespace Leibniz.Nn;

/// <summary>
/// Saves and loads the parameters of a <see cref="Module"/> (not its architecture: load into a model built the
/// same way), in the documented, versioned, checksummed format of docs/nn-data.md.
/// </summary>
public static class ParameterFile
{
    /// <summary>The format version written by <see cref="SaveParameters"/> and the only one read back.</summary>
    public const int FormatVersion = (int)ParameterCodec.Version;

    /// <summary>
    /// Writes every parameter of <paramref name="module"/> (names, element types, shapes, values, checksum) to
    /// <paramref name="path"/>. The file is written next to its destination and then moved over it, so an
    /// interrupted save never leaves a half-written file under that name.
    /// </summary>
    /// <param name="module">The model.</param>
    /// <param name="path">The destination file; replaced if it exists.</param>
    public static void SaveParameters(this Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var bytes = ParameterCodec.Encode([.. module.NamedParameters()]);
        AtomicFile.WriteAllBytes(path, bytes);
    }

    /// <summary>
    /// Reads parameters saved by <see cref="SaveParameters"/> into <paramref name="module"/>. The whole file is
    /// checked first — magic, version, checksum, and every parameter's name, element type and shape against the
    /// model — so a bad file throws and leaves the model exactly as it was.
    /// </summary>
    /// <param name="module">A model with the same architecture as the one saved.</param>
    /// <param name="path">The file.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="ParameterFileException">The file is not a parameter file, has another version, is truncated or corrupted, or does not fit the model.</exception>
    public static void LoadParameters(this Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        var fullPath = Path.GetFullPath(path);
        if (!File.Exists(fullPath))
        {
            throw new FileNotFoundException($"The parameter file '{fullPath}' does not exist.", fullPath);
        }

        ParameterCodec.Decode(File.ReadAllBytes(fullPath), fullPath, [.. module.NamedParameters()]);
    }
}
