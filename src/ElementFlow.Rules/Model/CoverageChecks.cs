using System.Globalization;

namespace ElementFlow.Rules.Model;

/// <summary>How a coverage over several target groups counts a resident.</summary>
public enum CoveragePer
{
    /// <summary>Each group on its own: one share (and one observation) per group.</summary>
    Kind,

    /// <summary>All groups together: a resident counts only when every group is within reach (a bundle).</summary>
    All,
}

/// <summary>How a walking distance is measured.</summary>
public enum DistanceMethod
{
    /// <summary>Along the plan's <c>roads</c> layer where it has one, else by straight line.</summary>
    Auto,

    /// <summary>Always by straight line.</summary>
    StraightLine,
}

/// <summary>
/// What residents reach for: features of one layer in groups, where any member of a group serves
/// (a clinic or a health centre). With no groups the whole selection is one group.
/// </summary>
/// <param name="Layer">The selection (its codes are the union of the groups).</param>
/// <param name="Groups">Code groups; each code matches by prefix, as in selectors.</param>
public sealed record CoverageTarget(LayerSelector Layer, IReadOnlyList<IReadOnlyList<string>> Groups)
{
    /// <summary>One selector per group, so each group gets its own index (shared by every rule naming the same group).</summary>
    public IReadOnlyList<LayerSelector> GroupSelectors => Groups.Count == 0
        ? [Layer]
        : Groups.Select(g => Layer with { Codes = g }).ToList();

    /// <summary>A group's name in measure names and table columns: its codes joined by <c>_or_</c>.</summary>
    public static string Label(LayerSelector group) => group.Codes.Count == 0 ? group.Role : string.Join("_or_", group.Codes);

    public override string ToString() => Groups.Count == 0
        ? Layer.ToString()
        : $"{Layer.Role} groups {string.Join("; ", Groups.Select(g => string.Join(" or ", g)))}"
          + (Layer.ExceptCodes.Count > 0 ? $" except {string.Join(",", Layer.ExceptCodes)}" : "")
          + (Layer.Where is null ? "" : $" where {Layer.Where}");
}

/// <summary>A measured value compared with the plan's declared indicator instead of a threshold (数图一致 for equity figures).</summary>
/// <param name="Indicator">The indicator key; the check is not applicable when the plan does not declare it.</param>
/// <param name="MaxDifference">The largest allowed difference.</param>
/// <param name="Relative">True: |measured − declared| / measured; false: the absolute difference.</param>
public sealed record DeclaredComparison(string Indicator, double MaxDifference, bool Relative)
{
    public string MeasureName => Relative ? "relative_difference_ratio" : "absolute_difference";

    public IEnumerable<(string, string)> Parameters =>
    [
        ("declared", Indicator),
        ("max-difference", CoverageSpec.Fmt(MaxDifference)),
        ("relative", Relative ? "true" : "false"),
    ];
}

/// <summary>
/// The population-weighted share of residents within a walking distance of targets: the measurement
/// shared by <c>coverage</c> and <c>distribution</c> checks.
/// </summary>
/// <param name="From">The residents' layer (points, or polygons counted at their centroid).</param>
/// <param name="PopulationAttribute">The attribute holding each feature's residents.</param>
/// <param name="To">What they reach for.</param>
/// <param name="DistanceM">The walking distance in metres.</param>
/// <param name="Per">Each group on its own or all together.</param>
/// <param name="Method">Straight line, or the road network where the plan has one.</param>
/// <param name="SnapM">How far from a road a home or a target may lie and still join the network.</param>
public sealed record CoverageSpec(LayerSelector From, string PopulationAttribute, CoverageTarget To, double DistanceM, CoveragePer Per, DistanceMethod Method, double SnapM)
{
    public const double DefaultSnapM = 200;

    /// <summary>A stable text identifying the measurement, so equal coverages share one run.</summary>
    public string Key => $"{From.Key}:{PopulationAttribute}>{string.Join("+", To.GroupSelectors.Select(s => s.Key))}@{Fmt(DistanceM)}:{Per}:{Method}:{Fmt(SnapM)}";

    public IEnumerable<(string, string)> Parameters =>
    [
        ("from", From.ToString()), ("population", PopulationAttribute), ("to", To.ToString()),
        ("distance-m", Fmt(DistanceM)), ("per", Per == CoveragePer.Kind ? "kind" : "all"),
        ("method", Method == DistanceMethod.Auto ? "auto (network over roads where present)" : "straight-line"),
        ("snap-m", Fmt(SnapM)),
    ];

    internal static string Fmt(double d) => d.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Share of residents within a walking distance of facilities or open space (the life circle).</summary>
/// <param name="MinShare">The floor; null when the check compares with a declared indicator instead.</param>
/// <param name="Measure">The measure name; null: <c>&lt;group&gt;_share</c> per group, <c>coverage_share</c> for a bundle.</param>
public sealed record CoverageCheck(CoverageSpec Coverage, double? MinShare, string? Measure, DeclaredComparison? Declared) : CheckSpec
{
    public override string Kind => "coverage";
    public override string MeasureName => Declared?.MeasureName ?? Measure ?? (Coverage.Per == CoveragePer.Kind ? "<kind>_share" : "coverage_share");

    public override IReadOnlyList<string> Placeholders =>
    [
        "kind", "distance", "share", "straight_line_share", "network_share", "straight_line_note", "method", "population",
        "uncovered_population", "uncovered", "indicator", "declared", "measured",
    ];

    public override IEnumerable<(string, string)> Parameters => Coverage.Parameters
        .Concat(MinShare is { } m ? [("min-share", CoverageSpec.Fmt(m))] : [])
        .Concat(Measure is { } name ? [("measure", name)] : [])
        .Concat(Declared?.Parameters ?? []);
}

/// <summary>What a distribution compares across units.</summary>
public enum DistributionMeasure
{
    /// <summary>The coverage share of each unit's residents.</summary>
    Coverage,

    /// <summary>The number of target features inside each unit.</summary>
    Count,
}

/// <summary>
/// A measure per unit (subdistrict): each unit at least a floor, and the best and the worst no
/// further apart than a gap (no district left behind).
/// </summary>
/// <param name="Units">The units' layer; residents belong to the unit that contains their point.</param>
/// <param name="Of">Coverage share of each unit's residents, or a count of targets inside it.</param>
/// <param name="Coverage">For <see cref="DistributionMeasure.Coverage"/>.</param>
/// <param name="Counted">For <see cref="DistributionMeasure.Count"/>: what to count, in groups.</param>
public sealed record DistributionCheck(LayerSelector Units, DistributionMeasure Of, CoverageSpec? Coverage, CoverageTarget? Counted, double? Floor, double? MaxGap, string? Measure) : CheckSpec
{
    public override string Kind => "distribution";
    public override string MeasureName => Measure ?? (Of == DistributionMeasure.Count ? "<kind>_count" : Coverage!.Per == CoveragePer.Kind ? "<kind>_share" : "coverage_share");

    public override IReadOnlyList<string> Placeholders =>
    [
        "unit", "unit_name", "kind", "distance", "share", "straight_line_share", "network_share", "straight_line_note", "count", "population", "method",
        "best", "best_name", "best_value", "worst", "worst_name", "worst_value",
    ];

    /// <summary>The limit of an observation: the floor for a unit, the gap for the best–worst pair.</summary>
    public double? LimitFor(string? category) => category == "gap" ? MaxGap : Floor;

    public override IEnumerable<(string, string)> Parameters =>
        new[] { ("units", Units.ToString()), ("of", Of == DistributionMeasure.Count ? "count" : "coverage") }
            .Concat(Coverage?.Parameters ?? [])
            .Concat(Counted is { } c ? [("to", c.ToString())] : [])
            .Concat(Floor is { } f ? [("floor", CoverageSpec.Fmt(f))] : [])
            .Concat(MaxGap is { } g ? [("max-gap", CoverageSpec.Fmt(g))] : [])
            .Concat(Measure is { } m ? [("measure", m)] : []);
}

/// <summary>An area per resident: the area of a selection over the residents' population (or a declared indicator).</summary>
/// <param name="Numerator">The area (m²) of this selection.</param>
/// <param name="Residents">The residents' layer, whose population attribute is summed; null when <paramref name="PopulationIndicator"/> gives it.</param>
/// <param name="PopulationIndicator">A declared population indicator (e.g. <c>resident_population</c>) instead of the layer.</param>
public sealed record PerCapitaCheck(LayerSelector Numerator, LayerSelector? Residents, string PopulationAttribute, string? PopulationIndicator, double? Min, double? Max, string Measure, DeclaredComparison? Declared) : CheckSpec
{
    public override string Kind => "per-capita";
    public override string MeasureName => Declared?.MeasureName ?? Measure;
    public override IReadOnlyList<string> Placeholders => ["numerator_ha", "population", "per_capita", "indicator", "declared", "measured"];

    public override IEnumerable<(string, string)> Parameters =>
        new[]
        {
            ("numerator", Numerator.ToString()),
            ("denominator", PopulationIndicator is { } i ? $"indicator {i}" : $"{Residents} ({PopulationAttribute})"),
        }
            .Concat(Min is { } min ? [("min", CoverageSpec.Fmt(min))] : [])
            .Concat(Max is { } max ? [("max", CoverageSpec.Fmt(max))] : [])
            .Concat(Declared?.Parameters ?? []);
}

/// <summary>
/// The share of a shoreline bordered by public land: the edges water polygons share with the land
/// parcels beside them, both cut to <see cref="Within"/> (the shore of water inside it).
/// </summary>
/// <param name="Water">The water polygons (dissolved, so water beside water is no shore).</param>
/// <param name="Land">The parcels that border the water (water features of the same layer are left out).</param>
/// <param name="Public">The codes of public land among <paramref name="Land"/> (prefix match).</param>
/// <param name="Within">Only water and land inside this area count (e.g. the urban development boundary); null: all.</param>
public sealed record ShorelineCheck(LayerSelector Water, LayerSelector Land, IReadOnlyList<string> Public, LayerSelector? Within, double MinShare, string Measure) : CheckSpec
{
    public override string Kind => "shoreline";
    public override string MeasureName => Measure;
    public override IReadOnlyList<string> Placeholders => ["shore_m", "public_m", "private_m", "parcels"];

    public override IEnumerable<(string, string)> Parameters =>
    [
        ("water", Water.ToString()), ("land", Land.ToString()), ("public-codes", string.Join(", ", Public)),
        ("within", Within?.ToString() ?? "(everywhere)"), ("min-share", CoverageSpec.Fmt(MinShare)),
    ];
}
