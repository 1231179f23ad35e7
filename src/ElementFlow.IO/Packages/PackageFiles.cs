using System.IO.Compression;
using ElementFlow.Core.Limits;
using ElementFlow.Sources;

namespace ElementFlow.IO.Packages;

/// <summary>
/// The files of one plan package, whether a folder or a <c>.zip</c> of one. Paths are package-relative
/// with forward slashes; nothing outside the package can be named.
/// </summary>
public abstract class PackageFiles : IPackageFiles, IDisposable
{
    /// <summary>The package as the user named it.</summary>
    public required string DisplayPath { get; init; }

    public abstract bool Exists(string relativePath);

    public abstract Stream OpenRead(string relativePath);

    /// <summary>
    /// A file of the package as a path on disk, for readers that need one (SQLite opens files, a shapefile
    /// reads its .dbf, .prj and .cpg beside the .shp). Companions are files with the same name and another
    /// extension; those that exist come along.
    /// </summary>
    public abstract LocalFile Local(string relativePath, params string[] companionExtensions);

    public abstract IEnumerable<string> FilesUnder(string relativeFolder);

    public abstract LocalFile LocalFolder(string relativeFolder);

    /// <summary>The path of a file as the user would look for it, for messages.</summary>
    public string Show(string relativePath) => $"{DisplayPath.TrimEnd('/', '\\')}/{relativePath}";

    public byte[] ReadAllBytes(string relativePath)
    {
        using var stream = OpenRead(relativePath);
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return bytes.ToArray();
    }

    public virtual void Dispose() => GC.SuppressFinalize(this);

    /// <summary>True when a package path stays inside the package (no rooted paths, no climbing out with ..).</summary>
    public static bool IsSafe(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains(':')) return false;
        var depth = 0;
        foreach (var part in relativePath.Replace('\\', '/').Split('/'))
        {
            depth += part switch { ".." => -1, "." or "" => 0, _ => 1 };
            if (depth < 0) return false;
        }

        return true;
    }

    public static string Normalise(string relativePath) =>
        string.Join('/', relativePath.Replace('\\', '/').Split('/').Where(p => p is not "." and not ""));
}

/// <summary>A package that is a folder on disk.</summary>
public sealed class FolderPackage(string root) : PackageFiles
{
    public string Root { get; } = Path.GetFullPath(root);

    public override bool Exists(string relativePath) => IsSafe(relativePath) && File.Exists(Full(relativePath));

    public override Stream OpenRead(string relativePath) =>
        IsSafe(relativePath) ? File.OpenRead(Full(relativePath)) : throw new UnauthorizedAccessException(relativePath);

    public override LocalFile Local(string relativePath, params string[] companionExtensions) =>
        IsSafe(relativePath) ? new LocalFile(Full(relativePath), null) : throw new UnauthorizedAccessException(relativePath);

    public override IEnumerable<string> FilesUnder(string relativeFolder)
    {
        if (!IsSafe(relativeFolder) || !Directory.Exists(Full(relativeFolder))) return [];
        var folder = Normalise(relativeFolder);
        return Directory.EnumerateFiles(Full(relativeFolder), "*", SearchOption.AllDirectories)
            .Select(f => folder + "/" + Path.GetRelativePath(Full(relativeFolder), f).Replace('\\', '/'))
            .Order(StringComparer.Ordinal);
    }

    public override LocalFile LocalFolder(string relativeFolder) =>
        IsSafe(relativeFolder) ? new LocalFile(Full(relativeFolder), null) : throw new UnauthorizedAccessException(relativeFolder);

    /// <summary>The size of a package file in bytes, 0 when it does not exist or is not safe to name.</summary>
    public long Length(string relativePath) =>
        IsSafe(relativePath) && new FileInfo(Full(relativePath)) is { Exists: true } info ? info.Length : 0;

    private string Full(string relativePath) => Path.Combine(Root, Normalise(relativePath));
}

/// <summary>
/// A package that is a zip archive; <c>plan.yaml</c> may sit at the root or inside one top folder.
/// Every byte unpacked from it counts against <see cref="InputLimits.MaxPackageBytes"/>, whatever the
/// entries declare, so a zip bomb with forged sizes stops at the limit. (.NET itself stops an entry at its
/// declared length today; this does not rely on it.) An entry read twice (a GeoPackage holding two
/// layers) counts once: the limit is on the unpacked size, not on reading.
/// </summary>
public sealed class ZipPackage : PackageFiles
{
    private readonly ZipArchive _archive;
    private readonly Dictionary<string, ZipArchiveEntry> _entries = new(StringComparer.Ordinal);
    private readonly InputLimits _limits;
    private readonly Dictionary<ZipArchiveEntry, long> _unpackedPerEntry = [];
    private long _unpacked;

    public ZipPackage(string path, InputLimits? limits = null)
    {
        _limits = limits ?? InputLimits.Default;
        _archive = ZipFile.OpenRead(path);
        foreach (var entry in _archive.Entries)
        {
            // Saturate rather than overflow: forged lengths can be near long.MaxValue.
            DeclaredSize = entry.Length > long.MaxValue - DeclaredSize ? long.MaxValue : DeclaredSize + Math.Max(0, entry.Length);
        }

        var prefix = _archive.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n == "plan.yaml" || n.EndsWith("/plan.yaml", StringComparison.Ordinal))
            .OrderBy(n => n.Length)
            .FirstOrDefault() is { } plan ? plan[..^"plan.yaml".Length] : "";
        foreach (var entry in _archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (!IsSafe(name))
            {
                UnsafeEntries.Add(entry.FullName);
                continue;
            }

            // Two entries of one name: unzip tools disagree on which wins, so a reviewer may see another file than the one checked.
            if (name.StartsWith(prefix, StringComparison.Ordinal) && !_entries.TryAdd(Normalise(name[prefix.Length..]), entry)) DuplicateEntries.Add(entry.FullName);
        }
    }

    /// <summary>Entries whose name an earlier entry already has; the first one is the one read.</summary>
    public List<string> DuplicateEntries { get; } = [];

    /// <summary>The unpacked size the entries' headers declare, all entries together.</summary>
    public long DeclaredSize { get; }

    /// <summary>Entries that would land outside the archive when unpacked (zip-slip); never opened.</summary>
    public List<string> UnsafeEntries { get; } = [];

    public override bool Exists(string relativePath) => IsSafe(relativePath) && _entries.ContainsKey(Normalise(relativePath));

    public override Stream OpenRead(string relativePath) =>
        IsSafe(relativePath) && _entries.TryGetValue(Normalise(relativePath), out var e)
            ? new CountingStream(e.Open(), e, this)
            : throw new FileNotFoundException(relativePath);

    /// <remarks>Copies the entry and its companions to a temporary folder, removed when the result is disposed.</remarks>
    public override LocalFile Local(string relativePath, params string[] companionExtensions)
    {
        if (!IsSafe(relativePath) || !_entries.ContainsKey(Normalise(relativePath))) throw new FileNotFoundException(relativePath);
        var folder = Path.Combine(Path.GetTempPath(), "elementflow-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var stem = Normalise(relativePath)[..^Path.GetExtension(relativePath).Length];
        var target = Path.Combine(folder, Path.GetFileName(relativePath));
        foreach (var (name, entry) in _entries)
        {
            var extension = Path.GetExtension(name);
            var wanted = name == Normalise(relativePath)
                || (name[..^extension.Length] == stem && companionExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase));
            if (!wanted) continue;
            using var source = new CountingStream(entry.Open(), entry, this);
            using var copy = File.Create(Path.Combine(folder, Path.GetFileNameWithoutExtension(target) + extension.ToLowerInvariant()));
            source.CopyTo(copy);
        }

        return new LocalFile(Path.Combine(folder, Path.GetFileNameWithoutExtension(target) + Path.GetExtension(target).ToLowerInvariant()), folder);
    }

    /// <summary>
    /// Unpacks every entry of the package without keeping a byte, so what the entries really unpack to is counted,
    /// whatever their headers declare.
    /// </summary>
    /// <exception cref="PackageSizeException">The entries unpack to more than the limit.</exception>
    /// <exception cref="InvalidDataException">An entry is corrupt.</exception>
    public void UnpackAll(CancellationToken cancellation = default)
    {
        var buffer = new byte[81920];
        foreach (var entry in _entries.Values.Distinct())
        {
            cancellation.ThrowIfCancellationRequested();
            using var stream = new CountingStream(entry.Open(), entry, this);
            while (stream.Read(buffer, 0, buffer.Length) > 0)
            {
            }
        }
    }

    public override IEnumerable<string> FilesUnder(string relativeFolder)
    {
        if (!IsSafe(relativeFolder)) return [];
        var prefix = Normalise(relativeFolder) + "/";
        return _entries.Keys.Where(n => n.StartsWith(prefix, StringComparison.Ordinal) && !n.EndsWith('/')).Order(StringComparer.Ordinal).ToList();
    }

    /// <remarks>Copies the folder's entries to a temporary folder, removed when the result is disposed.</remarks>
    public override LocalFile LocalFolder(string relativeFolder)
    {
        var files = FilesUnder(relativeFolder).ToList();
        if (files.Count == 0) throw new DirectoryNotFoundException(relativeFolder);
        var temporary = Path.Combine(Path.GetTempPath(), "elementflow-" + Guid.NewGuid().ToString("N"));
        var target = Path.Combine(temporary, Path.GetFileName(Normalise(relativeFolder)));
        var prefix = Normalise(relativeFolder).Length + 1;
        foreach (var name in files)
        {
            var path = Path.Combine(target, name[prefix..]);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using var source = new CountingStream(_entries[name].Open(), _entries[name], this);
            using var copy = File.Create(path);
            source.CopyTo(copy);
        }

        return new LocalFile(target, temporary);
    }

    public override void Dispose()
    {
        _archive.Dispose();
        base.Dispose();
    }

    /// <summary>Records that <paramref name="position"/> bytes of an entry have been unpacked; past the package's limit, reading stops.</summary>
    private void Unpacked(ZipArchiveEntry entry, long position)
    {
        lock (_unpackedPerEntry)
        {
            var before = _unpackedPerEntry.GetValueOrDefault(entry);
            if (position <= before) return;
            _unpackedPerEntry[entry] = position;
            _unpacked += position - before;
            if (_unpacked > _limits.MaxPackageBytes) throw new PackageSizeException(LimitDiagnostics.ZipRead(_limits, DisplayPath));
        }
    }

    /// <summary>A read-only entry stream that counts what it hands out against the package's limit.</summary>
    private sealed class CountingStream(Stream inner, ZipArchiveEntry entry, ZipPackage package) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;

        public override long Position
        {
            get => inner.Position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override int Read(Span<byte> buffer) => Counted(inner.Read(buffer));

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Counted(int read)
        {
            _read += read;
            package.Unpacked(entry, _read);
            return read;
        }
    }
}
