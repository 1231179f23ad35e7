using ElementFlow.Core.Planning;

namespace ElementFlow.Rules.Facts;

/// <summary>One layer of a plan as rule expressions see it.</summary>
public sealed class LayerFact(PlanFact plan, Layer layer, int outsideZoneCount)
{
    public PlanFact Plan { get; } = plan;
    public string Role => Source.Role.Name;
    public int FeatureCount => Source.Features.Count;

    /// <summary>Features whose extent leaves the valid area of the plan's Gauss-Krüger zone (0 when the CRS is not one).</summary>
    public int OutsideZoneCount { get; } = outsideZoneCount;

    [Hidden]
    public Layer Source { get; } = layer;
}

/// <summary>A declared indicator, converted (areas in hectares, % as a fraction).</summary>
public sealed class IndicatorFact(PlanFact plan, Indicator indicator)
{
    public PlanFact Plan { get; } = plan;
    public string Key => Source.Key;
    public double Value => Source.Quantity.Canonical;
    public string Unit => Source.Quantity.Unit.Dimension == Core.Units.Dimension.Area ? "ha" : Source.Quantity.Unit.Key;

    [Hidden]
    public Indicator Source { get; } = indicator;
}

/// <summary>A problem the loader met in the data (missing or duplicate feature id).</summary>
public sealed class IssueFact(PlanFact plan, DataIssue issue)
{
    public PlanFact Plan { get; } = plan;
    public string Layer => Source.Layer;
    public string FeatureId => Source.FeatureId;
    public string Code => Source.Code;
    public string Detail => Source.Detail;

    [Hidden]
    public DataIssue Source { get; } = issue;
}

/// <summary>All declared indicators of a plan, for <c>indicator</c> checks (values converted as in <see cref="IndicatorFact"/>).</summary>
public sealed class IndicatorSet(PlanFact plan)
{
    public PlanFact Plan { get; } = plan;

    public bool Has(string key) => Plan.Source.Indicators.ContainsKey(key);

    public double Get(string key) => Plan.Source.Indicators.TryGetValue(key, out var i) ? i.Quantity.Canonical : double.NaN;
}
