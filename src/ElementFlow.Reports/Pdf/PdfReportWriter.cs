using System.Globalization;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Reports.Pdf;
using ElementFlow.Reports.Review;
using SkiaSharp;

namespace ElementFlow.Reports;

/// <summary>
/// The quality-check report (质检报告) filed with a submission: a cover saying what was checked, when and
/// against which rules; a summary by severity and rule family; for each plan a map of its layers with
/// the violations, then its findings rule by rule, each rule with its basis and how to fix it.
/// </summary>
/// <remarks>
/// Drawn with SkiaSharp's PDF backend, which embeds the subset of the CJK font the text uses (see
/// <see cref="CjkFont"/>); without such a font the writer refuses with a message saying what to install
/// rather than print empty boxes. Pages stream out as they fill.
/// </remarks>
public sealed class PdfReportWriter : IReportWriter
{
    private static readonly SKColor Ink = SKColor.Parse("#222222");
    private static readonly SKColor Muted = SKColor.Parse("#666666");
    private static readonly SKColor Header = SKColor.Parse("#f1efe9");

    /// <summary>At most this many features of one layer are drawn on a map.</summary>
    public int MaxFeaturesPerLayer { get; init; } = 20_000;

    public string Format => "pdf";

    public bool Binary => true;

    public void Write(Report report, ReportContext context, Stream output)
    {
        using var typeface = CjkFont.Load();
        var lang = context.Language;
        var metadata = new SKDocumentPdfMetadata
        {
            Title = PdfLabels.Title[lang],
            Author = "ElementFlow",
            Creator = $"ElementFlow {context.ToolVersion}",
            Producer = "ElementFlow (SkiaSharp)",
            Creation = context.CheckedAt?.UtcDateTime ?? DateTime.UnixEpoch,
            Modified = context.CheckedAt?.UtcDateTime ?? DateTime.UnixEpoch,
            RasterDpi = 150,
        };
        using var document = SKDocument.CreatePdf(output, metadata) ?? throw new InvalidOperationException("SkiaSharp could not create a PDF document.");
        var rows = FindingRows.Of(report, context).ToList();
        using (var layout = new PdfLayout(document, typeface, PdfLabels.Title[lang]))
        {
            Cover(layout, report, context);
            Summary(layout, report, rows, context);
            foreach (var plan in report.Plans.Select(p => p.Id).Concat(rows.Select(r => r.PlanId)).Distinct())
            {
                PlanSection(layout, plan, rows.Where(r => r.PlanId == plan).ToList(), report, context);
            }

            Problems(layout, report, lang);
        }

        document.Close();
    }

    private static void Cover(PdfLayout layout, Report report, ReportContext context)
    {
        var lang = context.Language;
        layout.NewPage();
        layout.Space(60);
        layout.Paragraph(PdfLabels.Title[lang], 28, Ink, bold: true);
        layout.Space(6);
        layout.Paragraph(string.Join("\n", report.Plans.Select(p => context.PlanName(p.Id))), 15, Ink);
        layout.Space(24);
        var items = new List<(string, string)>
        {
            (ReviewLabels.Plans[lang], string.Join("\n", report.Plans.Select(p => $"{context.PlanName(p.Id)}\n    {p.Id} · {PlanKinds.Describe(p.Level, p.Type, lang)} · {p.RegionCode ?? ""}".TrimEnd(' ', '·')))),
            (ReviewLabels.CheckDate[lang], context.CheckedAt?.ToString("yyyy-MM-dd HH:mm zzz", CultureInfo.InvariantCulture) ?? ReviewLabels.Unstated[lang]),
            (ReviewLabels.AsOf[lang], context.AsOf?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? ReviewLabels.Unstated[lang]),
            (ReviewLabels.RuleSets[lang], string.Join("\n", report.RuleSets.Select(r => $"{Title(r.Id, context)}（{r.Id} {r.Version}）"))),
            (ReviewLabels.Tool[lang], $"ElementFlow {context.ToolVersion}"),
            (ReviewLabels.Counts[lang], Labels.SummaryLine(report, lang)),
        };
        foreach (var (item, value) in items)
        {
            layout.Row([(item, 150, Muted, true), (value, PdfLayout.ContentWidth - 150, Ink, false)], 10);
        }

        layout.Space(30);
        layout.Paragraph(PdfLabels.CoverNote[lang], 8.5f, Muted);
    }

    private static void Summary(PdfLayout layout, Report report, IReadOnlyList<FindingRow> rows, ReportContext context)
    {
        var lang = context.Language;
        layout.NewPage();
        layout.Heading(PdfLabels.Summary[lang], 18, Ink);
        layout.Heading(PdfLabels.BySeverity[lang], 12, Ink, keep: 80);
        var counts = SeverityCounts.Of(rows.Select(r => r.Finding));
        float[] widths = [220, 275];
        layout.Row([(Labels.Severity[lang], widths[0], Ink, true), (PdfLabels.Count[lang], widths[1], Ink, true)], 9.5f, Header);
        foreach (var (label, n) in new[] { (ReviewLabels.Errors[lang], counts.Error), (ReviewLabels.Warnings[lang], counts.Warning), (ReviewLabels.Infos[lang], counts.Info), (ReviewLabels.Waived[lang], counts.Waived) })
        {
            layout.Row([(label, widths[0], Ink, false), (n.ToString(CultureInfo.InvariantCulture), widths[1], Ink, false)], 9.5f);
        }

        layout.Heading(PdfLabels.ByFamily[lang], 12, Ink, keep: 80);
        float[] cols = [150, 135, 42, 42, 42, 42, 42];
        layout.Row([.. new[] { ReviewLabels.PlanName, ReviewLabels.Family, ReviewLabels.Errors, ReviewLabels.Warnings, ReviewLabels.Infos, ReviewLabels.Waived, ReviewLabels.Total }
            .Select((l, i) => (l[lang], cols[i], Ink, true))], 9, Header);
        foreach (var plan in report.Plans.Select(p => p.Id).Concat(rows.Select(r => r.PlanId)).Distinct())
        {
            var own = rows.Where(r => r.PlanId == plan).ToList();
            var groups = own.GroupBy(r => r.Family).OrderBy(g => g.Key.Id, StringComparer.Ordinal)
                .Select(g => (g.Key.Name, Counts: SeverityCounts.Of(g.Select(r => r.Finding)), Bold: false))
                .Append((ReviewLabels.Total[lang], SeverityCounts.Of(own.Select(r => r.Finding)), true));
            var first = true;
            foreach (var (family, c, bold) in groups)
            {
                layout.Row(
                [
                    (first ? context.PlanName(plan) : "", cols[0], Ink, false), (family, cols[1], Ink, bold),
                    (N(c.Error), cols[2], Ink, bold), (N(c.Warning), cols[3], Ink, bold), (N(c.Info), cols[4], Ink, bold), (N(c.Waived), cols[5], Ink, bold),
                    (N(c.Error + c.Warning + c.Info + c.Waived), cols[6], Ink, bold),
                ], 9);
                first = false;
            }
        }

        layout.Space(8);
        layout.Paragraph(Render(ReviewLabels.RulesRun[lang], ("rules_run", report.RulesRun), ("not_applicable", report.NotApplicable)), 9, Muted);
    }

    private void PlanSection(PdfLayout layout, string plan, IReadOnlyList<FindingRow> rows, Report report, ReportContext context)
    {
        var lang = context.Language;
        layout.NewPage();
        layout.Heading(context.PlanName(plan), 18, Ink);
        var entry = report.Plans.FirstOrDefault(p => p.Id == plan);
        layout.Paragraph(entry is null ? plan : $"{plan} · {PlanKinds.Describe(entry.Level, entry.Type, lang)}{(entry.Crs is { } crs ? $" · {crs}" : "")}", 9, Muted);
        layout.Space(6);
        var loaded = context.Plans.FirstOrDefault(p => p.Id == plan);
        if (!new PdfMap(MaxFeaturesPerLayer).Draw(layout, loaded, [.. rows.Select(r => (r.Number, r.Finding))], lang, maxHeight: 520))
        {
            layout.Paragraph(PdfLabels.NoMap[lang], 9, Muted);
        }

        var unmapped = rows.Count(r => r.Finding.Geometry is not { IsEmpty: false });
        if (unmapped > 0 && rows.Count > unmapped) layout.Paragraph(Render(PdfLabels.Unmapped[lang], ("count", unmapped)), 8.5f, Muted);

        layout.Heading(PdfLabels.Findings[lang], 14, Ink);
        if (rows.Count == 0)
        {
            layout.Paragraph(Labels.NoFindings[lang], 10, Ink);
            return;
        }

        foreach (var rule in rows.GroupBy(r => r.Rule).OrderBy(g => g.Min(r => r.Number)))
        {
            var first = rule.First();
            layout.Heading($"{first.Rule}  {first.Title}", 11.5f, Ink, keep: 70);
            layout.Paragraph(Render(PdfLabels.RuleLine[lang], ("severity", first.Severity), ("count", rule.Count())), 9, SeverityColour(first.Finding.Severity), bold: true);
            if (first.Basis.Length > 0) layout.Paragraph($"{ReviewLabels.Basis[lang]}：{first.Basis}", 9, Ink);
            if (first.Fix.Length > 0) layout.Paragraph($"{ReviewLabels.Fix[lang]}：{first.Fix}", 9, Ink);
            layout.Space(4);
            float[] cols = [30, 120, 95, 250];
            layout.Row([("#", cols[0], Ink, true), (ReviewLabels.Features[lang], cols[1], Ink, true), ($"{ReviewLabels.Value[lang]} / {ReviewLabels.Limit[lang]}", cols[2], Ink, true), (ReviewLabels.Message[lang], cols[3], Ink, true)], 8.5f, Header);
            foreach (var row in rule)
            {
                var colour = row.Finding.WaivedBy is null ? Ink : Muted;
                layout.Row(
                [
                    (row.Number.ToString(CultureInfo.InvariantCulture), cols[0], colour, false),
                    (row.Features, cols[1], colour, false),
                    (Measure(row), cols[2], colour, false),
                    (row.Waiver.Length > 0 ? $"{row.Message}\n{row.Waiver}" : row.Message, cols[3], colour, false),
                ], 8.5f);
            }

            layout.Space(6);
        }
    }

    private static void Problems(PdfLayout layout, Report report, Language lang)
    {
        if (report.Skipped.Count == 0 && report.Diagnostics.Count == 0) return;
        layout.NewPage();
        if (report.Skipped.Count > 0)
        {
            layout.Heading(Labels.Skipped[lang], 14, Ink);
            foreach (var s in report.Skipped) layout.Paragraph(Render(Labels.CouldNotRun[lang], ("rule", s.Rule), ("plan", s.Plan), ("reason", s.ReasonIn(lang))), 9, Ink);
        }

        if (report.Diagnostics.Count > 0)
        {
            layout.Heading(Labels.Diagnostics[lang], 14, Ink);
            foreach (var d in report.Diagnostics) layout.Paragraph(d.Format(lang), 9, Ink);
        }
    }

    private static string Measure(FindingRow row) => row.Value is not { } v ? "" :
        $"{MessageTemplate.Format(Math.Round(v, 4))}{(row.Limit is { } l ? $" / {MessageTemplate.Format(Math.Round(l, 4))}" : "")} {row.Unit}".TrimEnd();

    private static string Title(string ruleSet, ReportContext context) =>
        context.RuleSetTitles.TryGetValue(ruleSet, out var t) ? t[context.Language] : ruleSet;

    private static SKColor SeverityColour(Severity severity) => severity switch
    {
        Severity.Error => SKColor.Parse("#c62828"),
        Severity.Warning => SKColor.Parse("#b26a00"),
        _ => SKColor.Parse("#1565c0"),
    };

    private static string N(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Render(string template, params (string Name, object? Value)[] args) =>
        MessageTemplate.Render(template, args.ToDictionary(a => a.Name, a => a.Value));
}
