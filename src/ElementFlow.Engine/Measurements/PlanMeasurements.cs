using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Core.Units;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>The layers, attributes and indicators a plan of its level and type must have (required).</summary>
public sealed class RequiredMeasurement(RequiredCheck check, string owner) : Measurement
{
    private static readonly Dictionary<string, Core.Text.LocalizedText> What = new()
    {
        ["layer"] = new("图层", "layer"),
        ["indicator"] = new("指标", "indicator"),
        ["attribute"] = new("属性字段", "attribute"),
        ["empty-layer"] = new("图层（已登记但无要素）", "layer (listed but holds no features)"),
        ["number"] = new("数值属性（值不是数字）", "numeric attribute (value is not a number)"),
    };

    /// <summary>Attributes that are numbers by DOMAIN §2; a value that is no number is as good as missing.</summary>
    private static readonly HashSet<(string Role, string Attribute)> Numeric = [("residential", "population")];

    public override string Key => $"required:{owner}";
    public override IReadOnlyList<LayerInput> Inputs => [];

    public override MeasureResult Run(PlanScope scope)
    {
        var plan = scope.Plan;
        var facts = new List<object>();
        Observation Missing(string what, string item, int count, IReadOnlyList<Subject> subjects) => new()
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = count,
            Subjects = subjects,
            Arguments = new Dictionary<string, object?>
            {
                ["what"] = What[what], ["item"] = item, ["count"] = count, ["layer"] = what == "indicator" ? null : item,
            },
        };

        foreach (var role in ForPlan(check.Layers, plan).Where(r => !plan.BrokenLayers.Contains(r)))
        {
            // An empty layer file is no layer: a boundary with no polygon would otherwise put every feature "outside" it.
            if (!plan.Layers.TryGetValue(role, out var present)) facts.Add(Missing("layer", role, 1, [new Subject(role, Subject.WholeLayer)]));
            else if (present.Features.Count == 0) facts.Add(Missing("empty-layer", role, 1, [new Subject(role, Subject.WholeLayer)]));
        }

        foreach (var key in ForPlan(check.Indicators, plan).Where(k => !plan.Indicators.ContainsKey(k) && !plan.UnusableIndicators.Contains(k)))
        {
            facts.Add(Missing("indicator", key, 1, [new Subject(Subject.IndicatorsLayer, key)]));
        }

        foreach (var (role, attributes) in check.Attributes.OrderBy(kv => kv.Key, StringComparer.Ordinal))
        {
            if (plan.Layer(role) is not { } layer) continue;
            foreach (var attribute in attributes)
            {
                var lacking = layer.Features.Where(f => !f.Has(attribute)).Select(f => new Subject(role, f.Id)).ToList();
                if (lacking.Count > 0)
                {
                    var o = Missing("attribute", $"{role}.{attribute}", lacking.Count, lacking);
                    facts.Add(o);
                }

                if (!Numeric.Contains((role, attribute))) continue;
                var notNumbers = layer.Features.Where(f => f.Has(attribute) && double.IsNaN(f.Number(attribute))).Select(f => new Subject(role, f.Id)).ToList();
                if (notNumbers.Count > 0) facts.Add(Missing("number", $"{role}.{attribute}", notNumbers.Count, notNumbers));
            }
        }

        return new MeasureResult(facts);
    }

    /// <summary>The union of the lists whose <c>level/type</c> key (with * wildcards) matches the plan.</summary>
    private static IEnumerable<string> ForPlan(IReadOnlyDictionary<string, IReadOnlyList<string>> table, Plan plan) =>
        table.Where(kv => Matches(kv.Key, plan)).SelectMany(kv => kv.Value).Distinct(StringComparer.Ordinal);

    private static bool Matches(string key, Plan plan)
    {
        var parts = key.Split('/');
        return parts.Length == 2
            && (parts[0] == "*" || (PlanKinds.TryParseLevel(parts[0], out var l) && l == plan.Level))
            && (parts[1] == "*" || (PlanKinds.TryParseType(parts[1], out var t) && t == plan.Type));
    }
}

/// <summary>A ratio of two areas (layer selections or indicators), in m² both (area-ratio).</summary>
public sealed class RatioMeasurement(AreaOperand numerator, AreaOperand denominator) : Measurement
{
    public override string Key => $"ratio:{Describe(numerator)}:{Describe(denominator)}";
    public override IReadOnlyList<LayerInput> Inputs => new[] { numerator.Layer, denominator.Layer }.OfType<LayerSelector>().Select(LayerInput.Of).ToList();
    public override IReadOnlyList<string> Indicators => new[] { numerator.Indicator, denominator.Indicator }.OfType<string>().ToList();

    public override MeasureResult Run(PlanScope scope)
    {
        var n = Area(scope, numerator);
        var d = Area(scope, denominator);
        if (d <= 0) return MeasureResult.Missing($"the denominator ({denominator}) is zero");
        var subjects = new[] { numerator, denominator }
            .Select(o => o.Layer is { } l ? new Subject(l.Role, Subject.WholeLayer) : new Subject(Subject.IndicatorsLayer, o.Indicator!))
            .Distinct()
            .ToList();
        return new MeasureResult([new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = n / d,
            Subjects = subjects,
            Arguments = new Dictionary<string, object?> { ["numerator_ha"] = n / 10_000, ["denominator_ha"] = d / 10_000 },
        }]);
    }

    private static double Area(PlanScope scope, AreaOperand operand) => operand.Layer is { } layer
        ? scope.Select(layer).Sum(f => f.Geometry.IsPolygonal() ? f.Geometry!.Area : 0)
        : scope.Plan.Indicators[operand.Indicator!].Quantity.In(Unit.SquareMetre);

    private static string Describe(AreaOperand o) => o.Layer?.Key ?? $"@{o.Indicator}";
}

/// <summary>A declared indicator against the area of the layer it describes (consistency, 数线图一致).</summary>
public sealed class ConsistencyMeasurement(string indicator, string layer) : Measurement
{
    public override string Key => $"consistency:{indicator}:{layer}";
    public override IReadOnlyList<LayerInput> Inputs => [LayerInput.Own(layer)];
    public override IReadOnlyList<string> Indicators => [indicator];

    public override MeasureResult Run(PlanScope scope)
    {
        var declared = scope.Plan.Indicators[indicator].Quantity;
        if (declared.Unit.Dimension != Dimension.Area) return MeasureResult.Missing($"{indicator} is not an area");
        var measured = DeclaredAreas.Of(scope.Plan, scope.Plan.Layer(layer)!);
        var declaredM2 = declared.In(Unit.SquareMetre);
        var difference = measured > 0 ? Math.Abs(declaredM2 - measured) / measured : (declaredM2 > 0 ? 1 : 0);
        return new MeasureResult([new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = difference,
            Subjects = [new Subject(Subject.IndicatorsLayer, indicator), new Subject(layer, Subject.WholeLayer)],
            Arguments = new Dictionary<string, object?>
            {
                ["indicator"] = indicator, ["layer"] = layer,
                ["declared_ha"] = declaredM2 / 10_000, ["measured_ha"] = measured / 10_000,
            },
        }]);
    }
}

/// <summary>How declared areas are measured.</summary>
internal static class DeclaredAreas
{
    /// <summary>
    /// The area a declared figure is compared with: the ellipsoidal area (椭球面积) when the plan is in
    /// CGCS2000, as the national survey computes declared areas; the planar area otherwise.
    /// </summary>
    public static double Of(Plan plan, Layer layer) => Cgcs2000.IsCgcs2000(plan.Crs.Epsg)
        ? layer.Features.Sum(f => f.Geometry.IsPolygonal() && !f.Geometry!.IsEmpty ? EllipsoidalArea.Of(f.Geometry, plan.Crs.Epsg) : 0)
        : layer.Features.Sum(f => f.Geometry.IsPolygonal() ? f.Geometry!.Area : 0);
}

/// <summary>The plain facts expression checks range over: the plan, its layers, features, indicators and data issues.</summary>
public sealed class FactsMeasurement(FactSource source, IReadOnlyList<string>? layers, PlanRelation? requires = null) : Measurement
{
    public override string Key => $"facts:{source}:{(layers is null ? "all" : string.Join("+", layers))}";
    public override IReadOnlyList<LayerInput> Inputs => [];
    public override PlanRelation? Requires => requires;

    public IReadOnlyList<string>? LayerFilter => layers;

    public FactSource Source => source;

    public override MeasureResult Run(PlanScope scope)
    {
        var plan = scope.Plan;
        var chosen = plan.Layers.Values.Where(l => layers is null || layers.Contains(l.Role.Name)).OrderBy(l => l.Role.Name, StringComparer.Ordinal).ToList();
        IEnumerable<object> facts = source switch
        {
            FactSource.Plan => [scope.PlanFact],
            FactSource.Layer => chosen.Select(l => scope.Shared($"layer:{l.Role.Name}", () => new LayerFact(scope.PlanFact, l, OutsideZone(plan, l)))),
            FactSource.Feature => chosen.SelectMany(l => scope.Facts(l.Role.Name)),
            FactSource.Indicator => scope.Shared("indicators", () => plan.Indicators.Values.OrderBy(i => i.Key, StringComparer.Ordinal)
                .Select(i => new IndicatorFact(scope.PlanFact, i)).ToList()),
            FactSource.Flow => FlowFacts.Of(scope),
            FactSource.Approval => scope.Shared("approvals", () => plan.Approvals.Select(a => new ApprovalFact(
                scope.PlanFact, a, scope.Options.AsOf, scope.Options.KnownRules?.Contains(a.Rule) ?? false, UnknownFeatures(plan, a))).ToList()),
            _ => scope.Shared("issues", () => plan.DataIssues.Select(i => new IssueFact(scope.PlanFact, i)).ToList())
                .Where(i => layers is null || layers.Contains(i.Layer)),
        };
        return new MeasureResult(facts.ToList());
    }

    /// <summary>Ids an approval names that its layer does not hold; a layer that could not be read holds nothing we know of, so its ids count as unknown to nobody.</summary>
    private static int UnknownFeatures(Plan plan, Approval approval) => approval.Features.Sum(kv =>
        (LayerRole.Find(kv.Key)?.Name ?? kv.Key) is var role && plan.BrokenLayers.Contains(role) ? 0
        : plan.Layer(role) is { } layer
            ? kv.Value.Count(id => !layer.Features.Any(f => f.Id == id))
            : kv.Value.Count);

    private static int OutsideZone(Plan plan, Layer layer)
    {
        if (GaussKrugerZone.ValidExtent(plan.Crs.Epsg) is not { } extent) return 0;
        return layer.Features.Count(f => f.Geometry is { IsEmpty: false } g && !extent.Contains(g.EnvelopeInternal));
    }
}

/// <summary>All indicators of a plan as one fact, for indicator checks.</summary>
public sealed class IndicatorSetMeasurement(IReadOnlyList<string> keys) : Measurement
{
    public override string Key => "indicators";
    public override IReadOnlyList<LayerInput> Inputs => [];
    public override IReadOnlyList<string> Indicators => keys;

    public override MeasureResult Run(PlanScope scope) => new([scope.Shared("indicator-set", () => new IndicatorSet(scope.PlanFact))]);
}
