using System.Globalization;
using System.Text;
using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;
using ElementFlow.Reports.Html;

namespace ElementFlow.Reports;

/// <summary>The flows table (each plan's flows, counterpart and whether the mirror entry was found) in the text, JSON and HTML reports; absent when no plan declares flows.</summary>
internal static class FlowTables
{
    private static readonly LocalizedText Title = new("要素流动", "Flows between regions");
    private static readonly LocalizedText[] Header =
    [
        new("编号", "Id"), new("类型", "Kind"), new("方向", "Direction"), new("对方", "Counterpart"),
        new("数量", "Amount"), new("对方规划", "Counterpart plan"), new("对应记录", "Mirror entry"),
    ];

    private static readonly Dictionary<string, LocalizedText> Status = new()
    {
        ["found"] = new("已找到", "found"),
        ["missing"] = new("未找到", "missing"),
        ["not-in-tree"] = new("对方规划不在本次检查中", "counterpart's plan not in the check"),
    };

    private static readonly Dictionary<string, LocalizedText> Direction = new()
    {
        ["in"] = new("流入", "in"),
        ["out"] = new("流出", "out"),
    };

    private static string[] Cells(FlowRow r, Language lang) =>
    [
        r.Id, r.Kind, Direction[r.Direction][lang], r.Counterpart,
        r.Amount.ToString("0.####", CultureInfo.InvariantCulture) + " " + r.Unit,
        r.CounterpartPlan ?? "—", Status[r.MirrorStatus][lang] + (r.Mirror is { } m ? $" ({m})" : ""),
    ];

    public static void WriteText(TextWriter w, Report report, Language lang)
    {
        foreach (var plan in report.Flows.GroupBy(r => r.Plan))
        {
            var header = Header.Select(h => h[lang]).ToList();
            var rows = plan.Select(r => Cells(r, lang)).ToList();
            var widths = header.Select((h, i) => rows.Select(r => MessageTemplate.DisplayWidth(r[i])).Append(MessageTemplate.DisplayWidth(h)).Max()).ToList();
            string Line(IReadOnlyList<string> cells) => ("  " + string.Join("  ", cells.Select((c, i) => MessageTemplate.PadRight(c, widths[i])))).TrimEnd();
            w.WriteLine();
            w.WriteLine($"{Title[lang]} — {plan.Key}:");
            w.WriteLine(Line(header));
            foreach (var row in rows) w.WriteLine(Line(row));
        }
    }

    /// <summary><c>"flows": [{plan, id, kind, direction, counterpart, amount, unit, counterpart_plan, mirror, mirror_status}]</c>.</summary>
    public static void WriteJson(Utf8JsonWriter w, Report report)
    {
        if (report.Flows.Count == 0) return;
        w.WriteStartArray("flows");
        foreach (var r in report.Flows)
        {
            w.WriteStartObject();
            w.WriteString("plan", r.Plan);
            w.WriteString("id", r.Id);
            w.WriteString("kind", r.Kind);
            w.WriteString("direction", r.Direction);
            w.WriteString("counterpart", r.Counterpart);
            w.WriteNumber("amount", Math.Round(r.Amount, 6));
            w.WriteString("unit", r.Unit);
            w.WriteString("counterpart_plan", r.CounterpartPlan);
            w.WriteString("mirror", r.Mirror);
            w.WriteString("mirror_status", r.MirrorStatus);
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }

    public static void WriteHtml(StringBuilder h, Report report, ReportContext context)
    {
        if (report.Flows.Count == 0) return;
        var lang = context.Language;
        h.Append("<section id=\"flows\">\n<h2>").Append(HtmlText.Escape(Title[lang])).Append("</h2>\n");
        if (FlowMap.Draw(context.Plans, report.Flows, lang) is { } svg) h.Append("<figure class=\"plan-map flow-map\">\n").Append(svg).Append("\n</figure>\n");
        h.Append("<table>\n<thead><tr><th>").Append(HtmlText.Escape(new LocalizedText("规划", "Plan")[lang])).Append("</th>");
        foreach (var c in Header) h.Append("<th>").Append(HtmlText.Escape(c[lang])).Append("</th>");
        h.Append("</tr></thead>\n<tbody>\n");
        foreach (var r in report.Flows)
        {
            h.Append("<tr class=\"mirror-").Append(r.MirrorStatus).Append("\"><td>").Append(HtmlText.Escape(r.Plan)).Append("</td>");
            foreach (var c in Cells(r, lang)) h.Append("<td>").Append(HtmlText.Escape(c)).Append("</td>");
            h.Append("</tr>\n");
        }

        h.Append("</tbody>\n</table>\n</section>\n");
    }
}
