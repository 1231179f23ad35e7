using System.Globalization;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Model;
using YamlDotNet.RepresentationModel;
using ElementFlow.Yaml;

namespace ElementFlow.Rules.Yaml;

/// <summary>The equity check kinds: coverage, distribution, per-capita and shoreline (docs/rule-authoring.md).</summary>
public sealed partial class CheckFactory
{
    // Properties, not fields: the main part's static table reads them, and static fields of two partial files initialise in no defined order.
    private static string[] CoverageParameters => [.. CoverageKeys, "min-share", "measure", "declared", "max-difference", "relative"];
    private static string[] DistributionParameters => [.. CoverageKeys, "units", "of", "floor", "max-gap", "measure"];
    private static string[] PerCapitaParameters => ["numerator", "denominator", "population", "min", "max", "measure", "declared", "max-difference", "relative"];
    private static string[] ShorelineParameters => ["water", "land", "public-codes", "within", "min-share", "measure"];
    private static string[] CoverageKeys => ["from", "population", "to", "distance-m", "per", "method", "snap-m"];

    private CoverageCheck? Coverage(YamlMap map, SourceLocation source)
    {
        var spec = CoverageSpecOf(map);
        var minShare = Share(map, "min-share");
        var declared = Declared(map);
        if (minShare is null && declared is null) Add("rules.field-required", map.Line, ("field", "min-share or declared"));
        if (minShare is not null && declared is not null) Add("rules.field-invalid", KeyLine(map, "declared"), ("field", "declared"), ("detail", "a check compares with min-share or with a declared indicator, not both"));
        return spec is null ? null : new CoverageCheck(spec, minShare, map.String("measure"), declared) { Source = source };
    }

    private DistributionCheck? Distribution(YamlMap map, SourceLocation source)
    {
        var units = map.Has("units") ? Selector(map, "units", required: true) : LayerSelector.Whole(LayerRole.Subdistricts.Name);
        var ofText = map.String("of") ?? "coverage";
        var floor = NonNegative(map, "floor");
        var gap = NonNegative(map, "max-gap");
        if (floor is null && gap is null) Add("rules.field-required", map.Line, ("field", "floor or max-gap"));
        var measure = map.String("measure");
        switch (ofText)
        {
            case "coverage":
                var spec = CoverageSpecOf(map);
                return spec is null || units is null ? null
                    : new DistributionCheck(units, DistributionMeasure.Coverage, spec, null, floor, gap, measure) { Source = source };
            case "count":
                foreach (var key in new[] { "from", "population", "distance-m", "per", "method", "snap-m" }.Where(map.Has))
                {
                    Add("rules.field-invalid", KeyLine(map, key), ("field", key), ("detail", "a count distribution counts targets inside each unit; it has no residents or distance"));
                }

                var counted = Target(map, "to");
                return counted is null || units is null ? null
                    : new DistributionCheck(units, DistributionMeasure.Count, null, counted, floor, gap, measure) { Source = source };
            default:
                Add("rules.field-invalid", KeyLine(map, "of"), ("field", "of"), ("detail", "use coverage or count"));
                return null;
        }
    }

    private PerCapitaCheck? PerCapita(YamlMap map, SourceLocation source)
    {
        var numerator = Selector(map, "numerator", required: true);
        LayerSelector? residents = LayerSelector.Whole(LayerRole.Residential.Name);
        string? indicator = null;
        if (map.Get("denominator") is YamlMappingNode m && m.Children.ContainsKey(new YamlScalarNode("indicator")))
        {
            var inner = new YamlMap(m, map.File, map.FieldPath("denominator"), map.Diagnostics);
            indicator = inner.String("indicator") ?? "";
            inner.ReportUnknownKeys(asError: true, ["indicator"]);
            if (!CheckIndicator(indicator, "denominator", m.Line())) return null;
            residents = null;
        }
        else if (map.Has("denominator"))
        {
            residents = Selector(map, "denominator", required: true);
        }

        var min = map.Number("min");
        var max = map.Number("max");
        var declared = Declared(map);
        if (min is null && max is null && declared is null) Add("rules.field-required", map.Line, ("field", "min, max or declared"));
        if ((min is not null || max is not null) && declared is not null) Add("rules.field-invalid", KeyLine(map, "declared"), ("field", "declared"), ("detail", "a check compares with min/max or with a declared indicator, not both"));
        var population = map.String("population") ?? "population";
        return numerator is null || (residents is null && indicator is null) ? null
            : new PerCapitaCheck(numerator, residents, population, indicator, min, max, map.String("measure") ?? "area_m2_per_person", declared) { Source = source };
    }

    private ShorelineCheck? Shoreline(YamlMap map, SourceLocation source)
    {
        var water = Selector(map, "water", required: true);
        var land = map.Has("land") ? Selector(map, "land", required: true) : water is null ? null : LayerSelector.Whole(water.Role);
        var within = Selector(map, "within", required: false);
        var publicCodes = map.Strings("public-codes");
        if (publicCodes is null) Add("rules.field-required", map.Line, ("field", "public-codes"));
        var minShare = Share(map, "min-share");
        if (minShare is null) Add("rules.field-required", map.Line, ("field", "min-share"));
        return water is null || land is null || publicCodes is null || minShare is null ? null
            : new ShorelineCheck(water, land, publicCodes, within, minShare.Value, map.String("measure") ?? "public_shoreline_share") { Source = source };
    }

    private CoverageSpec? CoverageSpecOf(YamlMap map)
    {
        var from = map.Has("from") ? Selector(map, "from", required: true) : LayerSelector.Whole(LayerRole.Residential.Name);
        var to = Target(map, "to");
        var distance = NonNegative(map, "distance-m");
        if (distance is null) Add("rules.field-required", map.Line, ("field", "distance-m"));

        var per = CoveragePer.Kind;
        switch (map.String("per"))
        {
            case null or "kind": break;
            case "all": per = CoveragePer.All; break;
            default: Add("rules.field-invalid", KeyLine(map, "per"), ("field", "per"), ("detail", "use kind (each group on its own) or all (every group within reach)")); break;
        }

        var method = DistanceMethod.Auto;
        switch (map.String("method"))
        {
            case null or "auto": break;
            case "straight-line": method = DistanceMethod.StraightLine; break;
            default: Add("rules.field-invalid", KeyLine(map, "method"), ("field", "method"), ("detail", "use auto (network over roads where the plan has them) or straight-line")); break;
        }

        var snap = NonNegative(map, "snap-m") ?? CoverageSpec.DefaultSnapM;
        var population = map.String("population") ?? "population";
        return from is null || to is null || distance is null ? null
            : new CoverageSpec(from, population, to, distance.Value, per, method, snap);
    }

    /// <summary>
    /// A target: a layer role, or a selector mapping that may also carry <c>kinds</c> (groups of
    /// codes, any member of a group serving) and <c>min-area-m2</c> (a shorthand for a where on the area).
    /// </summary>
    private CoverageTarget? Target(YamlMap map, string key)
    {
        var node = map.Get(key);
        if (node is null)
        {
            Add("rules.field-required", map.Line, ("field", key));
            return null;
        }

        if (node is not YamlMappingNode m) return SelectorFrom(node, map, key) is { } whole ? new CoverageTarget(whole, []) : null;

        var inner = new YamlMap(m, map.File, map.FieldPath(key), map.Diagnostics);
        var groups = new List<IReadOnlyList<string>>();
        if (inner.Get("kinds") is { } kinds)
        {
            if (inner.Has("codes")) Add("rules.field-invalid", m.Line(), ("field", $"{key}.kinds"), ("detail", "give codes (one group) or kinds (several groups), not both"));
            if (kinds is YamlSequenceNode seq)
            {
                foreach (var item in seq.Children)
                {
                    if (inner.AsStrings(item, inner.FieldPath("kinds")) is { Count: > 0 } group) groups.Add(group);
                }
            }
            else
            {
                inner.WrongShape(kinds, "kinds", "a list whose items are a code or a list of codes");
            }
        }

        var minArea = NonNegative(inner, "min-area-m2");

        // The rest is an ordinary selector.
        var rest = new YamlMappingNode();
        foreach (var (k, v) in m.Children.Where(c => c.Key.Scalar() is not ("kinds" or "min-area-m2"))) rest.Add(k, v);
        if (SelectorFrom(rest, map, key) is not { } selector) return null;
        if (groups.Count > 0) selector = selector with { Codes = groups.SelectMany(g => g).Distinct(StringComparer.Ordinal).ToList() };
        if (minArea is { } area)
        {
            var byArea = $"feature.Area >= {area.ToString(CultureInfo.InvariantCulture)}";
            selector = selector with { Where = selector.Where is null ? byArea : $"({selector.Where}) && {byArea}" };
        }

        return new CoverageTarget(selector, groups);
    }

    private DeclaredComparison? Declared(YamlMap map)
    {
        var indicator = map.String("declared");
        var difference = NonNegative(map, "max-difference");
        var relative = map.Bool("relative") ?? false;
        if (indicator is null)
        {
            if (difference is not null || map.Has("relative")) Add("rules.field-required", KeyLine(map, "max-difference"), ("field", "declared"));
            return null;
        }

        if (!CheckIndicator(indicator, "declared", KeyLine(map, "declared"))) return null;
        if (difference is null) Add("rules.field-required", map.Line, ("field", "max-difference"));
        return new DeclaredComparison(indicator, difference ?? 0, relative);
    }

    private double? Share(YamlMap map, string key)
    {
        var value = map.Number(key);
        if (value is < 0 or > 1) Add("rules.field-invalid", KeyLine(map, key), ("field", key), ("detail", "a share lies between 0 and 1"));
        return value;
    }
}
