namespace ElementFlow.Review.Ledger;

/// <summary>Files written whole or not at all: a temporary file beside the target, flushed to the disk, then renamed over it.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>; with <paramref name="replace"/> false, returns false (and writes nothing) when the file exists.</summary>
    public static bool Write(string path, ReadOnlySpan<byte> bytes, bool replace = true)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                file.Write(bytes);

                // fsync before the rename: a crash then leaves the old file or the new one, never a torn one.
                file.Flush(flushToDisk: true);
            }

            if (!replace && File.Exists(path)) return false;
            File.Move(temp, path, overwrite: replace);
            return true;
        }
        catch (IOException) when (!replace && File.Exists(path))
        {
            return false;
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    public static bool Write(string path, string text, bool replace = true) => Write(path, System.Text.Encoding.UTF8.GetBytes(text), replace);
}
