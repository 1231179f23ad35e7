using System.Collections.Concurrent;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Sources;
using ElementFlow.Core.Planning;
using ElementFlow.Spatial;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace ElementFlow.IO.Layers;

/// <summary>
/// Reads one feature table of a GeoPackage: the table named by <c>layer:</c>, else the only feature
/// table, else the one whose name is a standard name of the role (GHYDYH, STBHHX, ...). The table's
/// srs is checked against the plan's CRS.
/// </summary>
/// <remarks>
/// Geometry blobs are decoded here rather than with <c>GeoPackageGeoReader</c>: that reader builds each
/// geometry through new geometry services with the legacy overlay, and geometries from factories with
/// different overlays cannot be combined (NTS throws). Here the GeoPackage header is skipped and the WKB
/// read by one <see cref="WKBReader"/> on <see cref="GeometryServices"/>, so nothing is copied.
/// </remarks>
public static class GeoPackageLayerReader
{
    public static LayerReadResult Read(string path, LayerRequest request)
    {
        try
        {
            var connection = new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString();
            using var db = new SqliteConnection(connection);
            db.Open();
            var tables = FeatureTables(db);
            if (Choose(tables, request) is not { } table) return LayerReadResult.Unreadable(request, WhyNoTable(tables, request));

            var diagnostics = new List<Diagnostic>();
            var epsg = SrsEpsg(db, table.SrsId);
            if (epsg != 0 && request.PlanCrs.Epsg != 0 && epsg != request.PlanCrs.Epsg)
            {
                diagnostics.Add(Diagnostic.Error("layer.crs-mismatch", request.ShownPath, null, null,
                    ("role", request.Role.Name), ("layer_crs", $"EPSG:{epsg}"), ("plan_crs", request.PlanCrs.Text)));
            }

            var builder = new FeatureBuilder(request);
            if (CountRows(db, table) is var rows && rows > builder.Limits.MaxFeatures) throw builder.TooManyFeatures(rows);
            ReadFeatures(db, table, builder);
            return builder.Build(diagnostics);
        }
        catch (Exception e) when (e is SqliteException or InvalidDataException or ParseException or ArgumentException or IndexOutOfRangeException or InvalidCastException)
        {
            return LayerReadResult.Unreadable(request, e.Message);
        }
    }

    private sealed record FeatureTable(string Name, string GeometryColumn, int SrsId);

    private static List<FeatureTable> FeatureTables(SqliteConnection db)
    {
        using var command = db.CreateCommand();
        command.CommandText = """
            SELECT g.table_name, g.column_name, g.srs_id FROM gpkg_geometry_columns g
            JOIN gpkg_contents c ON c.table_name = g.table_name
            WHERE c.data_type = 'features' ORDER BY g.table_name
            """;
        using var reader = command.ExecuteReader();
        var tables = new List<FeatureTable>();
        while (reader.Read()) tables.Add(new FeatureTable(reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? 0 : reader.GetInt32(2)));
        return tables;
    }

    private static FeatureTable? Choose(List<FeatureTable> tables, LayerRequest request)
    {
        if (request.Table is { } named) return tables.FirstOrDefault(t => string.Equals(t.Name, named, StringComparison.OrdinalIgnoreCase));
        if (tables.Count == 1) return tables[0];
        var standard = tables.Where(t => LayerRole.Find(t.Name) == request.Role).ToList();
        return standard.Count == 1 ? standard[0] : null;
    }

    private static string WhyNoTable(List<FeatureTable> tables, LayerRequest request)
    {
        var names = tables.Count == 0 ? "none" : string.Join(", ", tables.Select(t => t.Name));
        return request.Table is { } named
            ? $"the GeoPackage has no feature table {named} (it holds: {names})"
            : $"the GeoPackage holds several feature tables ({names}); name one with layer:";
    }

    /// <summary>The EPSG code of a GeoPackage srs, 0 when undefined (srs_id 0 or -1) or not recognised.</summary>
    private static int SrsEpsg(SqliteConnection db, int srsId)
    {
        if (srsId <= 0) return 0;
        using var command = db.CreateCommand();
        command.CommandText = "SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = $id";
        command.Parameters.AddWithValue("$id", srsId);
        using var reader = command.ExecuteReader();
        if (!reader.Read()) return 0;
        var organization = reader.IsDBNull(0) ? "" : reader.GetString(0);
        if (string.Equals(organization, "EPSG", StringComparison.OrdinalIgnoreCase) && !reader.IsDBNull(1) && reader.GetInt32(1) > 0) return reader.GetInt32(1);
        return CrsWkt.Epsg(reader.IsDBNull(2) ? null : reader.GetString(2));
    }

    /// <summary>Rows are read and decoded in batches on one thread while the previous batch is added to the builder on another.</summary>
    private const int BatchSize = 4096;

    private sealed record Row(Geometry? Geometry, KeyValuePair<string, object?>[] Attributes, object? Key);

    private static void ReadFeatures(SqliteConnection db, FeatureTable table, FeatureBuilder builder)
    {
        var key = PrimaryKey(db, table.Name);
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT * FROM {Quote(table.Name)}";
        using var reader = command.ExecuteReader();
        var geometryOrdinal = reader.GetOrdinal(table.GeometryColumn);
        var keyOrdinal = key is null ? -1 : reader.GetOrdinal(key);
        var attributeOrdinals = Enumerable.Range(0, reader.FieldCount).Where(i => i != geometryOrdinal && i != keyOrdinal).ToArray();
        var names = attributeOrdinals.Select(reader.GetName).ToArray();
        var wkb = new WKBReader(GeometryServices.Services);

        using var batches = new BlockingCollection<List<Row>>(boundedCapacity: 2);
        var consumer = Task.Run(() =>
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var row in batch) builder.Add(null, row.Geometry, row.Attributes, row.Key);
            }
        });

        try
        {
            var batch = new List<Row>(BatchSize);
            long ordinal = 0;
            while (reader.Read())
            {
                var attributes = new KeyValuePair<string, object?>[attributeOrdinals.Length];
                for (var i = 0; i < attributeOrdinals.Length; i++)
                {
                    var value = reader.IsDBNull(attributeOrdinals[i]) ? null : reader.GetValue(attributeOrdinals[i]);
                    attributes[i] = new(names[i], value is byte[] ? null : value);
                }

                var geometry = reader.IsDBNull(geometryOrdinal) ? null : Decode(wkb, (byte[])reader.GetValue(geometryOrdinal));
                var rowKey = keyOrdinal < 0 ? null : reader.GetValue(keyOrdinal);
                ordinal++;
                builder.CheckVertices(geometry, () => builder.IdOf(null, attributes, rowKey, ordinal));
                batch.Add(new Row(geometry, attributes, rowKey));
                if (batch.Count == BatchSize)
                {
                    batches.Add(batch);
                    batch = new List<Row>(BatchSize);
                }
            }

            batches.Add(batch);
        }
        finally
        {
            batches.CompleteAdding();
            consumer.GetAwaiter().GetResult();
        }
    }

    /// <summary>Counted before reading, so a table over the feature limit is refused without decoding a row.</summary>
    private static long CountRows(SqliteConnection db, FeatureTable table)
    {
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {Quote(table.Name)}";
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string? PrimaryKey(SqliteConnection db, string table)
    {
        using var command = db.CreateCommand();
        command.CommandText = $"SELECT name FROM pragma_table_info({Literal(table)}) WHERE pk = 1";
        return command.ExecuteScalar() as string;
    }

    /// <summary>A GeoPackage geometry blob: "GP", version, flags, srs_id, an optional envelope, then standard WKB.</summary>
    internal static Geometry Decode(WKBReader wkb, byte[] blob)
    {
        if (blob.Length < 8 || blob[0] != (byte)'G' || blob[1] != (byte)'P') throw new InvalidDataException("a geometry is not a GeoPackage geometry blob");
        var flags = blob[3];
        var envelopeBytes = ((flags >> 1) & 0b111) switch
        {
            0 => 0,
            1 => 32,
            2 or 3 => 48,
            4 => 64,
            _ => throw new InvalidDataException("a geometry blob has an invalid envelope code"),
        };
        var empty = (flags & 0b1_0000) != 0;
        var offset = 8 + envelopeBytes;
        if (blob.Length < offset) throw new InvalidDataException("a geometry blob is truncated");
        if (!WkbNesting.IsWithin(blob.AsSpan(offset))) throw new InvalidDataException($"a geometry nests collections more than {WkbNesting.MaxDepth} deep");
        using var body = new MemoryStream(blob, offset, blob.Length - offset, writable: false);
        var geometry = wkb.Read(body);
        // An empty point is written with NaN coordinates; the flag says what it means.
        return empty && geometry is Point ? geometry.Factory.CreatePoint() : geometry;
    }

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    private static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
