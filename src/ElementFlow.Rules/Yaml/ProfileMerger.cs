using ElementFlow.Core.Diagnostics;
using ElementFlow.Rules.Model;
using YamlDotNet.RepresentationModel;
using ElementFlow.Yaml;

namespace ElementFlow.Rules.Yaml;

/// <summary>
/// Applies a profile's overrides to a rule it extends: the rule's YAML with the overridden keys
/// replaced (check parameters merged one by one), validated again like any rule, so a profile can
/// tighten a national default without copying the rule and cannot set a parameter the kind lacks.
/// </summary>
public static class ProfileMerger
{
    public static RuleSpec? Apply(RuleDto baseRule, RuleSpec baseSpec, YamlMap overrides, List<Diagnostic> diagnostics)
    {
        var changes = new List<RuleOverride>();
        var merged = new YamlMappingNode();
        foreach (var (key, value) in baseRule.Map!.Node.Children)
        {
            if (!overrides.Has(key.Scalar() ?? "")) merged.Add(key, value);
        }

        foreach (var (key, value) in overrides.Node.Children)
        {
            var name = key.Scalar() ?? "";
            var location = new SourceLocation(overrides.File, key.Line());
            switch (name)
            {
                case "id":
                    diagnostics.Add(Diagnostic.Error("rules.override-id", overrides.File, key.Line(), null, ("rule", baseSpec.Id)));
                    break;
                case "check" when baseRule.Map.Get("check") is YamlMappingNode check && value is YamlMappingNode changed:
                    merged.Add(key, MergeMapping(check, changed, "check", location, changes));
                    break;
                case "checks" when baseRule.Map.Get("checks") is YamlSequenceNode list && value is YamlSequenceNode changedList:
                    var checks = new YamlSequenceNode();
                    for (var i = 0; i < list.Children.Count; i++)
                    {
                        checks.Add(i < changedList.Children.Count && changedList.Children[i] is YamlMappingNode c && list.Children[i] is YamlMappingNode b
                            ? MergeMapping(b, c, $"checks[{i}]", location, changes)
                            : list.Children[i]);
                    }

                    merged.Add(key, checks);
                    break;
                default:
                    merged.Add(key, value);
                    changes.Add(new RuleOverride(name, Show(value), location));
                    break;
            }
        }

        var dto = RuleSetReader.ReadRule(new YamlMap(merged, overrides.File, overrides.Path, diagnostics));
        return RuleSetBuilder.Build(dto, baseSpec.RuleSet, diagnostics) is { } spec
            ? spec with
            {
                Source = baseSpec.Source,
                Checks = spec.Checks.Select((c, i) => i < baseSpec.Checks.Count ? c with { Source = baseSpec.Checks[i].Source } : c).ToList(),
                Overrides = baseSpec.Overrides.Concat(changes).ToList(),
            }
            : null;
    }

    private static YamlMappingNode MergeMapping(YamlMappingNode original, YamlMappingNode changed, string path, SourceLocation location, List<RuleOverride> changes)
    {
        var merged = new YamlMappingNode();
        foreach (var (k, v) in original.Children)
        {
            if (!changed.Children.ContainsKey(k)) merged.Add(k, v);
        }

        foreach (var (k, v) in changed.Children)
        {
            merged.Add(k, v);
            changes.Add(new RuleOverride($"{path}.{k.Scalar()}", Show(v), location with { Line = k.Line() }));
        }

        return merged;
    }

    private static string Show(YamlNode node) => node switch
    {
        YamlScalarNode s => s.Value ?? "",
        YamlSequenceNode seq => "[" + string.Join(", ", seq.Children.Select(Show)) + "]",
        YamlMappingNode m => "{ " + string.Join(", ", m.Children.Select(kv => $"{kv.Key.Scalar()}: {Show(kv.Value)}")) + " }",
        _ => node.ToString(),
    };
}
