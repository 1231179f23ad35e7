using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Reports.Sarif;

namespace ElementFlow.Reports;

/// <summary>
/// SARIF 2.1.0 for code-scanning tools: one result per finding, the rules with their metadata, each
/// subject feature as a logical location in its layer file, stable fingerprints, waivers as suppressions.
/// </summary>
/// <remarks>
/// Every feature is a logical location <c>plan/layer/id</c> in its layer file. The physical location has a
/// region only where the line is known: a GeoJSON feature's first line, an indicator's line in plan.yaml,
/// a diagnostic's line. GeoPackage and shapefile features, whole layers and plans name the file only.
/// </remarks>
public sealed class SarifReportWriter : IReportWriter
{
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";
    public const string SourceRootId = "%SRCROOT%";

    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public string Format => "sarif";

    public void Write(Report report, ReportContext context, Stream output)
    {
        var lang = context.Language;
        var descriptors = context.Rules.OrderBy(r => r.Id, StringComparer.Ordinal).Select(r => SarifRules.Describe(r, lang)).ToList();
        foreach (var id in report.Findings.Select(f => f.Rule).Concat(report.Skipped.Select(s => s.Rule)).Distinct().Order(StringComparer.Ordinal))
        {
            if (!descriptors.Any(d => d.Id == id)) descriptors.Add(SarifRules.Bare(id));
        }

        var ruleIndex = descriptors.Select((d, i) => (d.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var locations = new SarifLocations(report, context);
        var results = report.Findings.Select(f => Result(f, ruleIndex[f.Rule], report.Baseline is not null, locations, lang)).ToList();
        var notifications = report.Diagnostics.Select(d => new Notification(
                new Message(d.Message(lang)),
                SarifRules.Level(d.Severity),
                [new Location(null, locations.Physical(d.File, d.Line), null)],
                new ReportingDescriptorReference(d.Code),
                null))
            .Concat(report.Skipped.Select(s => new Notification(
                new Message(MessageTemplate.Render(Labels.CouldNotRun[lang], new Dictionary<string, object?> { ["rule"] = s.Rule, ["plan"] = s.Plan, ["reason"] = s.ReasonIn(lang) })),
                "note",
                null,
                null,
                new ReportingDescriptorReference(s.Rule, ruleIndex[s.Rule]))))
            .ToList();

        var summary = report.Summary;
        var properties = new Dictionary<string, object?>
        {
            ["plans"] = report.Plans.Select(p => new Dictionary<string, object?> { ["id"] = p.Id, ["path"] = p.Path.Replace('\\', '/') }).ToList(),
            ["ruleSets"] = report.RuleSets.Select(s => $"{s.Id}@{s.Version}").ToList(),
            ["summary"] = new Dictionary<string, object?>
            {
                ["error"] = summary.Error, ["warning"] = summary.Warning, ["info"] = summary.Info, ["waived"] = summary.Waived,
                ["rulesRun"] = summary.RulesRun, ["notApplicable"] = summary.NotApplicable,
            },
        };
        if (report.Baseline is { } b) properties["baseline"] = new Dictionary<string, object?> { ["new"] = b.New, ["fixed"] = b.Fixed, ["unchanged"] = b.Unchanged };

        var run = new Run(
            new Tool(new ToolComponent(
                "ElementFlow",
                "ElementFlow territorial spatial plan compliance checker",
                context.ToolVersion,
                context.ToolVersion,
                descriptors)),
            [new Invocation(!report.HasInputErrors, notifications)],
            lang == Language.Zh ? "zh-CN" : "en-US",
            context.SourceRoot is { } root ? new Dictionary<string, ArtifactLocation> { [SourceRootId] = new(new Uri(Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + "/").AbsoluteUri) } : null,
            locations.Artifacts,
            results,
            properties);
        JsonSerializer.Serialize(output, new SarifLog(SchemaUri, "2.1.0", [run]), Options);
    }

    private static Result Result(Finding f, int ruleIndex, bool againstBaseline, SarifLocations locations, Language lang)
    {
        var (primary, related) = locations.ForSubjects(f);
        var properties = new Dictionary<string, object?>
        {
            ["plan"] = f.Plan,
            ["subjects"] = f.Subjects.Select(s => s.ToString()).ToList(),
        };
        if (f.Measure is { } m)
        {
            properties["measure"] = new Dictionary<string, object?> { ["name"] = m.Name, ["value"] = Number(m.Value), ["limit"] = m.Limit is { } l ? Number(l) : null };
        }

        if (f.Geometry is { IsEmpty: false } g)
        {
            var e = g.EnvelopeInternal;
            properties["bbox"] = new[] { e.MinX, e.MinY, e.MaxX, e.MaxY }.Select(v => Math.Round(v, 3)).ToList();
        }

        return new Result(
            f.Rule,
            ruleIndex,
            SarifRules.Level(f.Severity),
            new Message(f.Message(lang)),
            [primary],
            related.Count > 0 ? related : null,
            new Dictionary<string, string> { [Fingerprints.Name] = Fingerprints.Of(f) },
            f.WaivedBy is { } w ? [new Suppression("external", "accepted", w.Document, new Dictionary<string, object?> { ["approval"] = w.Approval })] : null,
            againstBaseline ? "new" : null,
            properties);
    }

    /// <summary>Micro-unit rounding like the JSON report; JSON has no NaN.</summary>
    private static double? Number(double value) => double.IsFinite(value) ? Math.Round(value, 6) : null;
}
