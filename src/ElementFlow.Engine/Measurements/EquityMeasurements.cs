using ElementFlow.Core.Findings;
using ElementFlow.Core.Units;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.Overlay.Snap;
using NetTopologySuite.Operation.OverlayNG;

namespace ElementFlow.Engine.Measurements;

/// <summary>What the equity measurements share.</summary>
public static class EquityMeasurements
{
    /// <summary>A check's measure name without its unit, for the life-circle table's column.</summary>
    public static string Stem(string measure) => measure.EndsWith("_share", StringComparison.Ordinal) ? measure[..^"_share".Length] : measure;
}

/// <summary>An area per resident: the area of a selection (m²) over the residents' population or a declared population (per-capita).</summary>
public sealed class PerCapitaMeasurement(LayerSelector numerator, LayerSelector? residents, string attribute, string? populationIndicator, string? declared) : Measurement
{
    public override string Key => $"per-capita:{numerator.Key}:{residents?.Key ?? "@" + populationIndicator}:{attribute}";

    public override IReadOnlyList<LayerInput> Inputs => residents is null ? [LayerInput.Of(numerator)] : [LayerInput.Of(numerator), LayerInput.Of(residents)];

    public override IReadOnlyList<string> Indicators => new[] { populationIndicator, declared }.OfType<string>().ToList();

    public override MeasureResult Run(PlanScope scope)
    {
        var area = scope.Select(numerator).Sum(f => f.Geometry.IsPolygonal() ? f.Geometry!.Area : 0);
        double population;
        Subject denominator;
        if (populationIndicator is { } key)
        {
            var quantity = scope.Plan.Indicators[key].Quantity;
            if (quantity.Unit.Dimension != Core.Units.Dimension.Population) return MeasureResult.Missing($"{key} is not a population");
            population = quantity.In(Unit.Persons);
            denominator = new Subject(Subject.IndicatorsLayer, key);
        }
        else
        {
            population = EquityInputs.Homes(scope, residents!, attribute).Total;
            denominator = new Subject(residents!.Role, Subject.WholeLayer);
        }

        if (population <= 0) return MeasureResult.Missing("the population is zero");
        return new MeasureResult([new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = area / population,
            Subjects = [new Subject(numerator.Role, Subject.WholeLayer), denominator],
            Arguments = new Dictionary<string, object?>
            {
                ["numerator_ha"] = area / 10_000, ["population"] = population, ["per_capita"] = area / population,
            },
        }]);
    }
}

/// <summary>
/// The shoreline of water polygons and the share of it bordered by public land (shoreline): water is
/// dissolved, so water beside water is no shore, and both water and land are cut to the <c>within</c>
/// area (water outside it, and the land beside such water, do not count); each land parcel's stretch
/// is the edge it shares with the water, the two snapped together within <see cref="ContactTolerance"/> so
/// that reprojected data, whose shared edges no longer coincide exactly, measures as drawn; a sliver gap
/// wider than that between land and water is no shore.
/// </summary>
public sealed class ShorelineMeasurement(LayerSelector water, LayerSelector land, IReadOnlyList<string> publicCodes, LayerSelector? within) : Measurement
{
    /// <summary>
    /// How far apart a parcel's edge and the shore may be drawn and still meet (m). A shared edge with a
    /// vertex on one side only is straight in metres, but after a round trip through degrees that vertex is
    /// off the other side's line by nanometres and an exact overlay finds no shared edge at all. Each side's
    /// vertices within this distance of the other are snapped onto it first (NTS GeometrySnapper, both
    /// ways); survey data is drawn to centimetres, so a centimetre joins such edges and leaves a real sliver
    /// gap, and a parcel that only touches the water at a corner, as it was.
    /// </summary>
    public const double ContactTolerance = 0.01;

    public override string Key => $"shoreline:{water.Key}:{land.Key}:{string.Join("|", publicCodes)}:{within?.Key ?? "all"}";

    public override IReadOnlyList<LayerInput> Inputs => within is null
        ? [LayerInput.Of(water), LayerInput.Of(land)]
        : [LayerInput.Of(water), LayerInput.Of(land), LayerInput.Of(within)];

    public override MeasureResult Run(PlanScope scope)
    {
        var waters = scope.Select(water).Where(f => f.Geometry.IsPolygonal()).ToList();
        if (waters.Count == 0) return MeasureResult.Missing($"no {water} polygons");
        var isWater = new HashSet<Core.Planning.Feature>(waters, ReferenceEqualityComparer.Instance);
        var area = within is null ? null : ManyUnion.Union(scope.Select(within).Where(f => f.Geometry.IsPolygonal()).Select(f => f.Geometry!).ToList());
        var inside = area is null ? null : new PreparedContainer(area);
        var shore = ShoreIndex.Of(Shore(waters.Select(f => f.Geometry!).ToList(), area, inside, scope.Parallelism));
        if (shore.Count == 0) return MeasureResult.Missing($"no {water} inside {within}");
        var role = scope.RoleOf(land.Role);

        // Each parcel meets only the stretches of shore near it, so its edge is a small overlay; the
        // parcels are independent and measured on all cores, then summed in source order (same totals every run).
        var parcels = scope.Select(land).Where(f => !isWater.Contains(f) && f.Geometry.IsPolygonal() && !f.Geometry!.IsEmpty).ToList();
        var edges = new Geometry?[parcels.Count];
        Parallel.For(0, parcels.Count, scope.Parallelism, i =>
        {
            var parcel = parcels[i].Geometry!;
            var near = shore.Query(parcel.EnvelopeInternal);
            if (near.Count == 0) return;

            // Only the part inside the area borders its water: most parcels lie inside whole (a prepared
            // test); the few across the area's edge are cut.
            if (inside is not null && !inside.Covers(parcel))
            {
                if (!inside.Intersects(parcel)) return;
                parcel = Thick(Overlaps.Intersection(parcel, area!));
                if (parcel.IsEmpty) return;
            }

            var snapped = GeometrySnapper.Snap(parcel.Boundary, GeometryServices.Factory.CreateMultiLineString(near.ToArray()), ContactTolerance);
            var edge = Lineal(OverlayNGRobust.Overlay(snapped[0], snapped[1], SpatialFunction.Intersection));
            if (edge.Length > 0) edges[i] = edge;
        });

        double total = 0, open = 0;
        var closed = new List<(FeatureFact Fact, Geometry Edge)>();
        for (var i = 0; i < parcels.Count; i++)
        {
            if (edges[i] is not { } edge) continue;
            var fact = scope.FactOf(role, parcels[i]);
            total += edge.Length;
            if (publicCodes.Any(c => Rules.Conditions.Codes.Match(fact.Code, c))) open += edge.Length;
            else closed.Add((fact, edge));
        }

        if (total <= 0) return MeasureResult.Missing($"no shoreline of {water} borders {land}{(within is null ? "" : $" inside {within}")}");
        return new MeasureResult([new Observation
        {
            Key = Key,
            Plan = scope.PlanFact,
            Value = open / total,
            Subjects = closed.Select(c => scope.SubjectOf(c.Fact)).ToList(),
            Geometry = closed.Count == 0 ? null : GeometryServices.Factory.BuildGeometry(closed.Select(c => c.Edge).ToList()),
            Arguments = new Dictionary<string, object?>
            {
                ["shore_m"] = total, ["public_m"] = open, ["private_m"] = total - open, ["parcels"] = closed.Count,
                ["layer"] = role.Name,
            },
        }]);
    }

    /// <summary>
    /// The shore of the water inside the area: the boundary of the water's union, built piece by piece
    /// (each water polygon's boundary less its water neighbours) so that no union of all the water is
    /// made: a river network of tens of thousands of cells whose corners touch is no clean coverage, and
    /// the general union of it took minutes at a million parcels.
    /// </summary>
    private static Geometry Shore(IReadOnlyList<Geometry> waters, Geometry? area, PreparedContainer? inside, ParallelOptions parallelism)
    {
        // Water outside the area does not count, and its edge with water inside is no shore; nor does a
        // sliver of it that reprojection moved across the area's edge.
        var clipped = new Geometry[waters.Count];
        Parallel.For(0, waters.Count, parallelism, i => clipped[i] = inside is null || inside.Covers(waters[i]) ? waters[i]
            : inside.Intersects(waters[i]) ? Thick(Overlaps.Intersection(waters[i], area!)) : GeometryServices.Factory.CreatePolygon());
        var index = new NetTopologySuite.Index.HPRtree.HPRtree<Geometry>();
        foreach (var g in clipped.Where(g => !g.IsEmpty)) index.Insert(g.EnvelopeInternal, g);
        index.Build();

        var pieces = new Geometry?[clipped.Length];
        Parallel.For(0, clipped.Length, parallelism, i =>
        {
            var w = clipped[i];
            if (w.IsEmpty) return;
            var neighbours = index.Query(w.EnvelopeInternal).Where(n => !ReferenceEquals(n, w)).ToList();
            pieces[i] = neighbours.Count == 0 ? w.Boundary : Lineal(OverlayNGRobust.Overlay(w.Boundary, Overlaps.Union(neighbours), SpatialFunction.Difference));
        });
        return GeometryServices.Factory.BuildGeometry(pieces.OfType<Geometry>().Where(p => !p.IsEmpty).ToList());
    }

    /// <summary>
    /// The polygons of a parcel's or water's part inside the area that are thicker than the contact tolerance
    /// (twice the area over the perimeter is a strip's width): a polygon drawn against the boundary, once
    /// reprojected, crosses it by a sliver nanometres wide, which is not land or water inside.
    /// </summary>
    private static Geometry Thick(Geometry part)
    {
        var kept = new List<Polygon>();
        for (var i = 0; i < part.NumGeometries; i++)
        {
            if (part.GetGeometryN(i) is Polygon p && !p.IsEmpty && 2 * p.Area / p.Length >= ContactTolerance) kept.Add(p);
        }

        return kept.Count == part.NumGeometries ? part : GeometryServices.Factory.CreateMultiPolygon(kept.ToArray());
    }

    /// <summary>The line parts of an overlay result (crossings leave points).</summary>
    private static Geometry Lineal(Geometry g)
    {
        var lines = new List<LineString>();
        for (var i = 0; i < g.NumGeometries; i++)
        {
            switch (g.GetGeometryN(i))
            {
                case LineString l when !l.IsEmpty: lines.Add(l); break;
                case MultiLineString ml:
                    for (var j = 0; j < ml.NumGeometries; j++) lines.Add((LineString)ml.GetGeometryN(j));
                    break;
            }
        }

        return GeometryServices.Factory.CreateMultiLineString(lines.ToArray());
    }
}
