using System.Globalization;
using System.IO.Compression;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Spatial;

namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// The layer source of File Geodatabases in a plan package (a <c>X.gdb</c> folder, or a zipped <c>X.gdb.zip</c>),
/// read with the managed reader: the table named by <c>layer:</c> (or <c>X.gdb#TABLE</c>), else the only one,
/// else the one whose name is a standard name of the role (STBHHX, GHYDYH, ...). The table's own spatial
/// reference is checked against the plan's; every feature whose shape had curves, or whose shape could not be
/// decoded, becomes a data issue (<see cref="DataIssue.CurvedSegments"/>, <see cref="DataIssue.UnreadableShape"/>).
/// </summary>
/// <remarks>
/// A host adds it to the package formats: <c>PackageFormats.Sources.With(new FileGdbSource())</c>. Stateless.
/// A <c>.gdb</c> folder of a zipped package is copied out with <see cref="IPackageFiles.LocalFolder"/>, its
/// bytes counted against the package size limit.
/// </remarks>
public sealed class FileGdbSource : ILayerSource
{
    /// <summary>The catalogue table every File Geodatabase has; listed first, so a folder without one is unreadable rather than missing.</summary>
    private const string Catalogue = "a00000001.gdbtable";

    public string Name => "filegdb";

    public string? EntryKey => null;

    public bool HasTables => true;

    /// <summary>True for the paths this source takes: <c>.gdb</c> folders and <c>.gdb.zip</c> archives.</summary>
    public bool ReadsFile(string file) => IsGeodatabase(file);

    /// <summary>True for <c>.gdb</c> folders (with or without a trailing slash) and <c>.gdb.zip</c> archives.</summary>
    public static bool IsGeodatabase(string file) =>
        file.TrimEnd('/', '\\').EndsWith(".gdb", StringComparison.OrdinalIgnoreCase) || file.EndsWith(".gdb.zip", StringComparison.OrdinalIgnoreCase);

    /// <summary>A zipped geodatabase is one file; a folder is all its files, the catalogue first (none: the folder itself, which is then missing).</summary>
    public IEnumerable<string> FilesOf(string file, IPackageFiles files)
    {
        file = file.TrimEnd('/', '\\');
        if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase)) return [file];
        var under = files.FilesUnder(file).ToList();
        if (under.Count == 0) return [file];
        var catalogue = under.FindIndex(f => f.EndsWith("/" + Catalogue, StringComparison.OrdinalIgnoreCase) && f.LastIndexOf('/') == file.Length);
        if (catalogue > 0) (under[0], under[catalogue]) = (under[catalogue], under[0]);
        return under;
    }

    public LayerReadResult Read(LayerRequest request, IPackageFiles files, CancellationToken cancellation)
    {
        var file = request.File.TrimEnd('/', '\\');
        LocalFile? local = null;
        string? unzipped = null;
        try
        {
            string folder;
            if (file.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                local = files.Local(file);
                unzipped = Directory.CreateTempSubdirectory("elementflow-gdb-").FullName;
                folder = Unzip(local.Path, unzipped, request);
            }
            else
            {
                local = files.LocalFolder(file);
                folder = local.Path;
            }

            return ReadFolder(folder, request, cancellation);
        }
        catch (FileGdbFormatException e)
        {
            return LayerReadResult.Unreadable(request, e.Message);
        }
        finally
        {
            local?.Dispose();
            if (unzipped is not null) TryDelete(unzipped);
        }
    }

    private static LayerReadResult ReadFolder(string folder, LayerRequest request, CancellationToken cancellation)
    {
        var database = FileGdbDatabase.Open(folder);
        if (Choose(database, request) is not { } name) return LayerReadResult.Unreadable(request, WhyNoTable(database, request));
        try
        {
            using var table = database.OpenTable(name);
            var diagnostics = new List<Diagnostic>();
            var epsg = CrsWkt.Epsg(table.SpatialReferenceWkt);
            if (epsg != 0 && request.PlanCrs.Epsg != 0 && epsg != request.PlanCrs.Epsg)
            {
                diagnostics.Add(Diagnostic.Error("layer.crs-mismatch", request.ShownPath, null, null,
                    ("role", request.Role.Name), ("layer_crs", $"EPSG:{epsg}"), ("plan_crs", request.PlanCrs.Text)));
            }

            var builder = new FeatureBuilder(request);
            if (table.RowCount > builder.Limits.MaxFeatures) throw builder.TooManyFeatures(table.RowCount);
            var names = table.AttributeFields.Select(f => f.Name).ToArray();
            var curved = new List<DataIssue>();
            long ordinal = 0;
            foreach (var row in table.Rows(GeometryServices.Factory))
            {
                if ((ordinal & 0xFFF) == 0) cancellation.ThrowIfCancellationRequested();
                if (++ordinal > builder.Limits.MaxFeatures) throw builder.TooManyFeatures(ordinal);
                var attributes = new KeyValuePair<string, object?>[names.Length];
                for (var i = 0; i < names.Length; i++) attributes[i] = new(names[i], Value(row.Values[i]));
                builder.CheckVertices(row.Geometry, () => builder.IdOf(null, attributes, row.ObjectId, ordinal));
                if (row.CurveSegments > 0 || row.GeometryProblem is not null)
                {
                    var id = builder.IdOf(null, attributes, row.ObjectId, ordinal);
                    curved.Add(row.GeometryProblem is { } problem
                        ? new DataIssue(request.Role.Name, id, DataIssue.UnreadableShape, problem)
                        : new DataIssue(request.Role.Name, id, DataIssue.CurvedSegments, row.CurveSegments.ToString(CultureInfo.InvariantCulture)));
                }

                builder.Add(null, row.Geometry, attributes, row.ObjectId);
            }

            var result = builder.Build(diagnostics);
            return result with { Issues = [.. result.Issues, .. curved] };
        }
        catch (FileGdbFormatException e)
        {
            // The table, not the database, is broken: name it.
            return LayerReadResult.Unreadable(request, $"table {name} ({database.FileOf(name)}): {e.Message}");
        }
    }

    private static string? Choose(FileGdbDatabase database, LayerRequest request)
    {
        if (request.Table is { } named) return database.Find(named);
        var tables = database.TableNames;
        if (tables.Count == 1) return tables[0];
        var standard = tables.Where(t => LayerRole.Find(t) == request.Role).ToList();
        return standard.Count == 1 ? standard[0] : null;
    }

    private static string WhyNoTable(FileGdbDatabase database, LayerRequest request)
    {
        var names = database.TableNames.Count == 0 ? "none" : string.Join(", ", database.TableNames);
        return request.Table is { } named
            ? $"the geodatabase has no table {named} (it holds: {names})"
            : $"the geodatabase holds several tables ({names}); name one with layer:";
    }

    /// <summary>Attribute values as the feature builder takes them: numbers as double, dates as ISO text, GUIDs as Esri writes them.</summary>
    private static object? Value(object? value) => value switch
    {
        short s => (double)s,
        int i => (double)i,
        long l => (double)l,
        float f => (double)f,
        DateTime d => d.ToString(d.TimeOfDay == TimeSpan.Zero ? "yyyy-MM-dd" : "yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateTimeOffset o => o.ToString("yyyy-MM-dd HH:mm:sszzz", CultureInfo.InvariantCulture),
        TimeSpan t => t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture),
        Guid g => g.ToString("B").ToUpperInvariant(),
        byte[] => null,
        _ => value,
    };

    /// <summary>Unpacks the geodatabase folder of a zipped <c>.gdb</c> (the folder holding its catalogue), counting bytes against the package limit.</summary>
    private static string Unzip(string zipPath, string target, LayerRequest request)
    {
        using var archive = ZipFile.OpenRead(zipPath);
        var catalog = archive.Entries.Select(e => e.FullName.Replace('\\', '/'))
            .Where(n => n.EndsWith("a00000001.gdbtable", StringComparison.OrdinalIgnoreCase))
            .OrderBy(n => n.Length).FirstOrDefault()
            ?? throw new InvalidDataException("the archive holds no File Geodatabase (no a00000001.gdbtable)");
        var prefix = catalog[..^"a00000001.gdbtable".Length];
        long unpacked = 0;
        foreach (var entry in archive.Entries)
        {
            var name = entry.FullName.Replace('\\', '/');
            if (!name.StartsWith(prefix, StringComparison.Ordinal) || name.EndsWith('/')) continue;
            var relative = name[prefix.Length..];
            if (relative.Contains('/') || !IsPlainName(relative)) continue;
            using var source = entry.Open();
            using var copy = File.Create(Path.Combine(target, relative));
            var buffer = new byte[81920];
            int read;
            while ((read = source.Read(buffer)) > 0)
            {
                unpacked += read;
                if (unpacked > request.Limits.MaxPackageBytes) throw new InvalidDataException($"the zipped geodatabase unpacks to more than {request.Limits.MaxPackageBytes} bytes");
                copy.Write(buffer, 0, read);
            }
        }

        return target;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary copy is harmless.
        }
    }

    /// <summary>A file name that stays in the folder it is unpacked to.</summary>
    private static bool IsPlainName(string name) =>
        name.Length > 0 && name is not ("." or "..") && name.IndexOfAny(['\\', ':']) < 0 && !Path.IsPathRooted(name);
}
