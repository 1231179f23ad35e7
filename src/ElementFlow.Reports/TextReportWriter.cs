using System.Text;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports;

/// <summary>The default report for people: plans with their counts, then findings grouped by plan.</summary>
public sealed class TextReportWriter : IReportWriter
{
    private const int MaxSubjectsShown = 3;

    public string Format => "text";

    public void Write(Report report, ReportContext context, Stream output)
    {
        var lang = context.Language;
        using var w = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true);
        w.WriteLine(MessageTemplate.Render(Labels.Title[lang], new Dictionary<string, object?> { ["version"] = context.ToolVersion }));
        w.WriteLine();
        w.WriteLine($"{Labels.Plans[lang]}:");
        foreach (var plan in report.Plans)
        {
            var counts = report.CountsFor(plan.Id);
            w.WriteLine(new string(' ', 2 + 2 * Depth(report, plan)) + MessageTemplate.Render(Labels.PlanLine[lang], new Dictionary<string, object?>
            {
                ["id"] = plan.Id, ["kind"] = PlanKinds.Describe(plan.Level, plan.Type, lang), ["path"] = plan.Path,
                ["error"] = counts.Error, ["warning"] = counts.Warning, ["info"] = counts.Info,
            }));
        }

        foreach (var group in report.Findings.GroupBy(f => f.Plan))
        {
            w.WriteLine();
            w.WriteLine($"{Labels.Findings[lang]} — {group.Key}:");
            WriteTable(w, group.ToList(), lang);
        }

        if (report.Findings.Count == 0)
        {
            w.WriteLine();
            w.WriteLine(Labels.NoFindings[lang]);
        }

        EquityTables.WriteText(w, report, lang);
        FlowTables.WriteText(w, report, lang);

        if (report.Skipped.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"{Labels.Skipped[lang]}:");
            foreach (var s in report.Skipped) w.WriteLine($"  {s.Plan} {s.Rule}{(lang == Language.Zh ? "：" : ": ")}{s.ReasonIn(lang)}");
        }

        if (report.Diagnostics.Count > 0)
        {
            w.WriteLine();
            w.WriteLine($"{Labels.Diagnostics[lang]}:");
            foreach (var d in report.Diagnostics) w.WriteLine("  " + d.Format(lang));
        }

        w.WriteLine();
        w.WriteLine(Labels.SummaryLine(report, lang));
        if (report.Baseline is { } b)
        {
            w.WriteLine(MessageTemplate.Render(Labels.Baseline[lang], new Dictionary<string, object?>
            {
                ["new"] = b.New, ["fixed"] = b.Fixed, ["unchanged"] = b.Unchanged,
            }));
        }
    }

    /// <summary>How many reported ancestors a plan has, for indenting the tree.</summary>
    private static int Depth(Report report, PlanEntry plan)
    {
        var depth = 0;
        for (var current = plan; current.Parent is { } parentId && depth < report.Plans.Count; depth++)
        {
            if (report.Plans.FirstOrDefault(p => p.Id == parentId) is not { } parent) break;
            current = parent;
        }

        return depth;
    }

    private static void WriteTable(TextWriter w, IReadOnlyList<Finding> findings, Language lang)
    {
        var rows = findings.Select(f => new[]
        {
            SeverityLabel(f.Severity, lang),
            f.Rule,
            Subjects(f.Subjects, lang),
            f.Measure is { } m ? $"{MessageTemplate.Format(Math.Round(m.Value, 4))} {Unit(m.Name)}".TrimEnd() : "",
            f.Message(lang) + (f.WaivedBy is { } wv
                ? " [" + MessageTemplate.Render(Labels.Waived[lang], new Dictionary<string, object?> { ["approval"] = wv.Approval, ["document"] = wv.Document }) + "]"
                : ""),
        }).ToList();
        var header = new[] { Labels.Severity[lang], Labels.Rule[lang], Labels.Subjects[lang], Labels.Measure[lang], Labels.Message[lang] };
        var widths = Enumerable.Range(0, 4)
            .Select(i => rows.Select(r => MessageTemplate.DisplayWidth(r[i])).Append(MessageTemplate.DisplayWidth(header[i])).Max())
            .ToArray();
        string Line(string[] cells) => "  " + string.Join("  ", cells.Take(4).Select((c, i) => MessageTemplate.PadRight(c, widths[i]))) + "  " + cells[4];
        w.WriteLine(Line(header));
        foreach (var row in rows) w.WriteLine(Line(row));
    }

    private static string Subjects(IReadOnlyList<Subject> subjects, Language lang) =>
        string.Join(", ", subjects.Take(MaxSubjectsShown).Select(s => (s.Plan is null ? "" : $"{s.Plan}:") + $"{Review.FindingRows.LayerName(s.Layer, lang)}/{s.Id}")) + (subjects.Count > MaxSubjectsShown ? $" (+{subjects.Count - MaxSubjectsShown})" : "");

    private static string Unit(string measureName) => measureName switch
    {
        var n when n.EndsWith("_m2", StringComparison.Ordinal) => "m²",
        var n when n.EndsWith("_ha", StringComparison.Ordinal) => "ha",
        var n when n.EndsWith("_m", StringComparison.Ordinal) => "m",
        _ => "",
    };

    private static string SeverityLabel(Severity severity, Language lang) => severity switch
    {
        Severity.Error => Labels.Error[lang],
        Severity.Warning => Labels.Warning[lang],
        _ => Labels.Info[lang],
    };
}
