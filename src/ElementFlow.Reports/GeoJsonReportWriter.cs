using System.Text.Encodings.Web;
using System.Text.Json;
using ElementFlow.Core.Findings;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace ElementFlow.Reports;

/// <summary>
/// The violation geometries as a GeoJSON FeatureCollection, one feature per finding that has a
/// geometry, with the finding's fields as flat properties so GIS tools (QGIS) can style and filter them.
/// </summary>
/// <remarks>
/// Coordinates stay in the plans' projected CRS. When every plan with a finding declares the same CRS
/// the collection names it in the legacy <c>crs</c> member, which QGIS and GDAL read.
/// </remarks>
public sealed class GeoJsonReportWriter : IReportWriter
{
    private static readonly JsonSerializerOptions GeometryOptions = new()
    {
        Converters = { new GeoJsonConverterFactory() },
    };

    public string Format => "geojson";

    public void Write(Report report, ReportContext context, Stream output)
    {
        var lang = context.Language;
        var mapped = report.Findings.Where(f => f.Geometry is { IsEmpty: false }).ToList();
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("type", "FeatureCollection");
        w.WriteString("name", "elementflow-findings");
        if (Crs(report, mapped) is { } epsg)
        {
            w.WriteStartObject("crs");
            w.WriteString("type", "name");
            w.WriteStartObject("properties");
            w.WriteString("name", $"urn:ogc:def:crs:EPSG::{epsg}");
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteStartArray("features");
        foreach (var f in mapped)
        {
            w.WriteStartObject();
            w.WriteString("type", "Feature");
            w.WriteStartObject("properties");
            w.WriteString("rule", f.Rule);
            w.WriteString("title", context.Rule(f.Rule)?.Title[lang]);
            w.WriteString("severity", f.Severity.Name());
            w.WriteString("plan", f.Plan);
            w.WriteString("message", f.Message(lang));
            w.WriteString("subjects", string.Join(", ", f.Subjects));
            w.WriteString("measure_name", f.Measure?.Name);
            Number(w, "measure_value", f.Measure?.Value);
            Number(w, "measure_limit", f.Measure?.Limit);
            w.WriteString("waived_by", f.WaivedBy?.Approval);
            w.WriteString("waived_document", f.WaivedBy?.Document);
            w.WriteString("fingerprint", Fingerprints.Of(f));
            w.WriteEndObject();
            w.WritePropertyName("geometry");
            JsonSerializer.Serialize<Geometry>(w, f.Geometry!, GeometryOptions);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>The EPSG code all plans with a mapped finding share, or null when they differ or do not say.</summary>
    private static string? Crs(Report report, IReadOnlyList<Finding> mapped)
    {
        var crs = mapped.Select(f => report.Plans.FirstOrDefault(p => p.Id == f.Plan)?.Crs).Distinct().ToList();
        return crs is [{ } one] && one.StartsWith("EPSG:", StringComparison.OrdinalIgnoreCase) ? one[5..] : null;
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v)) w.WriteNumber(name, Math.Round(v, 6));
        else w.WriteNull(name);
    }
}
