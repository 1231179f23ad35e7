using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
using NetTopologySuite.Operation.RelateNG;
using NetTopologySuite.Operation.Union;

namespace ElementFlow.Spatial;

/// <summary>Two features whose interiors meet, with the exact shared area and its geometry.</summary>
public sealed record OverlapPair(Feature A, Feature B, double Area, Geometry Intersection);

/// <summary>
/// Finds overlapping pairs between two feature sets (or within one) from an index: candidate pairs by
/// envelope, an intersects test (prepared when one side meets many candidates), then the exact
/// intersection with OverlayNG. Work is spread over all cores; results come back in source order.
/// </summary>
public static class Overlaps
{
    /// <param name="a">The features to test.</param>
    /// <param name="b">The index of the features to test against; for a self-overlap, an index of <paramref name="a"/>.</param>
    /// <param name="self">True when <paramref name="b"/> indexes the same features: each pair is reported once.</param>
    /// <param name="cancellation">Stops the search between features.</param>
    public static IReadOnlyList<OverlapPair> Find(IReadOnlyList<Feature> a, FeatureIndex b, bool self, CancellationToken cancellation = default) =>
        Find(a, b, self, CoverageScreenThreshold, cancellation);

    /// <param name="screenFrom">From how many features on a self search screens them first (tests screen small sets).</param>
    internal static IReadOnlyList<OverlapPair> Find(IReadOnlyList<Feature> a, FeatureIndex b, bool self, int screenFrom, CancellationToken cancellation = default)
    {
        var found = new ConcurrentBag<OverlapPair>();

        // Within one set each pair is reported once, by position: ordinals repeat when the set spans several plans.
        Dictionary<Feature, int>? position = null;
        if (self)
        {
            position = new Dictionary<Feature, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < a.Count; i++) position[a[i]] = i;
        }

        // Within a large full-coverage layer almost every parcel only shares edges with its neighbours:
        // matching edges proves that far more cheaply than a relate per pair. Pairs with a suspect member
        // (CoverageScreen) get the exact tests below; pairs of two cleared parcels are reached from them
        // afterwards (Spread).
        var suspect = self && a.Count >= screenFrom ? CoverageScreen.Suspects(a.Select(f => f.Geometry).ToList()) : null;

        Parallel.For(0, a.Count, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var feature = a[i];
            if (suspect is not null && !suspect[i]) return;
            if (!feature.Geometry.IsPolygonal() || feature.Geometry!.IsEmpty) return;
            var candidates = b.Candidates(feature.Geometry.EnvelopeInternal);
            if (candidates.Count == 0) return;
            var relate = new Relation(feature.Geometry, candidates.Count);
            foreach (var other in candidates)
            {
                if (ReferenceEquals(other, feature) || !other.Geometry.IsPolygonal()) continue;
                var reversed = false;
                if (position is not null)
                {
                    if (!position.TryGetValue(other, out var j)) continue;

                    // Each pair once: from its first member, or from its only suspect member when the screen ran.
                    if (j <= i && (suspect is null || suspect[j])) continue;
                    reversed = j < i;
                }

                if (Measure(feature, other, relate, reversed, b) is { } pair) found.Add(pair);
            }
        });

        if (suspect is not null) Spread(a, b, position!, suspect, found, cancellation);
        return found.OrderBy(p => p.A.Ordinal).ThenBy(p => p.B.Ordinal).ToList();
    }

    /// <summary>
    /// Finds the overlapping pairs of two cleared polygons, which the screen lets through when a second
    /// subdivision lies over part of a layer (both clean inside, every edge matched, crossing each other).
    /// Across a cleared edge one polygon gives way to its neighbour and nothing else changes, so the number
    /// of polygons over a point changes only across unmatched edges. Walking through an area covered twice,
    /// from its rim (unmatched edges: every pair there has a suspect member, found above) inwards, each step
    /// across a cleared edge of P turns a pair (P, Z) into (the neighbour across it, Z). So every pair of
    /// cleared polygons is reached from a found pair by testing, for a found pair (X, Y) with Y cleared, the
    /// cleared candidates of X that meet Y's envelope, and so on from every new pair. On a layer whose
    /// defects do not stack (a parcel enlarged into its neighbours) almost nothing is tested here.
    /// </summary>
    private static void Spread(IReadOnlyList<Feature> a, FeatureIndex b, Dictionary<Feature, int> position, bool[] suspect, ConcurrentBag<OverlapPair> found, CancellationToken cancellation)
    {
        var tested = new HashSet<(int, int)>();
        var pending = new Queue<(Feature, Feature)>(found.Select(p => (p.A, p.B)));
        while (pending.TryDequeue(out var pair))
        {
            cancellation.ThrowIfCancellationRequested();
            foreach (var (from, to) in new[] { pair, (pair.Item2, pair.Item1) })
            {
                var t = position[to];
                if (suspect[t]) continue;
                var reach = to.Geometry!.EnvelopeInternal;
                foreach (var next in b.Candidates(from.Geometry!.EnvelopeInternal))
                {
                    if (!position.TryGetValue(next, out var n) || n == t || suspect[n] || !next.Geometry.IsPolygonal() || next.Geometry!.IsEmpty) continue;
                    if (!next.Geometry.EnvelopeInternal.Intersects(reach) || !tested.Add((Math.Min(n, t), Math.Max(n, t)))) continue;
                    var (first, second) = n < t ? (next, to) : (to, next);
                    if (Measure(first, second, new Relation(first.Geometry!, 1), reversed: false, b) is not { } more) continue;
                    found.Add(more);
                    pending.Enqueue((more.A, more.B));
                }
            }
        }
    }

    /// <summary>The overlap of one candidate pair, or null when their interiors do not meet; reversed reports it as (other, feature).</summary>
    private static OverlapPair? Measure(Feature feature, Feature other, Relation relate, bool reversed, FeatureIndex b)
    {
        var geometry = feature.Geometry!;

        // A container much larger than the feature (a zone around its parcels) is tested through its
        // own prepared geometry, built once for all the features it holds: apart is skipped, and
        // covering is the nested case with no relate at all.
        if (!reversed && other.Geometry!.NumPoints > LargerContainer * geometry.NumPoints)
        {
            var seen = ThroughContainer(b, other, geometry);
            if (seen == ContainerSays.Apart) return null;
            if (seen == ContainerSays.Covers) return geometry.Area > 0 ? new OverlapPair(feature, other, geometry.Area, geometry) : null;
        }

        // Neighbouring parcels (around a defect, most candidate pairs) are decided by their edges alone; the rest by RelateNG.
        if (SmallPolygonPair.InteriorsMeet(geometry, other.Geometry!) is { } meet ? !meet : !relate.Holds(other.Geometry!, InteriorsIntersect)) return null;

        // Most pairs nest (a parcel inside its zone): then the shared part is the smaller one, no overlay needed.
        // Nesting needs nested envelopes, so two neighbouring parcels skip both relates.
        var (mine, theirs) = (geometry.EnvelopeInternal, other.Geometry!.EnvelopeInternal);
        var shared = theirs.Covers(mine) && relate.Holds(other.Geometry!, Within) ? geometry
            : mine.Covers(theirs) && relate.Holds(other.Geometry!, Contains) ? other.Geometry!
            : reversed ? Intersection(other.Geometry!, geometry) : Intersection(geometry, other.Geometry!);
        if (shared.Area <= 0) return null;
        return reversed ? new OverlapPair(other, feature, shared.Area, shared) : new OverlapPair(feature, other, shared.Area, shared);
    }

    private enum ContainerSays { Apart, Covers, Unsure }

    /// <summary>What a large candidate's prepared geometry says of a feature; unsure when they touch or cross, or input is invalid.</summary>
    private static ContainerSays ThroughContainer(FeatureIndex index, Feature container, Geometry geometry)
    {
        try
        {
            var prepared = index.Prepared(container);
            if (!prepared.Intersects(geometry)) return ContainerSays.Apart;
            return prepared.Covers(geometry) ? ContainerSays.Covers : ContainerSays.Unsure;
        }
        catch (Exception e) when (e is TopologyException or ArgumentException or InvalidOperationException)
        {
            return ContainerSays.Unsure;
        }
    }

    /// <summary>How many times more vertices a candidate needs to be tested through its prepared geometry.</summary>
    private const int LargerContainer = 4;

    /// <summary>From this many features on, a self-overlap search screens the layer as a coverage first.</summary>
    public const int CoverageScreenThreshold = 256;

    /// <summary>DE-9IM patterns: interiors meet (overlap, not just touch); a within b; a contains b.</summary>
    private const string InteriorsIntersect = "T********";
    private const string Within = "T*F**F***";
    private const string Contains = "T*****FF*";

    /// <summary>
    /// Relate tests of one geometry against its candidates, prepared with RelateNG when there are many;
    /// preparing for one or two costs more than it saves.
    /// </summary>
    private sealed class Relation(Geometry geometry, int candidates)
    {
        // Prepared on first use, so a feature whose candidates are all skipped costs nothing.
        private RelateNG? _prepared;

        /// <summary>Invalid input can make the relate computation fail: then answer "interiors meet" and let the overlay decide.</summary>
        public bool Holds(Geometry other, string pattern)
        {
            try
            {
                return candidates > 4
                    ? (_prepared ??= RelateNG.Prepare(geometry)).Evaluate(other, pattern)
                    : RelateNG.Relate(geometry, other, pattern);
            }
            catch (Exception e) when (e is TopologyException or ArgumentException or InvalidOperationException)
            {
                return pattern == InteriorsIntersect;
            }
        }
    }

    /// <summary>The polygonal intersection; invalid input is repaired for the measurement only (DATA-003 reports it).</summary>
    public static Geometry Intersection(Geometry a, Geometry b)
    {
        try
        {
            return PolygonalParts.Of(OverlayNGRobust.Overlay(a, b, SpatialFunction.Intersection));
        }
        catch (TopologyException)
        {
            return PolygonalParts.Of(OverlayNGRobust.Overlay(GeometryFixer.Fix(a), GeometryFixer.Fix(b), SpatialFunction.Intersection));
        }
    }

    /// <summary>The polygonal difference a − b, with the same repair fallback.</summary>
    public static Geometry Difference(Geometry a, Geometry b)
    {
        try
        {
            return PolygonalParts.Of(OverlayNGRobust.Overlay(a, b, SpatialFunction.Difference));
        }
        catch (TopologyException)
        {
            return PolygonalParts.Of(OverlayNGRobust.Overlay(GeometryFixer.Fix(a), GeometryFixer.Fix(b), SpatialFunction.Difference));
        }
    }

    /// <summary>The union of polygonal geometries, repairing invalid members if the plain union fails.</summary>
    public static Geometry Union(IReadOnlyCollection<Geometry> geometries)
    {
        if (geometries.Count == 0) return GeometryServices.Factory.CreatePolygon();
        if (geometries.Count == 1) return geometries.First();
        try
        {
            // Large coverages go through ManyUnion (grouped coverage union); this is the general case: a cascaded
            // union whose pairwise step is robust OverlayNG, the overlay of every other measurement here and of
            // PostGIS's ST_Union. (UnaryUnionOp's own default step is the classic overlay with snapping.)
            return OverlayNGRobust.Union(geometries, GeometryServices.Factory);
        }
        catch (TopologyException)
        {
            return OverlayNGRobust.Union(geometries.Select(g => GeometryFixer.Fix(g)), GeometryServices.Factory);
        }
    }
}
