using System.Text.Encodings.Web;
using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace ElementFlow.Reports;

/// <summary>The JSON report of DESIGN §4 (<c>elementflow/report/v1</c>); field names there are fixed.</summary>
public sealed class JsonReportWriter : IReportWriter
{
    public const string Schema = "elementflow/report/v1";

    private static readonly JsonSerializerOptions GeometryOptions = new()
    {
        Converters = { new GeoJsonConverterFactory() },
        NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Format => "json";

    public void Write(Report report, ReportContext context, Stream output)
    {
        using var w = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        w.WriteStartObject();
        w.WriteString("schema", Schema);
        w.WriteStartObject("tool");
        w.WriteString("name", "elementflow");
        w.WriteString("version", context.ToolVersion);
        w.WriteEndObject();
        w.WriteString("language", context.Language.ToString().ToLowerInvariant());

        w.WriteStartArray("plans");
        foreach (var plan in report.Plans)
        {
            var counts = report.CountsFor(plan.Id);
            w.WriteStartObject();
            w.WriteString("id", plan.Id);
            w.WriteString("level", plan.Level.Name());
            w.WriteString("type", plan.Type.Name());
            w.WriteString("path", plan.Path.Replace('\\', '/'));
            if (plan.RegionCode is not null) w.WriteString("region", plan.RegionCode);
            if (plan.Parent is not null) w.WriteString("parent", plan.Parent);
            w.WriteNumber("error", counts.Error);
            w.WriteNumber("warning", counts.Warning);
            w.WriteNumber("info", counts.Info);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("rulesets");
        foreach (var set in report.RuleSets)
        {
            w.WriteStartObject();
            w.WriteString("id", set.Id);
            w.WriteString("version", set.Version);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("findings");
        foreach (var f in report.Findings) WriteFinding(w, f, context);
        w.WriteEndArray();
        EquityTables.WriteJson(w, report);
        FlowTables.WriteJson(w, report);

        var s = report.Summary;
        w.WriteStartObject("summary");
        w.WriteNumber("error", s.Error);
        w.WriteNumber("warning", s.Warning);
        w.WriteNumber("info", s.Info);
        w.WriteNumber("waived", s.Waived);
        w.WriteNumber("rules_run", s.RulesRun);
        w.WriteNumber("not_applicable", s.NotApplicable);
        w.WriteEndObject();

        if (report.Baseline is { } b)
        {
            w.WriteStartObject("baseline");
            w.WriteNumber("new", b.New);
            w.WriteNumber("fixed", b.Fixed);
            w.WriteNumber("unchanged", b.Unchanged);
            w.WriteEndObject();
        }

        w.WriteStartArray("skipped");
        foreach (var k in report.Skipped)
        {
            w.WriteStartObject();
            w.WriteString("rule", k.Rule);
            w.WriteString("plan", k.Plan);
            w.WriteString("reason", k.Reason);
            w.WriteEndObject();
        }

        w.WriteEndArray();

        w.WriteStartArray("diagnostics");
        foreach (var d in report.Diagnostics)
        {
            w.WriteStartObject();
            w.WriteString("code", d.Code);
            w.WriteString("severity", d.Severity.Name());
            w.WriteString("file", d.File.Replace('\\', '/'));
            if (d.Line is { } line) w.WriteNumber("line", line);
            if (d.FeatureId is { } id) w.WriteString("feature", id);
            w.WriteString("message", d.Message(context.Language));
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void WriteFinding(Utf8JsonWriter w, Finding f, ReportContext context)
    {
        w.WriteStartObject();
        w.WriteString("rule", f.Rule);
        w.WriteString("severity", f.Severity.Name());
        w.WriteString("plan", f.Plan);
        w.WriteString("message", f.Message(context.Language));
        w.WriteStartArray("subjects");
        foreach (var s in f.Subjects)
        {
            w.WriteStartObject();
            w.WriteString("layer", s.Layer);
            w.WriteString("id", s.Id);
            if (s.Plan is not null) w.WriteString("plan", s.Plan);
            w.WriteEndObject();
        }

        w.WriteEndArray();
        if (f.Measure is { } m)
        {
            w.WriteStartObject("measure");
            w.WriteString("name", m.Name);
            WriteNumber(w, "value", m.Value);
            if (m.Limit is { } limit) WriteNumber(w, "limit", limit);
            else w.WriteNull("limit");
            foreach (var (name, value) in m.Related ?? new Dictionary<string, double>()) WriteNumber(w, name, value);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("measure");
        }

        w.WritePropertyName("geometry");
        if (f.Geometry is { IsEmpty: false } g) JsonSerializer.Serialize<Geometry>(w, g, GeometryOptions);
        else w.WriteNullValue();

        if (f.WaivedBy is { } waiver)
        {
            w.WriteStartObject("waived_by");
            w.WriteString("approval", waiver.Approval);
            w.WriteString("document", waiver.Document);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("waived_by");
        }

        // Stable across runs (rule, plan, subjects): what --baseline matches and the review server's decisions name.
        w.WriteString("fingerprint", Fingerprints.Of(f));
        w.WriteEndObject();
    }

    /// <summary>Rounds to micro-units so reports are stable across platforms; JSON has no NaN.</summary>
    private static void WriteNumber(Utf8JsonWriter w, string name, double value)
    {
        if (double.IsFinite(value)) w.WriteNumber(name, Math.Round(value, 6));
        else w.WriteNull(name);
    }
}
