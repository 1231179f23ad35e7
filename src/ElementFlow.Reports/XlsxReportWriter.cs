using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Reports.Review;
using MiniExcelLibs;
using MiniExcelLibs.Attributes;
using MiniExcelLibs.OpenXml;

namespace ElementFlow.Reports;

/// <summary>
/// The issue list (问题清单) reviewers share out in Excel: a row per finding with everything needed to
/// act on it, a summary by plan and rule family, and what was checked, when and with which rules.
/// </summary>
/// <remarks>
/// MiniExcel streams rows into the sheet as they are produced, so 85,000 findings cost seconds and tens
/// of megabytes. Every sheet has a frozen header row with filters; the widths are set per column (a
/// Chinese character counts as two) because Excel does not size columns itself.
/// </remarks>
public sealed class XlsxReportWriter : IReportWriter
{
    public string Format => "xlsx";

    public bool Binary => true;

    public void Write(Report report, ReportContext context, Stream output)
    {
        var lang = context.Language;
        var sheets = new Dictionary<string, object>
        {
            [ReviewLabels.IssuesSheet[lang]] = Issues(report, context),
            [ReviewLabels.SummarySheet[lang]] = Summary(report, context),
            [ReviewLabels.AboutSheet[lang]] = About(report, context),
        };
        var configuration = new OpenXmlConfiguration
        {
            FreezeRowCount = 1,
            AutoFilter = true,
            EnableWriteNullValueCell = true,
            FastMode = false,
            DynamicColumns = Widths(lang),
        };

        // MiniExcel seeks while it writes the package; a pipe or a terminal cannot.
        if (output.CanSeek)
        {
            MiniExcel.SaveAs(output, sheets, configuration: configuration);
            return;
        }

        using var buffer = new MemoryStream();
        MiniExcel.SaveAs(buffer, sheets, configuration: configuration);
        buffer.Position = 0;
        buffer.CopyTo(output);
    }

    private static IEnumerable<Dictionary<string, object?>> Issues(Report report, ReportContext context)
    {
        var lang = context.Language;
        foreach (var row in FindingRows.Of(report, context))
        {
            yield return new Dictionary<string, object?>
            {
                [ReviewLabels.Number[lang]] = row.Number,
                [ReviewLabels.Rule[lang]] = row.Rule,
                [ReviewLabels.Title[lang]] = row.Title,
                [ReviewLabels.Severity[lang]] = row.Severity,
                [ReviewLabels.PlanName[lang]] = row.PlanName,
                [ReviewLabels.PlanId[lang]] = row.PlanId,
                [ReviewLabels.Layer[lang]] = row.Layers,
                [ReviewLabels.Features[lang]] = row.Features,
                [ReviewLabels.Value[lang]] = row.Value is { } v ? Math.Round(v, 4) : null,
                [ReviewLabels.Limit[lang]] = row.Limit is { } l ? Math.Round(l, 4) : null,
                [ReviewLabels.Unit[lang]] = row.Unit,
                [ReviewLabels.Message[lang]] = row.Message,
                [ReviewLabels.Basis[lang]] = row.Basis,
                [ReviewLabels.Fix[lang]] = row.Fix,
                [ReviewLabels.Waiver[lang]] = row.Waiver,
                [ReviewLabels.Decision[lang]] = "",
            };
        }
    }

    private static List<Dictionary<string, object?>> Summary(Report report, ReportContext context)
    {
        var lang = context.Language;
        var rows = FindingRows.Of(report, context).ToList();
        var summary = new List<Dictionary<string, object?>>();
        Dictionary<string, object?> Line(string planName, string planId, string family, IEnumerable<FindingRow> of)
        {
            var counts = SeverityCounts.Of(of.Select(r => r.Finding));
            return new Dictionary<string, object?>
            {
                [ReviewLabels.PlanName[lang]] = planName,
                [ReviewLabels.PlanId[lang]] = planId,
                [ReviewLabels.Family[lang]] = family,
                [ReviewLabels.Errors[lang]] = counts.Error,
                [ReviewLabels.Warnings[lang]] = counts.Warning,
                [ReviewLabels.Infos[lang]] = counts.Info,
                [ReviewLabels.Waived[lang]] = counts.Waived,
                [ReviewLabels.Total[lang]] = counts.Error + counts.Warning + counts.Info + counts.Waived,
            };
        }

        var planIds = report.Plans.Select(p => p.Id).Concat(rows.Select(r => r.PlanId)).Distinct().ToList();
        foreach (var plan in planIds)
        {
            var own = rows.Where(r => r.PlanId == plan).ToList();
            foreach (var family in own.GroupBy(r => r.Family).OrderBy(g => g.Key.Id, StringComparer.Ordinal))
            {
                summary.Add(Line(context.PlanName(plan), plan, family.Key.Name, family));
            }

            summary.Add(Line(context.PlanName(plan), plan, ReviewLabels.Total[lang], own));
        }

        summary.Add(Line(ReviewLabels.AllPlans[lang], "", ReviewLabels.Total[lang], rows));
        return summary;
    }

    private static List<Dictionary<string, object?>> About(Report report, ReportContext context)
    {
        var lang = context.Language;
        var items = new List<(LocalizedText, string)>
        {
            (ReviewLabels.Plans, string.Join("；", report.Plans.Select(p => $"{context.PlanName(p.Id)}（{p.Id}）"))),
            (ReviewLabels.CheckDate, context.CheckedAt?.ToString("yyyy-MM-dd HH:mm zzz", System.Globalization.CultureInfo.InvariantCulture) ?? ReviewLabels.Unstated[lang]),
            (ReviewLabels.AsOf, context.AsOf?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) ?? ReviewLabels.Unstated[lang]),
            (ReviewLabels.RuleSets, string.Join("；", report.RuleSets.Select(r => $"{r.Id} {r.Version}"))),
            (ReviewLabels.Tool, MessageTemplate.Render(ReviewLabels.ToolLine[lang], new Dictionary<string, object?> { ["version"] = context.ToolVersion })),
            (ReviewLabels.Counts, Labels.SummaryLine(report, lang)),
        };
        return items.Select(i => new Dictionary<string, object?> { [ReviewLabels.Item[lang]] = i.Item1[lang], [ReviewLabels.Content[lang]] = i.Item2 }).ToList();
    }

    /// <summary>Column widths in characters, wide enough for the usual content, wrapped beyond.</summary>
    private static DynamicExcelColumn[] Widths(Language lang) =>
    [
        .. new (LocalizedText Label, int Width)[]
        {
            (ReviewLabels.Number, 7), (ReviewLabels.Rule, 11), (ReviewLabels.Title, 36), (ReviewLabels.Severity, 8),
            (ReviewLabels.PlanName, 28), (ReviewLabels.PlanId, 18), (ReviewLabels.Layer, 22), (ReviewLabels.Features, 24),
            (ReviewLabels.Value, 12), (ReviewLabels.Limit, 10), (ReviewLabels.Unit, 8), (ReviewLabels.Message, 60),
            (ReviewLabels.Basis, 40), (ReviewLabels.Fix, 50), (ReviewLabels.Waiver, 30), (ReviewLabels.Decision, 24),
            (ReviewLabels.Family, 16), (ReviewLabels.Errors, 8), (ReviewLabels.Warnings, 8), (ReviewLabels.Infos, 8),
            (ReviewLabels.Waived, 8), (ReviewLabels.Total, 8), (ReviewLabels.Item, 30), (ReviewLabels.Content, 90),
        }.Select(c => new DynamicExcelColumn(c.Label[lang]) { Width = c.Width }),
    ];
}
