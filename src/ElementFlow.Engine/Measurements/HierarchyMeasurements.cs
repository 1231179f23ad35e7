using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>
/// The parts of the parent's line, inside this plan's boundary, that this plan's same layer does not
/// cover (covers): what a child dropped when passing a line down.
/// </summary>
public sealed class CoversMeasurement(string layer) : Measurement
{
    private static readonly LayerSelector Boundary = LayerSelector.Whole(LayerRole.Boundary.Name);

    public override string Key => $"dropped:{layer}";

    /// <summary>The plan's own layer is optional (a plan without it dropped everything), but when it could not be read nothing can be said.</summary>
    public override IReadOnlyList<LayerInput> Inputs => [LayerInput.Own(Boundary.Role), new(PlanRelation.Parent, layer), LayerInput.Maybe(layer)];

    public override MeasureResult Run(PlanScope scope)
    {
        var parent = scope.Parent!;
        var own = LayerSelector.Whole(layer);
        var boundary = Overlaps.Union(scope.Select(Boundary).Where(f => f.Geometry.IsPolygonal()).Select(f => f.Geometry!).ToList());
        var role = LayerRole.Find(layer)!;
        var index = scope.Index(own);
        var preparedBoundary = NetTopologySuite.Geometries.Prepared.PreparedGeometryFactory.Prepare(boundary);
        var lines = parent.Index(own).Candidates(boundary.EnvelopeInternal).Where(f => f.Geometry.IsPolygonal()).OrderBy(f => f.Ordinal).ToList();
        var dropped = new (Feature Line, NetTopologySuite.Geometries.Geometry Part)?[lines.Count];
        Parallel.For(0, lines.Count, scope.Parallelism, i =>
        {
            var line = lines[i].Geometry!;
            if (!preparedBoundary.Intersects(line)) return;
            var inside = preparedBoundary.Covers(line) ? line : Overlaps.Intersection(line, boundary);
            if (inside.Area <= 0) return;
            var kept = index.Candidates(inside.EnvelopeInternal).Where(c => c.Geometry.IsPolygonal()).Select(c => c.Geometry!).ToList();

            // Lines passed down unchanged: one of the plan's own features covers the parent's part whole.
            if (kept.Any(k => k.Covers(inside))) return;
            var missing = kept.Count == 0 ? inside : Overlaps.Difference(inside, Overlaps.Union(kept));
            if (!missing.IsEmpty && missing.Area > 0) dropped[i] = (lines[i], missing);
        });

        var facts = new List<object>();
        foreach (var (line, missing) in dropped.OfType<(Feature, NetTopologySuite.Geometries.Geometry)>())
        {
            var fact = parent.FactOf(role, line);
            facts.Add(new Observation
            {
                Key = Key,
                Plan = scope.PlanFact,
                Value = missing.Area,
                A = fact,
                Subjects = [new Subject(layer, line.Id) { Plan = parent.Plan.Id }],
                Geometry = missing,
                Arguments = new Dictionary<string, object?>
                {
                    ["parent"] = parent.Plan.Id, ["parent_feature"] = line.Id, ["region"] = scope.Plan.Region.Code,
                    ["layer"] = layer, ["id"] = line.Id,
                },
            });
        }

        return new MeasureResult(facts);
    }
}

/// <summary>
/// Binding indicators between levels (transmission): the plan's figure against what its parent
/// allocated to its region, or the sum of what it allocates to its children against its own target.
/// Values are compared in one unit per quantity (hectares for areas).
/// </summary>
public sealed class TransmissionMeasurement(TransmissionCheck check) : Measurement
{
    /// <summary>The rule that judges the flows which move an allocation of each kind, named when they cover a shortfall.</summary>
    private static readonly Dictionary<FlowKind, string> CoveringRule = new()
    {
        [FlowKind.PbfRelocation] = "FLOW-007",
        [FlowKind.ConstructionQuota] = "FLOW-008",
    };

    public override string Key => $"transmission:{check.Compare}:{string.Join("+", check.Directions.Order())}:{(check.Indicators is null ? "all" : string.Join("+", check.Indicators))}"
        + (check.Flows is { } f ? $":flows:{f.Name()}" : "");

    public override IReadOnlyList<LayerInput> Inputs => [];

    public override PlanRelation? Requires => check.Compare == TransmissionComparison.Allocation ? PlanRelation.Parent : null;

    public override MeasureResult Run(PlanScope scope) => check.Compare == TransmissionComparison.Allocation
        ? AgainstParent(scope)
        : AgainstChildren(scope);

    /// <summary>
    /// The flows of a plan that move one of its allocations, and which way: basic farmland relocated (异地补划)
    /// moves the permanent_basic_farmland_area floor, a construction quota (异地腾挪) the cap it names.
    /// Expired flows count for nothing.
    /// </summary>
    private static List<Flow> Moving(Plan plan, string key, IndicatorDirection direction, DateOnly asOf, FlowKind? only) => plan.Flows
        .Where(f => !f.IsExpiredOn(asOf) && (only is null || f.Kind == only))
        .Where(f => direction == IndicatorDirection.Floor
            ? f.Kind == FlowKind.PbfRelocation && key == "permanent_basic_farmland_area"
            : f.Kind == FlowKind.ConstructionQuota && f.Indicator == key)
        .ToList();

    private static bool Breaks(IndicatorDirection direction, double value, double limit) => direction == IndicatorDirection.Floor
        ? value < limit - Math.Abs(limit) * 1e-9
        : value > limit + Math.Abs(limit) * 1e-9;

    private MeasureResult AgainstParent(PlanScope scope)
    {
        var plan = scope.Plan;
        var parent = scope.Parent!.Plan;
        var facts = new List<object>();
        foreach (var allocation in parent.Allocations.Where(a => a.RegionCode == plan.Region.Code && Wanted(a.Key)))
        {
            if (!plan.Indicators.TryGetValue(allocation.Key, out var own)) continue;
            foreach (var (direction, limit) in Bounds(allocation))
            {
                var moving = Moving(plan, allocation.Key, direction, scope.Options.AsOf, check.Flows);
                if (check.Flows is not null && moving.Count == 0) continue;
                var adjusted = limit + moving.Sum(f => f.Sign * f.Amount.Canonical);
                var value = own.Quantity.Canonical;

                // As written, a shortfall the flows make up is still reported, waived: covered by the rule that judges them.
                Waiver? covered = check.Flows is null && moving.Count > 0 && Breaks(direction, value, limit) && !Breaks(direction, value, adjusted)
                    ? new Waiver($"{CoveringRule[moving[0].Kind]} {string.Join(", ", moving.Select(f => f.Id))}", string.Join("; ", moving.Select(f => f.Document).OfType<string>().Distinct()))
                    : null;
                var subjects = new List<Subject> { new(Subject.IndicatorsLayer, allocation.Key), new(Subject.AllocationsLayer, $"{allocation.RegionCode}/{allocation.Key}") { Plan = parent.Id } };
                if (check.Flows is not null) subjects.AddRange(moving.Select(f => new Subject(FlowSubjects.Layer, f.Id)));
                var o = Observe(scope, allocation.Key, direction, value, check.Flows is null ? limit : adjusted, subjects,
                    ("parent", parent.Id), ("region", plan.Region.Code), ("allocated", limit),
                    ("flows_in", moving.Where(f => f.Direction == FlowDirection.In).Sum(f => f.Amount.Canonical)),
                    ("flows_out", moving.Where(f => f.Direction == FlowDirection.Out).Sum(f => f.Amount.Canonical)));
                facts.Add(covered is null ? o : new Observation
                {
                    Key = o.Key, Plan = o.Plan, Value = o.Value, Limit = o.Limit, Category = o.Category, MeasureName = o.MeasureName,
                    Subjects = o.Subjects, Arguments = o.Arguments, Covered = covered,
                });
            }
        }

        return check.Flows is { } kind && facts.Count == 0 ? MeasureResult.Missing($"no {kind.Name()} flow moves an allocation") : new MeasureResult(facts);
    }

    private MeasureResult AgainstChildren(PlanScope scope)
    {
        var plan = scope.Plan;
        var facts = new List<object>();
        foreach (var group in plan.Allocations.Where(a => Wanted(a.Key)).GroupBy(a => a.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!plan.Indicators.TryGetValue(group.Key, out var own)) continue;
            var bounds = group.SelectMany(a => Bounds(a).Select(b => (Allocation: a, b.Direction, b.Value))).GroupBy(b => b.Direction);
            foreach (var direction in bounds)
            {
                // With flows: each child's allocation moved by its own flows of the kind (a transfer between children creates nothing).
                var moved = check.Flows is { } kind
                    ? direction.Select(b => scope.OverallChildren.FirstOrDefault(c => c.Plan.Region.Code == b.Allocation.RegionCode) is { } child
                        ? Moving(child.Plan, group.Key, direction.Key, scope.Options.AsOf, kind)
                        : []).SelectMany(x => x).ToList()
                    : [];
                if (check.Flows is not null && moved.Count == 0) continue;
                facts.Add(Observe(scope, group.Key, direction.Key, direction.Sum(b => b.Value) + moved.Sum(f => f.Sign * f.Amount.Canonical), own.Quantity.Canonical,
                    [new Subject(Subject.IndicatorsLayer, group.Key)],
                    ("children", group.Select(a => a.RegionCode).Distinct().Count()), ("region", plan.Region.Code)));
            }
        }

        return check.Flows is { } k && facts.Count == 0 ? MeasureResult.Missing($"no child's {k.Name()} flow moves an allocation") : new MeasureResult(facts);
    }

    private bool Wanted(string key) => check.Indicators is null || check.Indicators.Contains(key);

    /// <summary>An allocation's min is a floor and its max a cap, in canonical units, kept when the check asks for them.</summary>
    private IEnumerable<(IndicatorDirection Direction, double Value)> Bounds(Allocation a)
    {
        if (a.Min is { } min && check.Directions.Contains(IndicatorDirection.Floor)) yield return (IndicatorDirection.Floor, new Core.Units.Quantity(min, a.Unit).Canonical);
        if (a.Max is { } max && check.Directions.Contains(IndicatorDirection.Cap)) yield return (IndicatorDirection.Cap, new Core.Units.Quantity(max, a.Unit).Canonical);
    }

    private Observation Observe(PlanScope scope, string key, IndicatorDirection direction, double value, double limit, IReadOnlyList<Subject> subjects, params (string Name, object? Value)[] args)
    {
        var unit = IndicatorCatalog.Find(key)?.Unit.Dimension switch
        {
            Core.Units.Dimension.Area => "ha",
            Core.Units.Dimension.Population => "persons",
            Core.Units.Dimension.Fraction => "ratio",
            Core.Units.Dimension.AreaPerPerson => "m2_per_person",
            Core.Units.Dimension.Volume => "100m_m3",
            _ => "value",
        };
        var arguments = args.ToDictionary(a => a.Name, a => a.Value);
        arguments["indicator"] = key;
        arguments["direction"] = direction == IndicatorDirection.Floor ? new Core.Text.LocalizedText("不低于", "at least") : new Core.Text.LocalizedText("不超过", "at most");
        return new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = value,
            Limit = limit,
            Category = direction == IndicatorDirection.Floor ? "floor" : "cap",
            MeasureName = $"{key}_{unit}",
            Subjects = subjects,
            Arguments = arguments,
        };
    }
}
