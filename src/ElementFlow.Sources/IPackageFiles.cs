namespace ElementFlow.Sources;

/// <summary>
/// The files of one plan package (a folder or a zip of one), as a layer source sees them. Paths are
/// package-relative with forward slashes; nothing outside the package can be named. Bytes unpacked from
/// a zip count against the package size limit, whichever source reads them.
/// </summary>
public interface IPackageFiles
{
    /// <summary>The package as the user named it.</summary>
    string DisplayPath { get; }

    /// <summary>True when the package has this file.</summary>
    bool Exists(string relativePath);

    /// <summary>The package files below a folder of the package (a FileGDB <c>.gdb</c>), package-relative; empty when there is none.</summary>
    IEnumerable<string> FilesUnder(string relativeFolder);

    Stream OpenRead(string relativePath);

    /// <summary>
    /// A file of the package as a path on disk, for readers that need one (SQLite opens files, a shapefile
    /// reads its .dbf, .prj and .cpg beside the .shp). Companions are files with the same name and another
    /// extension; those that exist come along.
    /// </summary>
    LocalFile Local(string relativePath, params string[] companionExtensions);

    /// <summary>A folder of the package as a folder on disk with all its files (a FileGDB <c>.gdb</c>).</summary>
    LocalFile LocalFolder(string relativeFolder);

    /// <summary>The path of a file as the user would look for it, for messages.</summary>
    string Show(string relativePath);
}

/// <summary>A package file or folder on disk; when it was copied out of an archive, disposing removes the copy.</summary>
/// <param name="Path">Where the file (or folder) is.</param>
/// <param name="TemporaryFolder">The folder to remove afterwards, or null for a file that belongs to a folder package.</param>
public sealed record LocalFile(string Path, string? TemporaryFolder) : IDisposable
{
    public void Dispose()
    {
        if (TemporaryFolder is null) return;
        try
        {
            Directory.Delete(TemporaryFolder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary copy is harmless.
        }
    }
}
