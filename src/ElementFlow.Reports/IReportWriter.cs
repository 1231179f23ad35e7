using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Model;

namespace ElementFlow.Reports;

/// <summary>
/// What writers need besides the report: the reader's language, the tool's identity, and what some
/// formats add to the findings (rule metadata, layer files, plan geometries). The CLI fills it; every
/// addition is optional so a writer degrades gracefully when it is missing.
/// </summary>
public sealed record ReportContext(Language Language, string ToolVersion)
{
    /// <summary>The rules in effect, for rule metadata (SARIF <c>tool.driver.rules</c>).</summary>
    public IReadOnlyList<RuleSpec> Rules { get; init; } = [];

    /// <summary>Plan id → layer role → the layer's file as shown to the user (relative to <see cref="SourceRoot"/>).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> LayerFiles { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary>The loaded plans, for formats that draw the plan layers (the HTML map).</summary>
    public IReadOnlyList<Plan> Plans { get; init; } = [];

    /// <summary>The folder relative file paths are relative to (SARIF <c>%SRCROOT%</c>); null leaves it unstated.</summary>
    public string? SourceRoot { get; init; }

    /// <summary>The day approvals were judged by (<c>--as-of</c>); null leaves it unstated.</summary>
    public DateOnly? AsOf { get; init; }

    /// <summary>When the check ran; null leaves it unstated (snapshots fix it).</summary>
    public DateTimeOffset? CheckedAt { get; init; }

    /// <summary>Rule-set id → its title, for the rule families of summaries (the set's id when missing).</summary>
    public IReadOnlyDictionary<string, LocalizedText> RuleSetTitles { get; init; } = new Dictionary<string, LocalizedText>();

    public RuleSpec? Rule(string id) => Rules.FirstOrDefault(r => r.Id == id);

    /// <summary>The plan's name in the reader's language (清河市国土空间总体规划), or its id when the plan is not loaded.</summary>
    public string PlanName(string id) =>
        Plans.FirstOrDefault(p => p.Id == id)?.Name[Language] is { Length: > 0 } name ? name : id;

    /// <summary>The file a subject's layer came from, or null for indicators, unknown plans and layers.</summary>
    public string? LayerFile(string plan, string layer) =>
        LayerFiles.TryGetValue(plan, out var roles) && roles.TryGetValue(layer, out var file) ? file : null;
}

/// <summary>Writes a report in one format. One class per format; only the CLI picks one.</summary>
public interface IReportWriter
{
    /// <summary>The <c>--format</c> name.</summary>
    string Format { get; }

    /// <summary>True for formats that are files rather than text (xlsx, pdf): they are never written to a terminal.</summary>
    bool Binary => false;

    void Write(Report report, ReportContext context, Stream output);
}

/// <summary>The writers ElementFlow ships, by format name.</summary>
public static class ReportWriters
{
    public static IReadOnlyList<IReportWriter> All { get; } =
        [new TextReportWriter(), new JsonReportWriter(), new SarifReportWriter(), new HtmlReportWriter(), new GeoJsonReportWriter(), new XlsxReportWriter(), new PdfReportWriter()];

    public static IReportWriter? Find(string format) =>
        All.FirstOrDefault(w => string.Equals(w.Format, format, StringComparison.OrdinalIgnoreCase));
}

/// <summary>A writer could not write its format on this machine (e.g. no CJK font for a PDF); the text says what to do.</summary>
public sealed class ReportWriterException(LocalizedText text) : Exception(text.En)
{
    public LocalizedText Text { get; } = text;
}
