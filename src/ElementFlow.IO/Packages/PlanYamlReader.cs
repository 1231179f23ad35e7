using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Rules.Yaml;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.IO.Packages;

/// <summary>Reads plan.yaml into a <see cref="PlanDto"/>, recording located diagnostics for its shape.</summary>
public static class PlanYamlReader
{
    private static readonly string[] Keys =
        ["schema", "id", "name", "level", "type", "region", "period", "parent", "crs", "layers", "indicators", "allocations", "approvals", "description"];

    private static readonly string[] LayerKeys = ["file", "layer", "fields", "encoding"];
    private static readonly string[] QuantityKeys = ["value", "min", "max", "unit"];

    public static PlanDto? Read(string text, string file, List<Diagnostic> diagnostics, InputLimits? limits = null)
    {
        var (root, error) = YamlText.ParseMapping(text, file, limits);
        if (error is not null)
        {
            diagnostics.Add(error);
            return null;
        }

        var map = new YamlMap(root!, file, "", diagnostics) { Known = Keys };
        var dto = new PlanDto
        {
            Line = map.Line,
            Schema = map.String("schema"),
            Id = map.String("id"),
            Name = RuleSetReader.Text(map, "name"),
            Level = map.String("level"),
            Type = map.String("type"),
            Parent = map.String("parent"),
            ParentLine = map.LineOf("parent"),
            Crs = map.String("crs"),
        };
        map.Get("description");
        foreach (var key in Keys) dto.Lines[key] = map.LineOf(key);
        if (map.Map("region") is { } region)
        {
            region = region.Knowing(["code", "name"]);
            dto.RegionCode = region.String("code");
            dto.RegionName = region.String("name");
            dto.RegionLine = region.Line;
            dto.Lines["region.code"] = region.LineOf("code");
            region.ReportUnknownKeys(asError: false);
        }

        if (map.Map("period") is { } period)
        {
            period = period.Knowing(["base", "target"]);
            dto.BaseYear = period.String("base");
            dto.TargetYear = period.String("target");
            dto.Lines["period.base"] = period.LineOf("base");
            dto.Lines["period.target"] = period.LineOf("target");
            period.ReportUnknownKeys(asError: false);
        }

        if (map.Map("layers") is { } layers) ReadLayers(layers, dto);
        if (map.Map("indicators") is { } indicators)
        {
            foreach (var (k, v) in indicators.Node.Children) dto.Indicators.Add(ReadQuantity(k.Scalar() ?? "", v, indicators));
        }

        if (map.Map("allocations") is { } allocations)
        {
            foreach (var (k, v) in allocations.Node.Children)
            {
                var code = k.Scalar() ?? "";
                if (v is not YamlMappingNode targets)
                {
                    allocations.WrongShape(v, code, "a mapping of indicator targets");
                    continue;
                }

                var targetMap = new YamlMap(targets, map.File, $"allocations.{code}", diagnostics);
                dto.Allocations.Add(new AllocationDto(code, targets.Children.Select(t => ReadQuantity(t.Key.Scalar() ?? "", t.Value, targetMap)).ToList(), k.Line()));
            }
        }

        foreach (var a in map.MapsIn("approvals")) dto.Approvals.Add(ReadApproval(a));
        map.ReportUnknownKeys(asError: false, Keys);
        return dto;
    }

    private static void ReadLayers(YamlMap layers, PlanDto dto)
    {
        foreach (var (k, v) in layers.Node.Children)
        {
            var role = k.Scalar() ?? "";
            switch (v)
            {
                case YamlScalarNode s:
                    dto.Layers.Add(new LayerEntryDto(role, s.Value, null, new Dictionary<string, string>(), k.Line()));
                    break;
                case YamlMappingNode m:
                    var entry = new YamlMap(m, layers.File, $"layers.{role}", layers.Diagnostics) { Known = LayerKeys };
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (entry.Map("fields") is { } f)
                    {
                        foreach (var (fk, fv) in f.Node.Children) fields[fk.Scalar() ?? ""] = fv.Scalar() ?? "";
                    }

                    dto.Layers.Add(new LayerEntryDto(role, entry.String("file"), entry.String("layer"), fields, k.Line(), entry.String("encoding")));
                    entry.ReportUnknownKeys(asError: true);
                    break;
                default:
                    layers.WrongShape(v, role, "a file path or a mapping with file, layer, fields");
                    break;
            }
        }
    }

    private static QuantityDto ReadQuantity(string key, YamlNode node, YamlMap parent)
    {
        if (node is not YamlMappingNode m)
        {
            parent.WrongShape(node, key, "a mapping with value and unit");
            return new QuantityDto(key, null, null, null, null, node.Line());
        }

        var q = new YamlMap(m, parent.File, parent.FieldPath(key), parent.Diagnostics) { Known = QuantityKeys };
        var before = parent.Diagnostics.Count;
        var dto = new QuantityDto(key, q.Number("value"), q.Number("min"), q.Number("max"), q.String("unit"), m.Line()) { UnitLine = q.LineOf("unit") };
        q.ReportUnknownKeys(asError: true);
        return parent.Diagnostics.Count > before ? dto with { Reported = true } : dto;
    }

    private static ApprovalDto ReadApproval(YamlMap approval)
    {
        var map = approval.Knowing(["id", "document", "rule", "features", "expires", "note"]);
        var features = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (map.Map("features") is { } f)
        {
            foreach (var (k, v) in f.Node.Children) features[k.Scalar() ?? ""] = f.AsStrings(v, $"features.{k.Scalar()}") ?? [];
        }

        var dto = new ApprovalDto(map.String("id"), map.String("document"), map.String("rule"), features, map.String("expires"), map.Line);
        map.Get("note");
        map.ReportUnknownKeys(asError: false);
        return dto;
    }
}
