using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Limits;
using ElementFlow.Core.Text;
using ElementFlow.Sources;
using YamlDotNet.RepresentationModel;
using ElementFlow.Yaml;

namespace ElementFlow.IO.Packages;

/// <summary>Reads plan.yaml into a <see cref="PlanDto"/>, recording located diagnostics for its shape.</summary>
public static class PlanYamlReader
{
    private static readonly string[] Keys =
        ["schema", "id", "name", "level", "type", "region", "period", "parent", "crs", "layers", "indicators", "allocations", "approvals", "flows", "standard", "description"];

    private static readonly string[] FlowKeys =
        ["id", "kind", "direction", "counterpart", "amount", "paddy", "capacity", "grade", "indicator", "target", "document", "approved_by", "year", "expires", "note"];

    private static readonly string[] LayerKeys = ["file", "layer", "fields", "encoding"];
    private static readonly string[] QuantityKeys = ["value", "min", "max", "unit"];

    /// <param name="sourceKeys">
    /// Layer-entry keys that layer sources claim (<c>postgis</c>): an entry with one reads its value through that
    /// source, and its keys other than <c>layer</c>, <c>fields</c> and <c>encoding</c> reach the source as options.
    /// </param>
    public static PlanDto? Read(string text, string file, List<Diagnostic> diagnostics, InputLimits? limits = null, IReadOnlyList<string>? sourceKeys = null)
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
            Name = map.Text("name"),
            Level = map.String("level"),
            Type = map.String("type"),
            Parent = map.String("parent"),
            ParentLine = map.LineOf("parent"),
            Crs = map.String("crs"),
            Standard = map.String("standard"),
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

        if (map.Map("layers") is { } layers) ReadLayers(layers, dto, sourceKeys ?? []);
        // `indicators:` with nothing under it (init leaves the keys commented out for the author) declares none.
        if (map.Get("indicators") is not YamlScalarNode { Value: null or "" or "~" } && map.Map("indicators") is { } indicators)
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
        foreach (var f in map.MapsIn("flows")) dto.Flows.Add(ReadFlow(f));
        map.ReportUnknownKeys(asError: false, Keys);
        return dto;
    }

    private static void ReadLayers(YamlMap layers, PlanDto dto, IReadOnlyList<string> sourceKeys)
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
                    var entry = new YamlMap(m, layers.File, $"layers.{role}", layers.Diagnostics) { Known = [.. LayerKeys, .. sourceKeys] };
                    var fields = new Dictionary<string, string>(StringComparer.Ordinal);
                    if (entry.Map("fields") is { } f)
                    {
                        foreach (var (fk, fv) in f.Node.Children) fields[fk.Scalar() ?? ""] = fv.Scalar() ?? "";
                    }

                    if (SourceKey(entry, sourceKeys) is { } sourceKey)
                    {
                        ReadKeyedLayer(m, layers, role, k.Line(), sourceKey, fields, dto);
                        break;
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

    /// <summary>The source key an entry names (or a slip of it, as <c>postgsi:</c>), or null for an entry of package files.</summary>
    private static string? SourceKey(YamlMap entry, IReadOnlyList<string> sourceKeys) =>
        sourceKeys.FirstOrDefault(key => entry.Node.Children.ContainsKey(new YamlScalarNode(key))) ?? sourceKeys.FirstOrDefault(entry.Has);

    /// <summary>
    /// An entry a source claims by its key: <c>layer</c>, <c>fields</c> and <c>encoding</c> mean what they mean for
    /// files; every other key is an option the source judges itself (PostGIS's <c>filter:</c>, and a <c>where:</c>
    /// it names as no SQL). A key within a slip of the entry's own keys is not an option: it gets "did you mean".
    /// </summary>
    private static void ReadKeyedLayer(YamlMappingNode m, YamlMap layers, string role, int line, string sourceKey, Dictionary<string, string> fields, PlanDto dto)
    {
        // No file: here, or a filter: would be read as a slip of it.
        string[] known = [.. LayerKeys.Where(key => key != "file"), sourceKey];
        var entry = new YamlMap(m, layers.File, $"layers.{role}", layers.Diagnostics) { Known = known };
        var value = entry.String(sourceKey);
        var layer = entry.String("layer");
        var encoding = entry.String("encoding");
        entry.Get("fields");
        var options = new Dictionary<string, LayerOption>(StringComparer.Ordinal);
        foreach (var (k, v) in m.Children)
        {
            if (k.Scalar() is not { } name || known.Contains(name) || Suggestions.Nearest(name, known) is not null) continue;
            entry.Get(name);
            options[name] = Option(v);
        }

        dto.Layers.Add(new LayerEntryDto(role, value, layer, fields, line, encoding, sourceKey, options));
        entry.ReportUnknownKeys(asError: true);
    }

    private static LayerOption Option(YamlNode node) => node switch
    {
        YamlScalarNode scalar => new LayerOption(scalar.Value, null, node.Line()),
        YamlMappingNode mapping => new LayerOption(null,
            mapping.Children.GroupBy(c => c.Key.Scalar() ?? "").ToDictionary(g => g.Key, g => Option(g.First().Value), StringComparer.Ordinal), node.Line()),
        _ => new LayerOption(null, null, node.Line()),
    };

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

    private static FlowDto ReadFlow(YamlMap flow)
    {
        var map = flow.Knowing(FlowKeys);
        QuantityDto? Amount(string key) => map.Get(key) is { } node ? ReadQuantity(key, node, map) : null;
        var targets = new List<QuantityDto>();
        if (map.Map("target") is { } target)
        {
            foreach (var (k, v) in target.Node.Children) targets.Add(ReadQuantity(k.Scalar() ?? "", v, target));
        }

        var dto = new FlowDto
        {
            Line = map.Line,
            Lines = FlowKeys.Where(map.Has).ToDictionary(k => k, map.LineOf, StringComparer.Ordinal),
            Id = map.String("id"),
            Kind = map.String("kind"),
            Direction = map.String("direction"),
            Counterpart = map.String("counterpart"),
            Amount = Amount("amount"),
            Paddy = Amount("paddy"),
            Capacity = Amount("capacity"),
            Grade = map.String("grade"),
            Indicator = map.String("indicator"),
            Targets = targets,
            Document = map.String("document"),
            ApprovedBy = map.String("approved_by"),
            Year = map.String("year"),
            Expires = map.String("expires"),
        };
        map.Get("note");
        map.ReportUnknownKeys(asError: true);
        return dto;
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
