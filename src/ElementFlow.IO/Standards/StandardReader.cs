using System.Text.RegularExpressions;
using ElementFlow.Core.Diagnostics;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Standards;
using ElementFlow.Core.Text;
using ElementFlow.Sources;
using ElementFlow.Yaml;
using YamlDotNet.RepresentationModel;

namespace ElementFlow.IO.Standards;

/// <summary>
/// Reads a database standard file and the ones it <c>extends</c>. As a rule profile overrides a rule key by key
/// (<c>ProfileMerger</c>), a standard that extends another names only what it changes: a layer or field it
/// writes has its keys laid over the base's one by one, <c>remove: true</c> takes a layer or field away, and a
/// new name adds one. Every problem is a diagnostic with the file and line that caused it.
/// </summary>
public static class StandardReader
{
    private static readonly string[] Keys = ["standard", "version", "title", "basis", "extends", "bsm", "common-fields", "layers"];
    private static readonly string[] LayerKeys = ["zh", "en", "role", "geometry", "ysdm", "required", "inferred", "fields", "common-fields", "remove"];
    private static readonly string[] FieldKeys = ["zh", "en", "type", "length", "required", "codes", "remove"];
    private static readonly string[] InferredParts = ["ysdm", "fields", "codes", "bsm"];
    private const int MaxDepth = 8;

    private static readonly Dictionary<string, FieldType> Types = new(StringComparer.Ordinal)
    {
        ["text"] = FieldType.Text, ["integer"] = FieldType.Integer, ["double"] = FieldType.Double, ["date"] = FieldType.Date,
    };

    /// <summary>Reads a standard by reference (a built-in name or a file <paramref name="resolve"/> finds).</summary>
    /// <param name="resolve">Gives the text of a reference and the file name messages show, or null when there is none.</param>
    /// <param name="fromFile">The file that names the standard (plan.yaml), for the message when it cannot be found.</param>
    public static DatabaseStandard? Load(string reference, Func<string, (string Text, string File)?> resolve, List<Diagnostic> diagnostics, string fromFile, int fromLine)
    {
        var chain = new List<StandardFile>();
        var (current, file, line) = (reference, fromFile, fromLine);
        var before = diagnostics.Count;
        while (true)
        {
            if (resolve(current) is not { } found)
            {
                diagnostics.Add(Diagnostic.Error("standard.not-found", file, line, null,
                    ("standard", current), ("known", string.Join(", ", StandardSources.BuiltIn))));
                return null;
            }

            if (chain.Any(c => c.File == found.File) || chain.Count >= MaxDepth)
            {
                diagnostics.Add(Diagnostic.Error("standard.extends-cycle", file, line, null, ("standard", current)));
                return null;
            }

            var parsed = Parse(found.Text, found.File, diagnostics);
            if (parsed is null) return null;
            chain.Add(parsed);
            if (parsed.Extends is null) break;
            (current, file, line) = (parsed.Extends, parsed.File, parsed.ExtendsLine);
        }

        chain.Reverse();
        var standard = Build(chain, diagnostics);
        return diagnostics.Skip(before).Any(d => d.Severity == Core.Findings.Severity.Error) ? null : standard;
    }

    private sealed record StandardFile(string File, YamlMap Root, string? Id, string? Extends, int ExtendsLine)
    {
        public List<(string Name, YamlMap Map)> Common { get; } = [];
        public List<(string Name, YamlMap Map, List<(string Name, YamlMap Map)> Fields)> Layers { get; } = [];
    }

    private static StandardFile? Parse(string text, string file, List<Diagnostic> diagnostics)
    {
        var (root, error) = YamlText.ParseMapping(text, file);
        if (error is not null)
        {
            diagnostics.Add(error);
            return null;
        }

        var map = new YamlMap(root!, file, "", diagnostics) { Known = Keys };
        var parsed = new StandardFile(file, map, map.String("standard"), map.String("extends"), map.LineOf("extends"));
        if (string.IsNullOrWhiteSpace(parsed.Id)) diagnostics.Add(Diagnostic.Error("plan.field-required", file, map.Line, null, ("field", "standard")));
        if (map.Map("common-fields") is { } common) parsed.Common.AddRange(Fields(common));
        if (map.Map("layers") is { } layers)
        {
            foreach (var (key, value) in layers.Node.Children)
            {
                var name = key.Scalar() ?? "";
                if (value is not YamlMappingNode m)
                {
                    layers.WrongShape(value, name, "a mapping (zh, role, geometry, ysdm, fields, ...)");
                    continue;
                }

                var layer = new YamlMap(m, file, $"layers.{name}", diagnostics) { Known = LayerKeys };
                if (!Regex.IsMatch(name, "^[A-Za-z][A-Za-z0-9_]*$")) Invalid(layers, name, name, "一个表名（字母、数字、下划线）", "a table name (letters, digits, underscores)", key.Line());
                layer.ReportUnknownKeys(asError: true);
                parsed.Layers.Add((name, layer, layer.Map("fields") is { } f ? Fields(f) : []));
            }
        }

        map.Get("title");
        map.Get("version");
        map.Get("basis");
        map.Get("bsm");
        map.ReportUnknownKeys(asError: true);
        return parsed;
    }

    private static List<(string, YamlMap)> Fields(YamlMap fields)
    {
        var result = new List<(string, YamlMap)>();
        foreach (var (key, value) in fields.Node.Children)
        {
            var name = key.Scalar() ?? "";
            if (value is not YamlMappingNode m)
            {
                fields.WrongShape(value, name, "a mapping (zh, type, length, required, codes)");
                continue;
            }

            var field = new YamlMap(m, fields.File, fields.FieldPath(name), fields.Diagnostics) { Known = FieldKeys };
            field.ReportUnknownKeys(asError: true);
            result.Add((name, field));
        }

        return result;
    }

    /// <summary>Lays each file over the one it extends and builds the standard from the result.</summary>
    private static DatabaseStandard Build(List<StandardFile> chain, List<Diagnostic> diagnostics)
    {
        var top = chain[^1];
        var common = new Dictionary<string, List<YamlMap>>(StringComparer.Ordinal);
        var commonOrder = new List<string>();
        var layers = new Dictionary<string, (List<YamlMap> Maps, Dictionary<string, List<YamlMap>> Fields, List<string> Order)>(StringComparer.Ordinal);
        var layerOrder = new List<string>();
        YamlMap? bsm = null;
        TextDto? title = null;
        string? version = null;
        foreach (var file in chain)
        {
            title = file.Root.Text("title") ?? title;
            version = file.Root.String("version") ?? version;
            bsm = file.Root.Map("bsm") ?? bsm;
            foreach (var (name, map) in file.Common) Stack(common, commonOrder, name, map);
            foreach (var (name, map, fields) in file.Layers)
            {
                if (map.Bool("remove") == true)
                {
                    layers.Remove(name);
                    layerOrder.Remove(name);
                    continue;
                }

                if (!layers.TryGetValue(name, out var entry))
                {
                    entry = ([], new Dictionary<string, List<YamlMap>>(StringComparer.Ordinal), []);
                    layers[name] = entry;
                    layerOrder.Add(name);
                }

                entry.Maps.Add(map);
                foreach (var (fieldName, fieldMap) in fields) Stack(entry.Fields, entry.Order, fieldName, fieldMap);
            }
        }

        var built = new List<StandardLayer>();
        foreach (var name in layerOrder)
        {
            var (maps, fields, order) = layers[name];
            built.Add(BuildLayer(name, maps, common, commonOrder, fields, order, diagnostics));
        }

        string? pattern = null;
        if (bsm?.String("pattern") is { } p)
        {
            try
            {
                _ = new Regex(p, RegexOptions.None, TimeSpan.FromSeconds(1));
                pattern = p;
            }
            catch (ArgumentException e)
            {
                Invalid(bsm, "pattern", p, "不是有效的正则表达式：" + e.Message, "not a valid regular expression: " + e.Message);
            }
        }

        bsm?.Get("inferred");
        bsm?.ReportUnknownKeys(asError: true, ["pattern", "inferred"]);
        return new DatabaseStandard(top.Id ?? "", version ?? "", title?.ToText() ?? LocalizedText.Same(top.Id ?? ""), top.File, built, pattern);
    }

    private static void Stack(Dictionary<string, List<YamlMap>> stacks, List<string> order, string name, YamlMap map)
    {
        if (map.Bool("remove") == true)
        {
            stacks.Remove(name);
            order.Remove(name);
            return;
        }

        if (!stacks.TryGetValue(name, out var list))
        {
            stacks[name] = list = [];
            order.Add(name);
        }

        list.Add(map);
    }

    private static StandardLayer BuildLayer(string name, List<YamlMap> maps, Dictionary<string, List<YamlMap>> common, List<string> commonOrder,
        Dictionary<string, List<YamlMap>> own, List<string> ownOrder, List<Diagnostic> diagnostics)
    {
        YamlMap? Last(string key) => maps.LastOrDefault(m => m.Has(key));
        var roleMap = Last("role");
        var roleName = roleMap?.String("role");
        var role = roleName is null ? null : LayerRole.Find(roleName);
        if (roleName is not null && role is null)
        {
            Invalid(roleMap!, "role", roleName, "不是已知图层角色（" + string.Join("、", LayerRole.All.Select(r => r.Name)) + "）",
                "not a known layer role (" + string.Join(", ", LayerRole.All.Select(r => r.Name)) + ")");
        }

        var geometry = GeometryKinds.Polygon;
        if (Last("geometry") is { } gm && gm.String("geometry") is { } g)
        {
            geometry = g switch { "polygon" => GeometryKinds.Polygon, "line" => GeometryKinds.Line, "point" => GeometryKinds.Point, _ => GeometryKinds.None };
            if (geometry == GeometryKinds.None) Invalid(gm, "geometry", g, "应为 polygon、line 或 point", "must be polygon, line or point");
        }

        var ysdmMap = Last("ysdm");
        var ysdm = ysdmMap?.String("ysdm");
        if (ysdm is not null && !Regex.IsMatch(ysdm, "^[0-9]{10}$")) Invalid(ysdmMap!, "ysdm", ysdm, "要素代码应为10位数字", "a feature code is 10 digits");

        var inferredMap = Last("inferred");
        var inferred = inferredMap?.Strings("inferred") ?? [];
        foreach (var part in inferred.Where(p => !InferredParts.Contains(p)))
        {
            Invalid(inferredMap!, "inferred", part, "可选：" + string.Join("、", InferredParts), "use: " + string.Join(", ", InferredParts));
        }

        var withCommon = Last("common-fields")?.Bool("common-fields") ?? true;
        var fields = new List<StandardField>();
        foreach (var fieldName in (withCommon ? commonOrder : []).Concat(ownOrder).Distinct(StringComparer.Ordinal))
        {
            var stack = (withCommon ? common.GetValueOrDefault(fieldName) ?? [] : []).Concat(own.GetValueOrDefault(fieldName) ?? []).ToList();
            if (stack.Count > 0) fields.Add(BuildField(fieldName, stack, role));
        }

        var last = maps[^1];
        var title = Last("zh")?.String("zh") ?? name;
        return new StandardLayer(name, new LocalizedText(title, Last("en")?.String("en") ?? title), role?.Name, geometry, ysdm,
            Last("required")?.Bool("required") ?? false, fields, inferred, last.File, last.Line);
    }

    private static StandardField BuildField(string name, List<YamlMap> maps, LayerRole? role)
    {
        YamlMap? Last(string key) => maps.LastOrDefault(m => m.Has(key));
        var type = FieldType.Text;
        var typeMap = Last("type");
        if (typeMap?.String("type") is { } t)
        {
            if (!Types.TryGetValue(t, out type))
            {
                Invalid(typeMap, "type", t, "应为 text、integer、double 或 date", "must be text, integer, double or date");
                type = FieldType.Text;
            }
        }
        else
        {
            var where = maps[^1];
            where.Diagnostics.Add(Diagnostic.Error("plan.field-required", where.File, where.Line, null, ("field", where.FieldPath("type"))));
        }

        int? length = null;
        if (Last("length") is { } lm && lm.Number("length") is { } l)
        {
            if (l < 1 || l != Math.Floor(l)) Invalid(lm, "length", lm.String("length") ?? "", "应为正整数", "must be a positive whole number");
            else length = (int)l;
        }

        var codes = Last("codes")?.Strings("codes");
        var attribute = new FieldMapping(new Dictionary<string, string>(), role).Ours(name);
        var zh = Last("zh")?.String("zh") ?? name;
        var last = maps[^1];
        return new StandardField(name, attribute, new LocalizedText(zh, Last("en")?.String("en") ?? name), type, length,
            Last("required")?.Bool("required") ?? false, codes, last.File, last.Line);
    }

    private static void Invalid(YamlMap map, string key, string value, string zh, string en, int? line = null) =>
        map.Diagnostics.Add(Diagnostic.Error("plan.field-invalid", map.File, line ?? map.LineOf(key), null,
            ("field", map.FieldPath(key)), ("value", value), ("detail", new LocalizedText(zh, en))));
}
