using System.Globalization;
using System.Text.RegularExpressions;
using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Standards;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// A plan's layers against the database standard its plan.yaml names: one observation per departure, grouped by
/// layer, field and value so that a systematic slip (every feature without YSDM) is one finding naming its
/// features, not thousands. Not applicable to a plan that names no standard.
/// </summary>
public sealed class StandardMeasurement(StandardAspect aspect) : Measurement
{
    /// <summary>How many feature ids a message shows before "…".</summary>
    private const int IdsShown = 5;

    public override string Key => $"standard:{aspect.ToString().ToLowerInvariant()}";
    public override IReadOnlyList<LayerInput> Inputs => [];

    public override MeasureResult Run(PlanScope scope)
    {
        if (scope.Plan.Standard is not { } standard) return MeasureResult.Missing("the plan names no database standard (standard: in plan.yaml)");
        var facts = new List<object>();
        var layers = scope.Plan.Layers.Values
            .Where(l => !scope.Plan.BrokenLayers.Contains(l.Role.Name))
            .OrderBy(l => l.Role.Name, StringComparer.Ordinal)
            .Select(l => (Layer: l, Standard: standard.LayerFor(l)))
            .Where(x => x.Standard is not null)
            .Select(x => (x.Layer, Standard: x.Standard!))
            .ToList();
        void Add(string category, StandardLayer layer, string? field, string expected, string found, IReadOnlyList<Subject> subjects, LocalizedText problem, (string File, int Line) where) =>
            facts.Add(new Observation
            {
                Key = Key,
                Plan = scope.PlanFact,
                Value = Math.Max(1, Count(scope.Plan, subjects)),
                Category = category,
                Subjects = subjects,
                Arguments = new Dictionary<string, object?>
                {
                    ["layer"] = layer.Name, ["field"] = field ?? "", ["expected"] = expected, ["found"] = found,
                    ["count"] = Count(scope.Plan, subjects), ["problem"] = problem,
                    ["ids"] = Ids(subjects), ["standard"] = $"{standard.Id} ({where.File}:{where.Line})",
                },
            });

        switch (aspect)
        {
            case StandardAspect.Layers:
                foreach (var missing in standard.Layers.Where(l => l.Required && l.Role is { } role && !scope.Plan.Layers.ContainsKey(role) && !scope.Plan.BrokenLayers.Contains(role)))
                {
                    Add("missing-layer", missing, null, missing.Name, "", [new Subject(missing.Role!, Subject.WholeLayer)],
                        new("图层缺失", "the layer is missing"), (missing.File, missing.Line));
                }

                break;
            case StandardAspect.Ysdm:
                foreach (var (layer, std) in layers.Where(x => x.Standard.Ysdm is not null))
                {
                    var attribute = std.Fields.FirstOrDefault(f => f.Name == "YSDM")?.Attribute ?? "YSDM";
                    foreach (var group in layer.Features.Where(f => f.Has(attribute) && f.Text(attribute) != std.Ysdm).GroupBy(f => f.Text(attribute)!).OrderBy(g => g.Key, StringComparer.Ordinal))
                    {
                        Add("wrong-ysdm", std, "YSDM", std.Ysdm!, group.Key, Subjects(layer, group), new("要素代码不符", "wrong feature code"), (std.File, std.Line));
                    }
                }

                break;
            case StandardAspect.Bsm:
                Bsm(standard, layers, Add);
                break;
            case StandardAspect.Fields:
                foreach (var (layer, std) in layers)
                {
                    foreach (var field in std.Fields) Fields(layer, std, field, Add);
                }

                break;
            case StandardAspect.Codes:
                foreach (var (layer, std) in layers)
                {
                    foreach (var field in std.Fields.Where(f => f.Codes is not null && f.Attribute != layer.Role.ClassifyingAttribute))
                    {
                        var codes = field.Codes!.ToHashSet(StringComparer.Ordinal);
                        foreach (var group in layer.Features.Where(f => f.Has(field.Attribute) && !codes.Contains(f.Text(field.Attribute)!.Trim()))
                                     .GroupBy(f => f.Text(field.Attribute)!).OrderBy(g => g.Key, StringComparer.Ordinal))
                        {
                            Add("unknown-code", std, field.Name, string.Join("、", field.Codes!.Take(8)) + (field.Codes!.Count > 8 ? "…" : ""), group.Key,
                                Subjects(layer, group), new("值不在代码表中", "value not in the code list"), (field.File, field.Line));
                        }
                    }
                }

                break;
        }

        return new MeasureResult(facts);
    }

    private delegate void Adder(string category, StandardLayer layer, string? field, string expected, string found, IReadOnlyList<Subject> subjects, LocalizedText problem, (string File, int Line) where);

    /// <summary>BSM well formed (the standard's pattern) and unique across the database; duplicates within one layer are DATA-004's.</summary>
    private static void Bsm(DatabaseStandard standard, List<(Layer Layer, StandardLayer Standard)> layers, Adder add)
    {
        var pattern = standard.BsmPattern is { } p ? new Regex(p, RegexOptions.None, TimeSpan.FromSeconds(1)) : null;
        var seen = new Dictionary<string, (Layer Layer, StandardLayer Standard, Feature Feature)>(StringComparer.Ordinal);
        foreach (var (layer, std) in layers)
        {
            if (std.Fields.FirstOrDefault(f => f.Name == "BSM") is not { } field || !Present(layer, field)) continue;
            var bad = layer.Features.Where(f => f.Has(field.Attribute) && pattern is not null && !pattern.IsMatch(f.Text(field.Attribute)!)).ToList();
            if (bad.Count > 0)
            {
                add("malformed-bsm", std, "BSM", standard.BsmPattern!, bad[0].Text(field.Attribute)!, Subjects(layer, bad),
                    new("标识码格式不符", "malformed identifier"), (field.File, field.Line));
            }

            foreach (var feature in layer.Features.Where(f => f.Has(field.Attribute)))
            {
                var bsm = feature.Text(field.Attribute)!;
                if (!seen.TryGetValue(bsm, out var first))
                {
                    seen[bsm] = (layer, std, feature);
                }
                else if (first.Layer != layer)
                {
                    add("duplicate-bsm", std, "BSM", "unique", bsm,
                        [new Subject(first.Layer.Role.Name, first.Feature.Id), new Subject(layer.Role.Name, feature.Id)],
                        new($"标识码与图层 {first.Standard.Name} 的要素重复，应全库唯一", $"identifier also used in layer {first.Standard.Name}; it must be unique in the database"), (field.File, field.Line));
                }
            }
        }
    }

    private static void Fields(Layer layer, StandardLayer std, StandardField field, Adder add)
    {
        if (layer.Features.Count == 0) return;
        var where = (field.File, field.Line);
        if (!Present(layer, field))
        {
            if (!field.Required) return;
            // A field under another spelling (bsm, a shapefile's cut name) is named, so the fix is a rename.
            var near = (layer.SourceFields.Count > 0 ? layer.SourceFields : layer.Features[0].Attributes.Keys).FirstOrDefault(k => string.Equals(k, field.Name, StringComparison.OrdinalIgnoreCase)
                || (field.Name.Length > 10 && string.Equals(k, field.Name[..10], StringComparison.OrdinalIgnoreCase)));
            add("missing-field", std, field.Name, Describe(field), near ?? "", [new Subject(layer.Role.Name, Subject.WholeLayer)],
                near is null ? new("字段缺失", "the field is missing") : new($"字段缺失（有 {near}，请改名为 {field.Name}）", $"the field is missing ({near} is there: rename it to {field.Name})"), where);
            return;
        }

        if (field.Required && layer.Features.Where(f => !f.Has(field.Attribute)).ToList() is { Count: > 0 } empty)
        {
            add("empty-field", std, field.Name, Describe(field), "", Subjects(layer, empty), new("必填字段为空", "a required field is empty"), where);
        }

        if (layer.Features.Where(f => f.Has(field.Attribute) && !OfType(f.Attributes[field.Attribute]!, field.Type)).ToList() is { Count: > 0 } wrong)
        {
            var value = wrong[0].Attributes[field.Attribute]!;
            var found = $"{TypeName(value)} {Convert.ToString(value, CultureInfo.InvariantCulture)}";
            add("wrong-type", std, field.Name, Describe(field), found, Subjects(layer, wrong),
                new($"字段类型不符（如 {found}）", $"wrong field type (e.g. {found})"), where);
        }

        // A zone or kind written in Chinese was stored as our key (FieldMapping.NormaliseValue): its width is not the source's.
        if (field is { Type: FieldType.Text, Length: { } length } && field.Attribute != layer.Role.ClassifyingAttribute
            && layer.Features.Where(f => f.Attributes.GetValueOrDefault(field.Attribute) is string s && s.Length > length).ToList() is { Count: > 0 } overlong)
        {
            var longest = overlong.Max(f => ((string)f.Attributes[field.Attribute]!).Length);
            add("too-long", std, field.Name, Describe(field), longest.ToString(CultureInfo.InvariantCulture), Subjects(layer, overlong),
                new($"文本超长（最长 {longest} 字符）", $"text too long (up to {longest} characters)"), where);
        }
    }

    /// <summary>Whether the layer has the field: by the source's own field names where the source gave them (a GeoJSON <c>id</c> is no BSM).</summary>
    private static bool Present(Layer layer, StandardField field) =>
        layer.SourceFields.Count > 0 ? layer.SourceFields.Contains(field.Name) : layer.Features.Any(f => f.Attributes.ContainsKey(field.Attribute));

    private static bool OfType(object value, FieldType type) => type switch
    {
        FieldType.Text => value is string,
        FieldType.Integer => value is int or long or short || (value is double d && d == Math.Floor(d) && Math.Abs(d) < 9e15),
        FieldType.Double => value is double or float or int or long or short or decimal,
        _ => value is DateTime or DateTimeOffset or DateOnly
             || (value is string s && DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)),
    };

    private static string TypeName(object value) => value switch
    {
        string => "text",
        int or long or short => "integer",
        double or float or decimal => "number",
        DateTime or DateTimeOffset or DateOnly => "date",
        _ => value.GetType().Name,
    };

    private static string Describe(StandardField field) =>
        field.Type.ToString().ToLowerInvariant() + (field.Length is { } l ? $"({l})" : "") + (field.Required ? ", required" : "");

    private static List<Subject> Subjects(Layer layer, IEnumerable<Feature> features) =>
        features.Select(f => new Subject(layer.Role.Name, f.Id)).ToList();

    /// <summary>How many features a problem concerns: those named, or every feature of a layer named whole.</summary>
    private static int Count(Plan plan, IReadOnlyList<Subject> subjects) =>
        subjects.Sum(s => s.Id == Subject.WholeLayer ? plan.Layer(s.Layer)?.Features.Count ?? 0 : 1);

    private static object Ids(IReadOnlyList<Subject> subjects)
    {
        var ids = subjects.Where(s => s.Id != Subject.WholeLayer).Select(s => s.Id).ToList();
        if (ids.Count == 0) return new LocalizedText("（整个图层）", "(the whole layer)");
        return ids.Count <= IdsShown ? string.Join(", ", ids) : string.Join(", ", ids.Take(IdsShown)) + $", … (+{ids.Count - IdsShown})";
    }
}
