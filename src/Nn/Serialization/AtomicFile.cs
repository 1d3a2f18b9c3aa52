namespace Leibniz.Nn;

/// <summary>Writes a whole file so that an interrupted write never leaves a half-written file under its name.</summary>
internal static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> next to <paramref name="path"/> and moves the result over it.</summary>
    public static void WriteAllBytes(string path, byte[] bytes)
    {
        var fullPath = Path.GetFullPath(path);
        var temporary = fullPath + ".tmp-" + Guid.NewGuid().ToString("N");
        try
        {
            File.WriteAllBytes(temporary, bytes);
            File.Move(temporary, fullPath, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }
}
