using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Writers;

namespace ElementFlow.Generator;

/// <summary>Writes the layers of a plan in one format and says how plan.yaml names each.</summary>
public interface ILayerWriter : IDisposable
{
    /// <summary>Writes a layer; returns the plan.yaml entry for it (a path or a flow mapping).</summary>
    string Write(SynthLayer layer, Action<SynthFeature> seen);
}

/// <summary>The EPSG:4527 definitions: OGC WKT with the authority (GeoPackage) and the Esri spelling (.prj).</summary>
public static class Crs4527
{
    public const string Ogc = """PROJCS["CGCS2000 / 3-degree Gauss-Kruger zone 39",GEOGCS["China Geodetic Coordinate System 2000",DATUM["China_2000",SPHEROID["CGCS2000",6378137,298.257222101,AUTHORITY["EPSG","1024"]],AUTHORITY["EPSG","1043"]],PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4490"]],PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",117],PARAMETER["scale_factor",1],PARAMETER["false_easting",39500000],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","4527"]]""";
    public const string Esri = """PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]""";
}

/// <summary>One .geojson per layer, written feature by feature.</summary>
public sealed class GeoJsonLayerWriter(string folder) : ILayerWriter
{
    public string Write(SynthLayer layer, Action<SynthFeature> seen)
    {
        var relative = $"layers/{layer.Role}.geojson";
        Directory.CreateDirectory(Path.Combine(folder, "layers"));
        using var file = new FileStream(Path.Combine(folder, relative), FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20);
        using var json = new Utf8JsonWriter(file);
        json.WriteStartObject();
        json.WriteString("type", "FeatureCollection");
        json.WriteStartArray("features");
        foreach (var f in layer.Features())
        {
            seen(f);
            json.WriteStartObject();
            json.WriteString("type", "Feature");
            json.WriteString("id", f.Id);
            json.WriteStartObject("properties");
            for (var i = 0; i < layer.Fields.Count; i++)
            {
                switch (f.Values[i])
                {
                    case string s: json.WriteString(layer.Fields[i].Name, s); break;
                    case int n: json.WriteNumber(layer.Fields[i].Name, n); break;
                    default: json.WriteNull(layer.Fields[i].Name); break;
                }
            }

            json.WriteEndObject();
            json.WriteStartObject("geometry");
            json.WriteString("type", f.Geometry.GeometryType);
            json.WritePropertyName("coordinates");
            if (f.Geometry is Polygon p)
            {
                json.WriteStartArray();
                json.WriteStartArray();
                foreach (var c in p.ExteriorRing.Coordinates) WritePosition(json, c);
                json.WriteEndArray();
                json.WriteEndArray();
            }
            else WritePosition(json, f.Geometry.Coordinate);

            json.WriteEndObject();
            json.WriteEndObject();
            if (json.BytesPending > 1 << 16) json.Flush();
        }

        json.WriteEndArray();
        json.WriteEndObject();
        return relative;
    }

    private static void WritePosition(Utf8JsonWriter json, Coordinate c)
    {
        json.WriteStartArray();
        json.WriteNumberValue(c.X);
        json.WriteNumberValue(c.Y);
        json.WriteEndArray();
    }

    public void Dispose()
    {
    }
}

/// <summary>One plan.gpkg holding every layer, in tables with the standard database names.</summary>
public sealed class GeoPackageLayerWriter : ILayerWriter
{
    private readonly SqliteConnection _db;
    private readonly GeoPackageGeoWriter _blobs = new();

    public GeoPackageLayerWriter(string folder)
    {
        var path = Path.Combine(folder, "plan.gpkg");
        if (File.Exists(path)) File.Delete(path);
        _db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        _db.Open();
        Execute("PRAGMA application_id = 1196444487; PRAGMA user_version = 10300; PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;");
        Execute("""
            CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL,
              organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
            CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE,
              description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
              min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER REFERENCES gpkg_spatial_ref_sys(srs_id));
            CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL,
              srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, PRIMARY KEY (table_name, column_name));
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('Undefined geographic SRS', 0, 'NONE', 0, 'undefined', NULL);
            INSERT INTO gpkg_spatial_ref_sys VALUES ('WGS 84 geodetic', 4326, 'EPSG', 4326, 'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]', NULL);
            """);
        using var srs = _db.CreateCommand();
        srs.CommandText = "INSERT INTO gpkg_spatial_ref_sys VALUES ('CGCS2000 / 3-degree Gauss-Kruger zone 39', 4527, 'EPSG', 4527, $def, NULL)";
        srs.Parameters.AddWithValue("$def", Crs4527.Ogc);
        srs.ExecuteNonQuery();
    }

    public string Write(SynthLayer layer, Action<SynthFeature> seen)
    {
        var columns = string.Concat(layer.Fields.Select(f => $", \"{f.Name}\" {(f.Kind == FieldKind.Text ? "TEXT" : "INTEGER")}"));
        var type = layer.Polygons ? "POLYGON" : "POINT";
        Execute($"CREATE TABLE \"{layer.Table}\" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom {type}{columns})");
        var envelope = new Envelope();
        using (var transaction = _db.BeginTransaction())
        {
            using var insert = _db.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = $"INSERT INTO \"{layer.Table}\" (geom{string.Concat(layer.Fields.Select(f => $", \"{f.Name}\""))}) VALUES ($g{string.Concat(layer.Fields.Select((_, i) => $", $v{i}"))})";
            var g = insert.Parameters.Add("$g", SqliteType.Blob);
            var values = layer.Fields.Select((_, i) => insert.Parameters.Add($"$v{i}", SqliteType.Text)).ToArray();
            insert.Prepare();
            foreach (var f in layer.Features())
            {
                seen(f);
                envelope.ExpandToInclude(f.Geometry.EnvelopeInternal);
                g.Value = _blobs.Write(f.Geometry);
                for (var i = 0; i < values.Length; i++) values[i].Value = f.Values[i] ?? DBNull.Value;
                insert.ExecuteNonQuery();
            }

            transaction.Commit();
        }

        using var contents = _db.CreateCommand();
        contents.CommandText = """
            INSERT INTO gpkg_contents (table_name, data_type, identifier, min_x, min_y, max_x, max_y, srs_id) VALUES ($t, 'features', $t, $x0, $y0, $x1, $y1, 4527);
            INSERT INTO gpkg_geometry_columns VALUES ($t, 'geom', $type, 4527, 0, 0);
            """;
        contents.Parameters.AddWithValue("$t", layer.Table);
        contents.Parameters.AddWithValue("$type", type);
        contents.Parameters.AddWithValue("$x0", envelope.MinX);
        contents.Parameters.AddWithValue("$y0", envelope.MinY);
        contents.Parameters.AddWithValue("$x1", envelope.MaxX);
        contents.Parameters.AddWithValue("$y1", envelope.MaxY);
        contents.ExecuteNonQuery();

        // Roles with a standard table name need no layer: key; the others name their table.
        return layer.Table == layer.Table.ToUpperInvariant() ? "plan.gpkg" : $"{{ file: plan.gpkg, layer: {layer.Table} }}";
    }

    private void Execute(string sql)
    {
        using var command = _db.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public void Dispose() => _db.Dispose();
}

/// <summary>One shapefile per layer, with an Esri .prj and a .cpg naming the attribute encoding.</summary>
public sealed class ShapefileLayerWriter(string folder, Encoding encoding, string cpg) : ILayerWriter
{
    public string Write(SynthLayer layer, Action<SynthFeature> seen)
    {
        var relative = $"layers/{layer.Role}.shp";
        Directory.CreateDirectory(Path.Combine(folder, "layers"));
        var options = new ShapefileWriterOptions(layer.Polygons ? ShapeType.Polygon : ShapeType.Point) { Encoding = encoding, Projection = Crs4527.Esri };
        foreach (var (name, kind) in layer.Fields)
        {
            if (kind == FieldKind.Text) options.AddCharacterField(name, 40);
            else options.AddNumericInt32Field(name);
        }

        var path = Path.Combine(folder, relative);
        using (var writer = Shapefile.OpenWrite(path, options))
        {
            foreach (var f in layer.Features())
            {
                seen(f);
                writer.Geometry = f.Geometry;
                for (var i = 0; i < layer.Fields.Count; i++) writer.Fields[i].Value = f.Values[i];
                writer.Write();
            }
        }

        File.WriteAllText(Path.ChangeExtension(path, ".cpg"), cpg);
        return relative;
    }

    public void Dispose()
    {
    }
}

internal static class Invariant
{
    public static string R(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
