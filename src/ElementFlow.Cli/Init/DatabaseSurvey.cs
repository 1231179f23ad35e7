using System.IO.Compression;
using ElementFlow.Core.Planning;
using ElementFlow.Sources.FileGdb;
using ElementFlow.Spatial;

namespace ElementFlow.Cli.Init;

/// <summary>One table of a submitted database as <c>init</c> sees it.</summary>
/// <param name="Epsg">The EPSG code its spatial reference names, or 0.</param>
public sealed record SurveyTable(string Name, FileGdbGeometryType Geometry, int Epsg, long Rows);

/// <summary>
/// What <c>init</c> reads from a submitted File Geodatabase (a <c>.gdb</c> folder or a <c>.gdb.zip</c>): its
/// tables, their CRS, and the region its XZQ layer (or any layer's XZQDM) names.
/// </summary>
/// <param name="RegionCodes">The distinct XZQDM values, as found.</param>
public sealed record DatabaseSurvey(string Path, IReadOnlyList<SurveyTable> Tables, IReadOnlyList<string> RegionCodes, string? RegionName)
{
    /// <summary>Reads a database; a path that is no database gives the reason instead.</summary>
    public static (DatabaseSurvey? Survey, string? Error) Read(string path)
    {
        var trimmed = path.TrimEnd('/', '\\');
        if (!FileGdbSource.IsGeodatabase(trimmed))
        {
            return (null, Directory.Exists(trimmed) || File.Exists(trimmed) ? "not-database" : "missing");
        }

        string? unzipped = null;
        try
        {
            var folder = trimmed;
            if (trimmed.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
            {
                if (!File.Exists(trimmed)) return (null, "missing");
                unzipped = Directory.CreateTempSubdirectory("elementflow-init-").FullName;
                ZipFile.ExtractToDirectory(trimmed, unzipped);
                folder = Directory.EnumerateDirectories(unzipped, "*.gdb", SearchOption.AllDirectories).FirstOrDefault()
                    ?? (File.Exists(System.IO.Path.Combine(unzipped, "a00000001.gdbtable")) ? unzipped : "");
            }

            if (!Directory.Exists(folder)) return (null, "missing");
            return (Survey(path, FileGdbDatabase.Open(folder)), null);
        }
        catch (Exception e) when (e is FileGdbFormatException or InvalidDataException or IOException or UnauthorizedAccessException)
        {
            return (null, e.Message);
        }
        finally
        {
            if (unzipped is not null)
            {
                try { Directory.Delete(unzipped, recursive: true); }
                catch (IOException) { /* a temporary copy left behind is no reason to fail */ }
            }
        }
    }

    private static DatabaseSurvey Survey(string path, FileGdbDatabase database)
    {
        var tables = new List<SurveyTable>();
        var codes = new List<string>();
        string? name = null;
        // XZQ first: its codes are the planned area's; other layers' XZQDM say where each feature lies.
        foreach (var tableName in database.TableNames.OrderBy(n => string.Equals(n, "XZQ", StringComparison.OrdinalIgnoreCase) ? 0 : 1))
        {
            using var table = database.OpenTable(tableName);
            tables.Add(new SurveyTable(tableName, table.GeometryType, CrsWkt.Epsg(table.SpatialReferenceWkt), table.RowCount));
            if (codes.Count > 0) continue;
            var isRegion = LayerRole.Find(tableName) == LayerRole.Boundary;
            var codeField = Index(table, "XZQDM") ?? (isRegion ? Index(table, "code") : null);
            if (codeField is not { } c) continue;
            var nameField = Index(table, "XZQMC") ?? (isRegion ? Index(table, "name") : null);
            foreach (var row in table.Rows(GeometryServices.Factory).Take(10_000))
            {
                if (Convert.ToString(row.Values[c], System.Globalization.CultureInfo.InvariantCulture)?.Trim() is { Length: > 0 } code && !codes.Contains(code)) codes.Add(code);
                if (nameField is { } n && row.Values[n] is string s && s.Trim().Length > 0) name ??= s.Trim();
            }
        }

        return new DatabaseSurvey(path, tables, codes, codes.Count == 1 ? name : null);
    }

    private static int? Index(FileGdbTable table, string field)
    {
        for (var i = 0; i < table.AttributeFields.Count; i++)
        {
            if (string.Equals(table.AttributeFields[i].Name, field, StringComparison.OrdinalIgnoreCase)) return i;
        }

        return null;
    }
}
