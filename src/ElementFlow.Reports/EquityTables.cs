using System.Globalization;
using System.Text.Json;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports;

/// <summary>The life-circle table (population and coverage per subdistrict) in the text and JSON reports.</summary>
internal static class EquityTables
{
    private static readonly LocalizedText Title = new("生活圈覆盖率（按街道）", "Life-circle coverage by subdistrict");
    private static readonly LocalizedText Subdistrict = new("街道", "Subdistrict");
    private static readonly LocalizedText Name = new("名称", "Name");
    private static readonly LocalizedText Population = new("人口", "Population");

    /// <summary>One table per plan: a row per subdistrict, a column per coverage (share of residents, as a percentage).</summary>
    public static void WriteText(TextWriter w, Report report, Language lang)
    {
        foreach (var plan in report.Equity.GroupBy(r => r.Plan))
        {
            var columns = plan.SelectMany(r => r.Coverage.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
            var header = new[] { Subdistrict[lang], Name[lang], Population[lang] }.Concat(columns.Select(c => ColumnName(c, lang))).ToList();
            var rows = plan.Select(r => new[] { r.Subdistrict, r.Name ?? "", r.Population.ToString("N0", CultureInfo.InvariantCulture) }
                .Concat(columns.Select(c => r.Coverage.TryGetValue(c, out var s) ? (s * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—"))
                .ToList()).ToList();
            var widths = header.Select((h, i) => rows.Select(r => MessageTemplate.DisplayWidth(r[i])).Append(MessageTemplate.DisplayWidth(h)).Max()).ToList();
            string Line(IReadOnlyList<string> cells) => ("  " + string.Join("  ", cells.Select((c, i) => i >= 2
                ? new string(' ', widths[i] - MessageTemplate.DisplayWidth(c)) + c
                : MessageTemplate.PadRight(c, widths[i])))).TrimEnd();
            w.WriteLine();
            w.WriteLine($"{Title[lang]} — {plan.Key}:");
            w.WriteLine(Line(header));
            foreach (var row in rows) w.WriteLine(Line(row));
        }
    }

    /// <summary>A coverage column for people: <c>clinic_or_health_centre_1000m</c> reads 基层医疗卫生设施或社区卫生服务中心 1000米 in Chinese.</summary>
    public static string ColumnName(string column, Language lang)
    {
        if (lang != Language.Zh) return column;
        var match = System.Text.RegularExpressions.Regex.Match(column, @"^(?<what>.+?)_(?<distance>\d+)m$");
        var what = match.Success ? match.Groups["what"].Value : column;
        var names = what.Split("_or_").Select(k => k == "life_circle" ? "生活圈设施" : k == "green" ? "绿地与开敞空间" : Core.Planning.Terms.Zh(k) ?? k);
        return string.Join("或", names) + (match.Success ? $" {match.Groups["distance"].Value}米" : "");
    }

    /// <summary><c>"equity": [{plan, subdistrict, name, population, coverage: {column: share}}]</c>.</summary>
    public static void WriteJson(Utf8JsonWriter w, Report report)
    {
        w.WriteStartArray("equity");
        foreach (var row in report.Equity)
        {
            w.WriteStartObject();
            w.WriteString("plan", row.Plan);
            w.WriteString("subdistrict", row.Subdistrict);
            if (row.Name is null) w.WriteNull("name");
            else w.WriteString("name", row.Name);
            w.WriteNumber("population", Math.Round(row.Population, 6));
            w.WriteStartObject("coverage");
            foreach (var (column, share) in row.Coverage) w.WriteNumber(column, Math.Round(share, 6));
            w.WriteEndObject();
            w.WriteEndObject();
        }

        w.WriteEndArray();
    }
}
