using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.Rules.Yaml;

/// <summary>Reads a rule-set YAML file into DTOs, with a located diagnostic for every shape problem.</summary>
public static class RuleSetReader
{
    private static readonly string[] RuleSetKeys = ["ruleset", "version", "title", "description", "rules", "extends", "overrides"];

    private static readonly string[] RuleKeys =
        ["id", "title", "severity", "applies-to", "basis", "fix", "description", "check", "checks", "message", "severity-when"];

    public static RuleSetDto? Read(string text, string file, List<Diagnostic> diagnostics, InputLimits? limits = null)
    {
        var (root, error) = YamlText.ParseMapping(text, file, limits);
        if (error is not null)
        {
            diagnostics.Add(error);
            return null;
        }

        var map = new YamlMap(root!, file, "", diagnostics);
        var dto = new RuleSetDto
        {
            File = file,
            Line = map.Line,
            Id = map.String("ruleset"),
            Version = map.String("version"),
            Title = Text(map, "title"),
        };
        map.Get("description");
        dto.Extends = map.Strings("extends") ?? [];
        if (map.Map("overrides") is { } overrides)
        {
            foreach (var (k, v) in overrides.Node.Children)
            {
                dto.OverrideLines[k.Scalar() ?? ""] = k.Line();
                if (v is YamlMappingNode m) dto.Overrides[k.Scalar() ?? ""] = new YamlMap(m, file, $"overrides.{k.Scalar()}", diagnostics);
                else overrides.WrongShape(v, k.Scalar() ?? "", "a mapping of the rule's keys to change");
            }
        }

        foreach (var ruleMap in map.MapsIn("rules")) dto.Rules.Add(ReadRule(ruleMap));
        map.ReportUnknownKeys(asError: true, RuleSetKeys);
        return dto;
    }

    public static RuleDto ReadRule(YamlMap map)
    {
        var rule = new RuleDto
        {
            File = map.File,
            Map = map,
            Line = map.Line,
            Id = map.String("id"),
            Title = Text(map, "title"),
            Severity = map.String("severity"),
            Basis = map.String("basis"),
            Fix = Text(map, "fix"),
            Message = Text(map, "message"),
        };
        map.Get("description");
        if (map.Map("applies-to") is { } applies)
        {
            rule.Levels = applies.Strings("levels");
            rule.Types = applies.Strings("types");
            applies.ReportUnknownKeys(asError: true, ["levels", "types"]);
        }

        rule.HasBothCheckAndChecks = map.Has("check") && map.Has("checks");
        if (map.Map("check") is { } check) rule.Checks.Add(ReadCheck(check));
        foreach (var c in map.MapsIn("checks")) rule.Checks.Add(ReadCheck(c));
        foreach (var s in map.MapsIn("severity-when"))
        {
            rule.SeverityWhen.Add(new SeverityWhenDto(s.String("when"), s.String("severity"), Text(s, "message"), s.Line));
            s.ReportUnknownKeys(asError: true, ["when", "severity", "message"]);
        }

        map.ReportUnknownKeys(asError: true, RuleKeys);
        return rule;
    }

    private static CheckDto ReadCheck(YamlMap map) => new()
    {
        Map = map,
        Kind = map.String("kind"),
        Message = Text(map, "message"),
    };

    /// <summary>A zh/en text: a mapping with zh and en, or one string used for both.</summary>
    public static TextDto? Text(YamlMap map, string key)
    {
        var node = map.Get(key);
        switch (node)
        {
            case null: return null;
            case YamlScalarNode s: return new TextDto(s.Value, s.Value, s.Line());
            case YamlMappingNode m:
                var inner = new YamlMap(m, map.File, map.FieldPath(key), map.Diagnostics);
                var text = new TextDto(inner.String("zh"), inner.String("en"), m.Line());
                inner.ReportUnknownKeys(asError: true, ["zh", "en"]);
                return text;
            default:
                map.WrongShape(node, key, "a text, or a mapping with zh and en");
                return null;
        }
    }
}
