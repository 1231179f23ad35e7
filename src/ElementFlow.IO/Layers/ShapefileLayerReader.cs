using System.Text;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Sources;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Esri;
using NetTopologySuite.IO.Esri.Shapefiles.Readers;

namespace ElementFlow.IO.Layers;

/// <summary>
/// Reads an Esri shapefile (.shp with its .dbf, and .prj, .cpg when present) record by record.
/// Attribute text is decoded with the <c>encoding:</c> of the layer entry, else the .cpg, else the
/// dBase language driver byte, else as the text reads (UTF-8 or GBK, reported); field names cut to 10
/// characters are read as the longer name they start; the .prj is matched to an EPSG code where it is a
/// CGCS2000 Gauss-Krüger zone.
/// </summary>
public static class ShapefileLayerReader
{
    public static LayerReadResult Read(string shpPath, LayerRequest request)
    {
        Encoding? encoding = null;
        if (request.Encoding is { } named && (encoding = TextEncodings.Find(named)) is null)
        {
            return LayerReadResult.Unreadable(request, $"unknown encoding '{named}' (use e.g. gbk or utf-8)");
        }

        // Name a missing or cut-off part instead of the library's bare "File not found." or shapes read from nothing.
        if (!File.Exists(Path.ChangeExtension(shpPath, ".dbf"))) return LayerReadResult.Unreadable(request, "the .dbf file with the attributes is missing beside the .shp");
        if (ShpHeaderProblem(shpPath) is { } problem) return LayerReadResult.Unreadable(request, problem);

        var diagnostics = new List<Diagnostic>();
        if (encoding is null && ReadCompanion(shpPath, ".cpg") is { Length: > 0 } cpg)
        {
            encoding = TextEncodings.Find(cpg);
            if (encoding is null)
            {
                var shown = new string(cpg.Take(40).Select(c => char.IsControl(c) ? '?' : c).ToArray());
                diagnostics.Add(Diagnostic.Warning("layer.cpg-unknown", request.ShownPath, null, null, ("file", request.ShownPath), ("name", shown)));
            }
        }

        if (encoding is null && File.Exists(Path.ChangeExtension(shpPath, ".dbf")))
        {
            var (detected, how, ldid) = DbfEncoding.Detect(Path.ChangeExtension(shpPath, ".dbf"));
            encoding = detected;
            if (how is DbfEncoding.Source.GuessedGbk or DbfEncoding.Source.GuessedUtf8)
            {
                diagnostics.Add(Diagnostic.Warning("layer.encoding-guessed", request.ShownPath, null, null,
                    ("file", request.ShownPath), ("ldid", $"0x{ldid:X2}"), ("encoding", how == DbfEncoding.Source.GuessedGbk ? "GBK" : "UTF-8")));
            }
        }

        var epsg = CrsWkt.Epsg(ReadCompanion(shpPath, ".prj"));
        if (epsg != 0 && request.PlanCrs.Epsg != 0 && epsg != request.PlanCrs.Epsg)
        {
            diagnostics.Add(Diagnostic.Error("layer.crs-mismatch", request.ShownPath, null, null,
                ("role", request.Role.Name), ("layer_crs", $"EPSG:{epsg}"), ("plan_crs", request.PlanCrs.Text)));
        }

        try
        {
            var options = new ShapefileReaderOptions
            {
                Factory = GeometryServices.Factory,
                Encoding = encoding,

                // Invalid shapes are built as they are, so that DATA-003 names them, instead of failing the layer.
                GeometryBuilderMode = GeometryBuilderMode.IgnoreInvalidShapes,
            };
            using var reader = Shapefile.OpenRead(shpPath, options);
            var builder = new FeatureBuilder(request);
            if (reader.RecordCount > builder.Limits.MaxFeatures) throw builder.TooManyFeatures(reader.RecordCount);
            var fields = reader.Fields;
            long ordinal = 0;
            var names = Enumerable.Range(0, fields.Count).Select(i => OurCase(fields[i].Name)).ToArray();
            foreach (var (cut, candidates) in TruncatedFieldNames.Find(names, FieldMapping.OurNames.Concat(request.Fields.Values)))
            {
                if (candidates.Count == 1)
                {
                    var full = FieldMapping.OurNames.Contains(candidates[0]) ? candidates[0].ToLowerInvariant() : candidates[0];
                    names[Array.IndexOf(names, cut)] = full;
                    diagnostics.Add(new Diagnostic
                    {
                        Code = "layer.field-truncated",
                        Severity = Core.Findings.Severity.Info,
                        File = request.ShownPath,
                        Arguments = new Dictionary<string, object?> { ["field"] = cut, ["name"] = full },
                    });
                }
                else
                {
                    diagnostics.Add(Diagnostic.Warning("layer.field-truncated-ambiguous", request.ShownPath, null, null,
                        ("field", cut), ("names", string.Join(", ", candidates))));
                }
            }

            while (reader.Read(out var deleted))
            {
                if (deleted) continue;
                var attributes = new KeyValuePair<string, object?>[fields.Count];
                for (var i = 0; i < fields.Count; i++) attributes[i] = new(names[i], fields[i].Value is string s ? s.Trim() : fields[i].Value);

                // The header's record count can be wrong; counting as we go is the backstop.
                if (++ordinal > builder.Limits.MaxFeatures) throw builder.TooManyFeatures(Math.Max(ordinal, reader.RecordCount));
                builder.CheckVertices(reader.Geometry, () => builder.IdOf(null, attributes, null, ordinal));
                builder.Add(null, SinglePart(reader.Geometry), attributes);
            }

            return builder.Build(diagnostics);
        }
        catch (Exception e) when (e is IOException or ShapefileException or NotSupportedException or ArgumentException
                                      or InvalidOperationException or IndexOutOfRangeException or FormatException or OverflowException)
        {
            return LayerReadResult.Unreadable(request, e.Message);
        }
    }

    /// <summary>dBase field names are case-insensitive and usually upper case: ID and CODE are our id and code.</summary>
    private static string OurCase(string name) => FieldMapping.OurNames.Contains(name) ? name.ToLowerInvariant() : name;

    /// <summary>A shapefile cannot tell a polygon from a one-part multipolygon; take the part, as GeoJSON and GeoPackage would hold it.</summary>
    private static Geometry? SinglePart(Geometry? geometry) => geometry switch
    {
        null => null,
        { IsEmpty: true } => geometry,
        MultiPolygon { NumGeometries: 1 } or MultiLineString { NumGeometries: 1 } or MultiPoint { NumGeometries: 1 } => geometry.GetGeometryN(0),
        _ => geometry,
    };

    /// <summary>Why a .shp cannot be read as it is: shorter than its header, not a shapefile, or shorter than the length its header declares.</summary>
    private static string? ShpHeaderProblem(string shpPath)
    {
        var header = new byte[100];
        long length;
        using (var file = File.OpenRead(shpPath))
        {
            length = file.Length;
            if (length < header.Length) return $"the .shp file has {length} bytes, less than its 100-byte header: it was cut off";
            file.ReadExactly(header);
        }

        if (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header) != 9994) return "the .shp file does not start like a shapefile (file code 9994)";
        var declared = 2L * System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(24));
        return length < declared ? $"the .shp file has {length} bytes, but its header says {declared}: it was cut off" : null;
    }

    private static string? ReadCompanion(string shpPath, string extension)
    {
        var path = Path.ChangeExtension(shpPath, extension);
        return File.Exists(path) ? File.ReadAllText(path).Trim() : null;
    }
}
