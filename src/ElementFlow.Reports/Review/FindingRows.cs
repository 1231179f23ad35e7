using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;

namespace ElementFlow.Reports.Review;

/// <summary>
/// One finding as a reviewer's row reads it: every cell already in the reader's language. The issue
/// list (xlsx) and the quality-check report (pdf) share these rows so the two never disagree.
/// </summary>
internal sealed record FindingRow(
    int Number,
    Finding Finding,
    string Rule,
    string Title,
    string Severity,
    string PlanId,
    string PlanName,
    string Layers,
    string Features,
    double? Value,
    double? Limit,
    string Unit,
    string Message,
    string Basis,
    string Fix,
    string Waiver,
    RuleFamily Family);

/// <summary>Builds the reviewer rows of a report, in report order, numbered from 1.</summary>
internal static class FindingRows
{
    public static IEnumerable<FindingRow> Of(Report report, ReportContext context)
    {
        var lang = context.Language;
        var rules = context.Rules.GroupBy(r => r.Id).ToDictionary(g => g.Key, g => g.First());
        var names = report.Plans.Select(p => p.Id).Concat(report.Findings.Select(f => f.Plan)).Distinct()
            .ToDictionary(id => id, context.PlanName);
        var number = 0;
        foreach (var f in report.Findings)
        {
            rules.TryGetValue(f.Rule, out var rule);
            yield return new FindingRow(
                ++number,
                f,
                f.Rule,
                rule?.Title[lang] ?? "",
                SeverityText.Of(f.Severity, lang),
                f.Plan,
                names[f.Plan],
                string.Join("、", f.Subjects.Select(s => LayerName(s.Layer, lang)).Distinct()),
                string.Join(", ", f.Subjects.Select(s => s.Plan is null ? s.Id : $"{s.Plan}:{s.Id}")),
                f.Measure?.Value,
                f.Measure?.Limit,
                f.Measure is { } m ? MeasureUnits.Of(m.Name, lang) : "",
                f.Message(lang),
                rule?.Basis ?? "",
                rule?.Fix?[lang] ?? "",
                f.WaivedBy is { } w ? MessageTemplate.Render(Labels.Waived[lang], new Dictionary<string, object?> { ["approval"] = w.Approval, ["document"] = w.Document }) : "",
                RuleFamily.Of(f.Rule, rule?.RuleSet, context));
        }
    }

    /// <summary>A layer role's name for people: 生态保护红线 in Chinese, the role key in English.</summary>
    public static string LayerName(string layer, Language lang) => layer switch
    {
        Subject.IndicatorsLayer => lang == Language.Zh ? "指标" : "indicators",
        Subject.AllocationsLayer => lang == Language.Zh ? "指标分解" : "allocations",
        Subject.PlanLayer => lang == Language.Zh ? "规划" : "plan",
        _ when lang == Language.Zh && LayerRole.Find(layer) is { } role => role.Zh,
        _ => layer,
    };
}

/// <summary>A group of rules a summary counts by: the rule set a rule comes from, named by its title.</summary>
internal sealed record RuleFamily(string Id, string Name)
{
    public static RuleFamily Of(string rule, string? ruleSet, ReportContext context)
    {
        var id = ruleSet ?? (rule.IndexOf('-') is > 0 and var dash ? rule[..dash] : rule);
        return new RuleFamily(id, context.RuleSetTitles.TryGetValue(id, out var title) ? title[context.Language] : id);
    }
}

/// <summary>Severity words in both languages.</summary>
internal static class SeverityText
{
    public static string Of(Severity severity, Language lang) => severity switch
    {
        Severity.Error => Labels.Error[lang],
        Severity.Warning => Labels.Warning[lang],
        _ => Labels.Info[lang],
    };
}

/// <summary>The unit a measure's name ends in (DESIGN §4: <c>_m2</c>, <c>_ha</c>, ...), as people write it.</summary>
internal static class MeasureUnits
{
    private static readonly (string Suffix, LocalizedText Unit)[] Suffixes =
    [
        ("_m2_per_person", new("平方米/人", "m²/person")),
        ("_m2", new("平方米", "m²")),
        ("_ha", new("公顷", "ha")),
        ("_km", new("千米", "km")),
        ("_m", new("米", "m")),
        ("_ratio", new("比值", "ratio")),
        ("_share", new("比例", "share")),
        ("_count", new("个", "count")),
        ("_persons", new("人", "persons")),
    ];

    public static string Of(string measureName, Language lang)
    {
        foreach (var (suffix, unit) in Suffixes)
        {
            if (measureName.EndsWith(suffix, StringComparison.Ordinal)) return unit[lang];
        }

        return "";
    }
}
