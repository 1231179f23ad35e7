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
    public override string Key => $"transmission:{check.Compare}:{string.Join("+", check.Directions.Order())}:{(check.Indicators is null ? "all" : string.Join("+", check.Indicators))}";

    public override IReadOnlyList<LayerInput> Inputs => [];

    public override PlanRelation? Requires => check.Compare == TransmissionComparison.Allocation ? PlanRelation.Parent : null;

    public override MeasureResult Run(PlanScope scope) => check.Compare == TransmissionComparison.Allocation
        ? AgainstParent(scope)
        : AgainstChildren(scope);

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
                facts.Add(Observe(scope, allocation.Key, direction, own.Quantity.Canonical, limit,
                    [new Subject(Subject.IndicatorsLayer, allocation.Key), new Subject(Subject.AllocationsLayer, $"{allocation.RegionCode}/{allocation.Key}") { Plan = parent.Id }],
                    ("parent", parent.Id), ("region", plan.Region.Code)));
            }
        }

        return new MeasureResult(facts);
    }

    private MeasureResult AgainstChildren(PlanScope scope)
    {
        var plan = scope.Plan;
        var facts = new List<object>();
        foreach (var group in plan.Allocations.Where(a => Wanted(a.Key)).GroupBy(a => a.Key).OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            if (!plan.Indicators.TryGetValue(group.Key, out var own)) continue;
            var bounds = group.SelectMany(Bounds).GroupBy(b => b.Direction);
            foreach (var direction in bounds)
            {
                facts.Add(Observe(scope, group.Key, direction.Key, direction.Sum(b => b.Value), own.Quantity.Canonical,
                    [new Subject(Subject.IndicatorsLayer, group.Key)],
                    ("children", group.Select(a => a.RegionCode).Distinct().Count()), ("region", plan.Region.Code)));
            }
        }

        return new MeasureResult(facts);
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
