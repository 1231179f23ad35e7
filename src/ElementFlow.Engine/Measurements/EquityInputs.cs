using ElementFlow.Core.Planning;
using ElementFlow.Core.Text;
using ElementFlow.Rules.Model;
using ElementFlow.Spatial;
using NetTopologySuite.Algorithm.Locate;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace ElementFlow.Engine.Measurements;

/// <summary>The homes of a plan: each residential feature as a point (polygons at their centroid) with its population.</summary>
internal sealed record Residents(string Key, LayerRole Role, IReadOnlyList<Feature> Features, Coordinate[] Points, double[] Population)
{
    public double Total { get; } = Population.Sum();
}

/// <summary>How far each home is from the nearest target of one group: by straight line, and along the roads when the plan has them.</summary>
internal sealed record Reach(double[] Straight, double[]? Network);

/// <summary>
/// The inputs every coverage and distribution measurement of a plan shares, built once per plan
/// through <see cref="PlanScope.Shared{T}"/>: homes, the road network, where homes join it, the
/// distances to each target group and the subdistrict of each home.
/// </summary>
/// <remarks>
/// The loops run on one thread each: the checker already runs measurements in parallel, and a
/// nested Parallel.For inside a value other measurements wait for (a blocking Lazy) starves the
/// thread pool; the ten-odd target groups of a rule set keep the cores busy on their own.
/// </remarks>
internal static class EquityInputs
{
    private static readonly LayerSelector Roads = LayerSelector.Whole(LayerRole.Roads.Name);

    /// <summary>
    /// Homes with their population; a missing, negative or non-numeric population counts as none
    /// (DATA-002 reports a missing attribute where a rule set requires it).
    /// </summary>
    public static Residents Homes(PlanScope scope, LayerSelector from, string attribute) =>
        scope.Shared($"equity:homes:{from.Key}:{attribute}", () =>
        {
            var features = scope.Select(from).Where(f => f.Geometry is { IsEmpty: false }).ToList();
            var points = features.Select(f => f.Geometry is Point p ? p.Coordinate : f.Geometry!.Centroid.Coordinate).ToArray();
            var population = features.Select(f => f.Number(attribute) is var n && double.IsFinite(n) && n > 0 ? n : 0).ToArray();
            return new Residents($"{from.Key}:{attribute}", scope.RoleOf(from.Role), features, points, population);
        });

    /// <summary>A coverage's inputs with the roads it walks along, when it may (optional: without roads it measures by straight line).</summary>
    public static IReadOnlyList<LayerInput> Optional(CoverageSpec spec, IReadOnlyList<LayerInput> inputs) =>
        spec.Method == DistanceMethod.Auto ? [.. inputs, LayerInput.Maybe(Roads.Role)] : inputs;

    /// <summary>The road network, when the spec walks along roads and the plan has them.</summary>
    /// <exception cref="InvalidOperationException">The plan declares a roads layer that could not be read: measuring by straight line instead would hide it.</exception>
    public static RoadNetwork? Network(PlanScope scope, CoverageSpec spec)
    {
        if (spec.Method != DistanceMethod.Auto) return null;
        if (scope.Plan.BrokenLayers.Contains(Roads.Role))
        {
            throw new InvalidOperationException("the roads layer could not be read, so walking distances cannot follow it (method: straight-line measures without it)");
        }

        return scope.HasLayer(Roads.Role)
            ? scope.Shared("equity:roads", () => RoadNetwork.Build(scope.Select(Roads).Select(f => f.Geometry).OfType<Geometry>()))
            : null;
    }

    /// <summary>The distances from every home to the nearest feature of one target group, up to the spec's distance.</summary>
    public static Reach ReachOf(PlanScope scope, Residents homes, LayerSelector group, CoverageSpec spec)
    {
        var network = Network(scope, spec);
        var key = $"equity:reach:{homes.Key}>{group.Key}@{spec.DistanceM}:{(network is null ? "line" : "network")}:{spec.SnapM}";
        return scope.Shared(key, () =>
        {
            var index = scope.Index(group);
            var straight = WalkingDistance.StraightLine(homes.Points, index, spec.DistanceM);
            if (network is null) return new Reach(straight, null);
            var snaps = scope.Shared($"equity:snaps:{homes.Key}:{spec.SnapM}", () => WalkingDistance.Snap(network, homes.Points, spec.SnapM));
            var walk = WalkingDistance.Network(network, homes.Points, snaps, scope.Select(group), index, spec.DistanceM, spec.SnapM);
            return new Reach(straight, walk);
        });
    }

    /// <summary>For each home, the position in <paramref name="units"/> of the unit containing it (the first by order on a shared edge), or −1.</summary>
    public static int[] UnitOf(PlanScope scope, Residents homes, LayerSelector units) =>
        scope.Shared($"equity:units:{homes.Key}:{units.Key}", () =>
        {
            var list = scope.Select(units);
            var locators = list.Select(u => u.Geometry.IsPolygonal() ? new IndexedPointInAreaLocator(u.Geometry!) : null).ToArray();
            foreach (var l in locators) l?.Locate(new Coordinate(0, 0)); // builds each locator's index before the parallel loop reads it
            var tree = new STRtree<int>();
            for (var u = 0; u < list.Count; u++)
            {
                if (locators[u] is not null) tree.Insert(list[u].Geometry!.EnvelopeInternal, u);
            }

            tree.Build();
            var result = new int[homes.Points.Length];
            for (var i = 0; i < result.Length; i++)
            {
                var p = homes.Points[i];
                result[i] = tree.Query(new Envelope(p))
                    .Where(u => locators[u]!.Locate(p) != Location.Exterior)
                    .DefaultIfEmpty(-1)
                    .Min();
            }

            return result;
        });

    /// <summary>The homes of each unit, by position in the unit selection.</summary>
    public static IReadOnlyList<List<int>> Members(PlanScope scope, Residents homes, LayerSelector units, int unitCount)
    {
        var unitOf = UnitOf(scope, homes, units);
        var members = Enumerable.Range(0, unitCount).Select(_ => new List<int>()).ToList();
        for (var i = 0; i < unitOf.Length; i++)
        {
            if (unitOf[i] >= 0) members[unitOf[i]].Add(i);
        }

        return members;
    }

    /// <summary>How a group reads in messages: facility kinds by their Chinese names, other codes as they are.</summary>
    public static LocalizedText Describe(LayerSelector group)
    {
        if (group.Codes.Count == 0) return LocalizedText.Same(group.Role);
        var zh = group.Codes.Select(c => group.Role == LayerRole.Facilities.Name ? CodeLists.FacilityKinds.GetValueOrDefault(c, c) : c);
        return new LocalizedText(string.Join("或", zh), string.Join(" or ", group.Codes));
    }

    /// <summary>The straight-line figure beside a network share, for messages; empty when the share is by straight line anyway.</summary>
    public static LocalizedText StraightLineNote(bool network, double straight) => network
        ? new LocalizedText($"；直线距离下为 {straight * 100:0.0} %", $" ({straight * 100:0.0} % by straight line)")
        : LocalizedText.Empty;

    public static LocalizedText MethodText(bool network) => network
        ? new LocalizedText("沿道路网络的步行距离", "walking distance along the roads")
        : new LocalizedText("直线距离", "straight-line distance");

    /// <summary>The geometries of some features as one (multi)geometry, or null when there are none.</summary>
    public static Geometry? Collect(IEnumerable<Feature> features)
    {
        var geometries = features.Select(f => f.Geometry).OfType<Geometry>().ToList();
        return geometries.Count == 0 ? null : GeometryServices.Factory.BuildGeometry(geometries);
    }
}
