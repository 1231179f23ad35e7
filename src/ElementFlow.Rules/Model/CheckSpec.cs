using ElementFlow.Core.Text;

namespace ElementFlow.Rules.Model;

/// <summary>
/// One measurement a rule makes and the threshold it holds it to. Each kind of DESIGN §3 is a sealed
/// record below; the engine maps each to a measurement and a decision.
/// </summary>
public abstract record CheckSpec
{
    /// <summary>The kind as written in YAML.</summary>
    public abstract string Kind { get; }

    /// <summary>The measure name findings of this check report (its unit in the suffix).</summary>
    public abstract string MeasureName { get; }

    /// <summary>A message for this check's findings instead of the rule's.</summary>
    public LocalizedText? Message { get; init; }

    /// <summary>Narrows where this check applies within the rule's own applies-to; null: wherever the rule applies.</summary>
    public AppliesTo? AppliesTo { get; init; }

    public required SourceLocation Source { get; init; }

    /// <summary>The effective parameter values, for <c>explain</c> and <c>rules list</c>.</summary>
    public abstract IEnumerable<(string Name, string Value)> Parameters { get; }

    /// <summary>The placeholders this kind adds to every finding's message.</summary>
    public abstract IReadOnlyList<string> Placeholders { get; }

    /// <summary>Placeholders every finding offers.</summary>
    public static IReadOnlyList<string> CommonPlaceholders { get; } = ["plan", "value", "limit", "layer", "id", "rule"];
}

public sealed record RequiredCheck(
    IReadOnlyDictionary<string, IReadOnlyList<string>> Layers,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Attributes,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Indicators) : CheckSpec
{
    public override string Kind => "required";
    public override string MeasureName => "missing_count";
    public override IReadOnlyList<string> Placeholders => ["item", "what", "count"];

    public override IEnumerable<(string, string)> Parameters =>
        Layers.Select(kv => ($"layers {kv.Key}", string.Join(", ", kv.Value)))
            .Concat(Attributes.Select(kv => ($"attributes {kv.Key}", string.Join(", ", kv.Value))))
            .Concat(Indicators.Select(kv => ($"indicators {kv.Key}", string.Join(", ", kv.Value))));
}

public sealed record ValidGeometryCheck(IReadOnlyList<string>? Layers) : CheckSpec
{
    public override string Kind => "valid-geometry";
    public override string MeasureName => "invalid_count";
    public override IReadOnlyList<string> Placeholders => ["problem"];
    public override IEnumerable<(string, string)> Parameters => [("layers", Layers is null ? "all" : string.Join(", ", Layers))];
}

public sealed record NoOverlapCheck(LayerSelector A, LayerSelector? B, double ToleranceM2) : CheckSpec
{
    public override string Kind => "no-overlap";
    public override string MeasureName => "overlap_area_m2";
    public override IReadOnlyList<string> Placeholders => ["a", "b", "a_code", "b_code"];

    public override IEnumerable<(string, string)> Parameters =>
        [("a", A.ToString()), ("b", B?.ToString() ?? "(a with itself)"), ("tolerance-m2", Fmt(ToleranceM2))];

    internal static string Fmt(double d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

/// <param name="B">The containers: a feature must lie inside their union.</param>
public sealed record WithinCheck(IReadOnlyList<LayerSelector>? A, IReadOnlyList<LayerSelector> B, double ToleranceM2, bool PerPart) : CheckSpec
{
    public override string Kind => "within";
    public override string MeasureName => "outside_area_m2";

    /// <summary><c>at</c>: a point inside the piece outside, so that two pieces of one feature read apart.</summary>
    public override IReadOnlyList<string> Placeholders => ["a", "a_code", "at"];

    public override IEnumerable<(string, string)> Parameters =>
    [
        ("a", A is null ? "all" : string.Join(", ", A)), ("b", string.Join(" or ", B)),
        ("tolerance-m2", NoOverlapCheck.Fmt(ToleranceM2)), ("per-part", PerPart ? "true" : "false"),
    ];
}

public sealed record AreaRatioCheck(AreaOperand Numerator, AreaOperand Denominator, double? Max, double? Min, string Measure) : CheckSpec
{
    public override string Kind => "area-ratio";
    public override string MeasureName => Measure;
    public override IReadOnlyList<string> Placeholders => ["numerator_ha", "denominator_ha"];

    public override IEnumerable<(string, string)> Parameters =>
        new[] { ("numerator", Numerator.ToString()), ("denominator", Denominator.ToString()) }
            .Concat(Max is { } max ? [("max", NoOverlapCheck.Fmt(max))] : [])
            .Concat(Min is { } min ? [("min", NoOverlapCheck.Fmt(min))] : []);
}

public sealed record IndicatorCheck(string Assert, string? Value, string Measure, IReadOnlyList<string> Keys) : CheckSpec
{
    public override string Kind => "indicator";
    public override string MeasureName => Measure;
    public override IReadOnlyList<string> Placeholders => Keys.Concat(Named.Keys).ToList();

    /// <summary>Named parameters (thresholds) the expressions use as bare identifiers.</summary>
    public IReadOnlyDictionary<string, object?> Named { get; init; } = new Dictionary<string, object?>();

    public override IEnumerable<(string, string)> Parameters =>
        new[] { ("assert", Assert) }.Concat(Value is null ? [] : [("value", Value)])
            .Concat(Named.Select(kv => (kv.Key.Replace('_', '-'), Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
}

/// <summary>What a planning zone permits: only the listed land-use code prefixes, or all but the listed ones.</summary>
public sealed record ZonePermission(IReadOnlyList<string> Allow, IReadOnlyList<string> Deny)
{
    public bool Permits(string? code) =>
        code is not null
        && (Allow.Count == 0 || Allow.Any(p => code.StartsWith(p, StringComparison.Ordinal)))
        && !Deny.Any(p => code.StartsWith(p, StringComparison.Ordinal));
}

/// <summary>The zone × land-use matrix (use-permitted): which uses each planning zone permits.</summary>
public sealed record UseMatrix(IReadOnlyDictionary<string, ZonePermission> Zones)
{
    /// <summary>A zone the matrix does not list permits everything.</summary>
    public bool Permits(string? zone, string? code) =>
        zone is null || !Zones.TryGetValue(zone, out var permission) || permission.Permits(code);
}

/// <summary>Land use permitted in its planning zone: each part of a parcel lying in a zone that does not permit its code.</summary>
public sealed record UsePermittedCheck(LayerSelector Uses, LayerSelector Zones, UseMatrix Matrix, double ToleranceM2) : CheckSpec
{
    public override string Kind => "use-permitted";
    public override string MeasureName => "area_in_zone_m2";
    public override IReadOnlyList<string> Placeholders => ["a", "b", "a_code", "b_code", "zone"];

    public override IEnumerable<(string, string)> Parameters =>
        new[] { ("uses", Uses.ToString()), ("zones", Zones.ToString()), ("tolerance-m2", NoOverlapCheck.Fmt(ToleranceM2)) }
            .Concat(Matrix.Zones.OrderBy(z => z.Key, StringComparer.Ordinal).Select(z => (
                $"matrix {z.Key}",
                (z.Value.Allow.Count > 0 ? "allow " + string.Join(",", z.Value.Allow) : "allow all")
                + (z.Value.Deny.Count > 0 ? "; deny " + string.Join(",", z.Value.Deny) : ""))));
}

/// <summary>Inside the plan's boundary, the plan's layer covers the parent's same layer (lines pass down unchanged).</summary>
public sealed record CoversCheck(string Layer, double ToleranceM2) : CheckSpec
{
    public override string Kind => "covers";
    public override string MeasureName => "dropped_area_m2";
    public override IReadOnlyList<string> Placeholders => ["parent", "parent_feature", "region"];

    public override IEnumerable<(string, string)> Parameters =>
        [("layer", Layer), ("tolerance-m2", NoOverlapCheck.Fmt(ToleranceM2))];
}

/// <summary>What a transmission check compares.</summary>
public enum TransmissionComparison
{
    /// <summary>The plan's own indicator against what its parent allocated to its region.</summary>
    Allocation,

    /// <summary>The sum of what the plan allocates to its children against its own target.</summary>
    Sum,
}

/// <summary>Binding indicators handed down between levels: floors kept, caps not passed, allocations that close.</summary>
/// <param name="Directions">Which indicators: floors (at least), caps (at most), or both.</param>
/// <param name="Indicators">Only these keys; null: every key the plans allocate.</param>
public sealed record TransmissionCheck(TransmissionComparison Compare, IReadOnlySet<Core.Planning.IndicatorDirection> Directions, IReadOnlyList<string>? Indicators) : CheckSpec
{
    /// <summary>
    /// Null: the allocation as written (a shortfall the plan's flows make up is reported waived, covered by them).
    /// A kind: the allocation moved by the plan's flows of that kind (+ in, − out), only where such flows bind; not applicable without them.
    /// </summary>
    public Core.Planning.FlowKind? Flows { get; init; }

    public override string Kind => "transmission";
    public override string MeasureName => "indicator_ha";
    public override IReadOnlyList<string> Placeholders => ["indicator", "parent", "region", "direction", "children", "allocated", "flows_in", "flows_out"];

    public override IEnumerable<(string, string)> Parameters =>
    [
        ("compare", Compare.ToString().ToLowerInvariant()),
        ("direction", string.Join(", ", Directions.Select(d => d.ToString().ToLowerInvariant()))),
        ("indicators", Indicators is null ? "all allocated" : string.Join(", ", Indicators)),
        ("flows", Flows is { } f ? Core.Planning.FlowKinds.Name(f) : "(allocation as written)"),
    ];
}

public sealed record ConsistencyCheck(IReadOnlyDictionary<string, string> Pairs, double RelativeTolerance) : CheckSpec
{
    public override string Kind => "consistency";
    public override string MeasureName => "relative_difference_ratio";
    public override IReadOnlyList<string> Placeholders => ["indicator", "declared_ha", "measured_ha"];

    public override IEnumerable<(string, string)> Parameters =>
        Pairs.Select(kv => ($"pair {kv.Key}", kv.Value)).Append(("relative-tolerance", NoOverlapCheck.Fmt(RelativeTolerance)));
}

/// <summary>The fact types an <c>expression</c> check can range over.</summary>
public enum FactSource
{
    Plan,
    Layer,
    Feature,
    Indicator,
    Issue,
    Approval,
    Flow,
}

public sealed record ExpressionCheck(
    FactSource Facts,
    IReadOnlyList<string>? Layers,
    string When,
    string? Value,
    string? Limit,
    string Measure,
    IReadOnlyDictionary<string, object?> Named) : CheckSpec
{
    /// <summary>A related plan the check needs (parent or children); without it the check is not applicable.</summary>
    public PlanRelation? Requires { get; init; }

    public override string Kind => "expression";
    public override string MeasureName => Measure;

    public override IReadOnlyList<string> Placeholders => Facts switch
    {
        FactSource.Plan => ["epsg", "crs", "level", "type", "region", "parent", "parent_region"],
        FactSource.Layer => ["count", "outside"],
        FactSource.Feature => ["code", "area", "ellipsoidal_area"],
        FactSource.Indicator => ["key", "unit"],
        FactSource.Issue => ["code", "detail"],
        FactSource.Approval => ["approval", "document", "approved_rule", "expires", "count"],
        FactSource.Flow => FlowPlaceholders,
        _ => [],
    };

    /// <summary>What a finding about a flow may say.</summary>
    public static IReadOnlyList<string> FlowPlaceholders { get; } =
        ["flow", "kind", "direction", "counterpart", "region", "amount", "unit", "document", "approved_by", "year", "expires", "counterpart_plan", "mirror", "mirror_amount"];

    /// <summary>The variable name expressions use for the fact: <c>feature</c>, <c>plan</c>, ...</summary>
    public string Variable => Facts.ToString().ToLowerInvariant();

    public override IEnumerable<(string, string)> Parameters =>
        new[] { ("facts", Variable), ("layers", Layers is null ? "all" : string.Join(", ", Layers)), ("when", When) }
            .Concat(Value is null ? [] : [("value", Value)])
            .Concat(Limit is null ? [] : [("limit", Limit)])
            .Concat(Named.Select(kv => (kv.Key.Replace('_', '-'), Convert.ToString(kv.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "")));
}
