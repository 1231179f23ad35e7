using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using YamlDotNet.RepresentationModel;
using ElementFlow.Yaml;

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
            Title = map.Text("title"),
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
            Title = map.Text("title"),
            Severity = map.String("severity"),
            Basis = map.String("basis"),
            Fix = map.Text("fix"),
            Message = map.Text("message"),
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
            rule.SeverityWhen.Add(new SeverityWhenDto(s.String("when"), s.String("severity"), s.Text("message"), s.Line));
            s.ReportUnknownKeys(asError: true, ["when", "severity", "message"]);
        }

        map.ReportUnknownKeys(asError: true, RuleKeys);
        return rule;
    }

    private static CheckDto ReadCheck(YamlMap map) => new()
    {
        Map = map,
        Kind = map.String("kind"),
        Message = map.Text("message"),
    };
}
