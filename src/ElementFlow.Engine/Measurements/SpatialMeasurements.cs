using ElementFlow.Core.Findings;
using ElementFlow.Core.Planning;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;

namespace ElementFlow.Engine.Measurements;

/// <summary>Overlaps between two selections, or within one (no-overlap).</summary>
public sealed class OverlapMeasurement(LayerSelector a, LayerSelector? b) : Measurement
{
    public override string Key => $"overlap:{a.Key}:{b?.Key ?? "self"}";
    public override IReadOnlyList<LayerInput> Inputs => b is null ? [LayerInput.Of(a)] : [LayerInput.Of(a), LayerInput.Of(b)];

    public override MeasureResult Run(PlanScope scope)
    {
        var self = b is null || b.Key == a.Key;
        var pairs = Overlaps.Find(scope.Select(a), scope.Index(b ?? a), self, scope.Cancellation);
        var roleA = scope.RoleOf(a.Role);
        var roleB = scope.RoleOf((b ?? a).Role);
        return new MeasureResult(pairs.Select(p =>
        {
            var fa = scope.FactOf(roleA, p.A);
            var fb = scope.FactOf(roleB, p.B);
            return (object)PairObservation.Of(Key, scope, fa, fb, p);
        }).ToList());
    }
}

/// <summary>The observation of one overlapping pair, as the overlap and use-control measurements report it.</summary>
internal static class PairObservation
{
    public static Observation Of(string key, PlanScope scope, FeatureFact fa, FeatureFact fb, OverlapPair p) => new()
    {
        Key = key,
        Plan = scope.PlanFact,
        Value = p.Area,
        A = fa,
        B = fb,
        Subjects = [scope.SubjectOf(fa), scope.SubjectOf(fb)],
        Geometry = p.Intersection,
        Arguments = new Dictionary<string, object?>
        {
            ["a"] = fa.Id, ["b"] = fb.Id, ["a_code"] = fa.Code, ["b_code"] = fb.Code,
            ["layer"] = fa.Layer, ["id"] = fa.Id,
        },
    };
}

/// <summary>
/// Land use in zones that do not permit it (use-permitted): the matrix is decided before overlaying, so only
/// parcels whose code some listed zone denies are overlaid, and only with the zones that deny it — as
/// PostgreSQL applies the matrix as a WHERE before its spatial join. A zone the matrix does not list permits everything.
/// </summary>
public sealed class UseMeasurement(LayerSelector uses, LayerSelector zones, UseMatrix matrix) : Measurement
{
    public override string Key => $"use:{uses.Key}:{zones.Key}:{string.Join(";", matrix.Zones.OrderBy(z => z.Key, StringComparer.Ordinal).Select(z => $"{z.Key}={string.Join(",", z.Value.Allow)}/{string.Join(",", z.Value.Deny)}"))}";
    public override IReadOnlyList<LayerInput> Inputs => [LayerInput.Of(uses), LayerInput.Of(zones)];

    public override MeasureResult Run(PlanScope scope)
    {
        var roleA = scope.RoleOf(uses.Role);
        var roleB = scope.RoleOf(zones.Role);
        var denyingZones = scope.Select(zones).Where(z => matrix.Zones.ContainsKey(scope.FactOf(roleB, z).Code ?? "")).ToList();
        var deniedSomewhere = new System.Collections.Concurrent.ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        var parcels = scope.Select(uses)
            .Where(f => scope.FactOf(roleA, f).Code is var code && deniedSomewhere.GetOrAdd(code ?? "", c => matrix.Zones.Keys.Any(z => !matrix.Permits(z, code))))
            .ToList();
        if (parcels.Count == 0 || denyingZones.Count == 0) return new MeasureResult([]);
        var pairs = Overlaps.Find(parcels, new FeatureIndex(denyingZones), self: false, scope.Cancellation);
        var facts = new List<object>();
        foreach (var p in pairs)
        {
            var fa = scope.FactOf(roleA, p.A);
            var fb = scope.FactOf(roleB, p.B);
            if (matrix.Permits(fb.Code, fa.Code)) continue;
            facts.Add(PairObservation.Of(Key, scope, fa, fb, p));
        }

        return new MeasureResult(facts);
    }
}

/// <summary>What of each feature lies outside a container layer (within).</summary>
/// <remarks>With no inner list ("all"), every layer of the plan but the container's is checked.</remarks>
public sealed class WithinMeasurement(IReadOnlyList<LayerSelector>? inner, IReadOnlyList<LayerSelector> containers, bool perPart) : Measurement
{
    public override string Key => $"outside:{(inner is null ? "all" : string.Join("+", inner.Select(s => s.Key)))}:{string.Join("|", containers.Select(c => c.Key))}:{(perPart ? "parts" : "features")}";

    /// <summary>With several containers (a UDB or a rural zone), one present is enough: the union is what there is.</summary>
    /// <remarks>Several inners or containers are each optional, but one of them that could not be read skips the check: the union would be short of it.</remarks>
    public override IReadOnlyList<LayerInput> Inputs => (inner is { Count: 1 } ? [LayerInput.Of(inner[0])] : (inner ?? []).Select(i => LayerInput.Of(i) with { Optional = true }))
        .Concat(containers.Count == 1 ? [LayerInput.Of(containers[0])] : containers.Select(c => LayerInput.Of(c) with { Optional = true })).ToList();

    public override MeasureResult Run(PlanScope scope)
    {
        var index = scope.Index(containers);

        // Container layers that are empty or absent would put everything "outside": there is nothing to
        // judge by (DATA-002 reports an empty required layer). A selection that keeps none of a present
        // layer's features is different: then everything is outside indeed.
        if (index.Count == 0 && containers.All(c => scope.Select(LayerSelector.Whole(c.Role) with { Plan = c.Plan }).All(f => f.Geometry is not { IsEmpty: false })))
        {
            return MeasureResult.Missing($"{string.Join(", ", containers.Select(c => c.Role))} holds no features");
        }

        var facts = new List<object>();
        // "All" leaves out the enclaves: a home plan's enclave lies in another region by nature, and FLOW-009 judges where enclaves lie.
        var selectors = inner ?? scope.Plan.Layers.Keys.Where(r => containers.All(c => c.Role != r) && r != LayerRole.Enclaves.Name).Order(StringComparer.Ordinal).Select(LayerSelector.Whole).ToList();
        foreach (var selector in selectors)
        {
            var role = LayerRole.Find(selector.Role)!;
            foreach (var part in Containment.Outside(scope.Select(selector), index, perPart, scope.Cancellation))
            {
                var fact = scope.FactOf(role, part.Feature);
                var (value, measure) = part.Feature.Geometry switch
                {
                    var g when g.IsPolygonal() => (part.Area, (string?)null),
                    var g when g.IsPuntal() => (part.Distance, "outside_distance_m"),
                    _ => (part.Length, "outside_length_m"),
                };
                facts.Add(new Observation
                {
                    Key = Key,
                    Plan = scope.PlanFact,
                    Value = value,
                    MeasureName = measure,
                    A = fact,
                    Subjects = [scope.SubjectOf(fact)],
                    Geometry = part.Outside,
                    Arguments = new Dictionary<string, object?>
                    {
                        ["a"] = fact.Id, ["a_code"] = fact.Code, ["layer"] = fact.Layer, ["id"] = fact.Id, ["at"] = Where(part.Outside),
                    },
                });
            }
        }

        return new MeasureResult(facts);
    }

    /// <summary>A point inside the piece, in plan coordinates to the metre, so two pieces of one feature read apart: <c>(39501234, 3301234)</c>.</summary>
    private static string Where(NetTopologySuite.Geometries.Geometry? piece) =>
        piece is { IsEmpty: false } && piece.InteriorPoint is { IsEmpty: false } p
            ? FormattableString.Invariant($"({p.X:0}, {p.Y:0})")
            : "";
}

/// <summary>Geometry validity, emptiness and type of the features of some layers (valid-geometry).</summary>
public sealed class ValidityMeasurement(IReadOnlyList<string>? layers) : Measurement
{
    public override string Key => $"validity:{(layers is null ? "all" : string.Join("+", layers))}";
    public override IReadOnlyList<LayerInput> Inputs => [];

    public override MeasureResult Run(PlanScope scope)
    {
        var facts = new List<object>();
        foreach (var layer in scope.Plan.Layers.Values.Where(l => layers is null || layers.Contains(l.Role.Name)).OrderBy(l => l.Role.Name, StringComparer.Ordinal))
        {
            var problems = new (int Index, GeometryProblem Problem)[layer.Features.Count];
            var found = 0;
            Parallel.For(0, layer.Features.Count, scope.Parallelism, i =>
            {
                // Validity was tested once, when the plan's invalid geometry was repaired; the problem is located in the geometry as submitted.
                var feature = layer.Features[i];
                if ((scope.Repairs.TryGetValue(feature, out var repaired) ? repaired.Problem : GeometryChecks.Shape(feature.Geometry, layer.Role.Geometry)) is { } p)
                {
                    problems[Interlocked.Increment(ref found) - 1] = (i, p);
                }
            });
            foreach (var (index, problem) in problems.Take(found).OrderBy(p => p.Index))
            {
                var fact = scope.FactOf(layer.Role, layer.Features[index]);
                facts.Add(new Observation
                {
                    Key = Key,
                    Plan = scope.PlanFact,
                    Value = 1,
                    A = fact,
                    Subjects = [new Subject(fact.Layer, fact.Id)],
                    Geometry = problem.Location,
                    Arguments = new Dictionary<string, object?>
                    {
                        ["problem"] = problem.Text, ["layer"] = fact.Layer, ["id"] = fact.Id,
                    },
                });
            }
        }

        return new MeasureResult(facts);
    }
}
