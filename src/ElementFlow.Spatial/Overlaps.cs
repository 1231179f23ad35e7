using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using NetTopologySuite.Operation.Overlay;
using NetTopologySuite.Operation.OverlayNG;
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
    public static IReadOnlyList<OverlapPair> Find(IReadOnlyList<Feature> a, FeatureIndex b, bool self)
    {
        var found = new ConcurrentBag<OverlapPair>();

        // Within one set each pair is reported once, by position: ordinals repeat when the set spans several plans.
        Dictionary<Feature, int>? position = null;
        if (self)
        {
            position = new Dictionary<Feature, int>(ReferenceEqualityComparer.Instance);
            for (var i = 0; i < a.Count; i++) position[a[i]] = i;
        }

        Parallel.ForEach(a, feature =>
        {
            if (!feature.Geometry.IsPolygonal() || feature.Geometry!.IsEmpty) return;
            var geometry = feature.Geometry!;
            var candidates = b.Candidates(geometry.EnvelopeInternal);
            if (candidates.Count == 0) return;
            var interiorsMeet = FeatureIndex.InteriorsIntersectTest(geometry, candidates.Count);
            foreach (var other in candidates)
            {
                if (position is not null && (!position.TryGetValue(other, out var j) || j <= position[feature])) continue;
                if (!other.Geometry.IsPolygonal() || !InteriorsMeet(interiorsMeet, other.Geometry!)) continue;
                var shared = Intersection(geometry, other.Geometry!);
                if (shared.Area > 0) found.Add(new OverlapPair(feature, other, shared.Area, shared));
            }
        });
        return found.OrderBy(p => p.A.Ordinal).ThenBy(p => p.B.Ordinal).ToList();
    }

    /// <summary>Invalid input can make the relate computation fail; then let the overlay decide.</summary>
    private static bool InteriorsMeet(Func<Geometry, bool> test, Geometry other)
    {
        try
        {
            return test(other);
        }
        catch (Exception e) when (e is TopologyException or ArgumentException or InvalidOperationException)
        {
            return true;
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
            // Cascaded union (OverlayNG through the factory) is several times faster than one robust union of all.
            return UnaryUnionOp.Union(geometries);
        }
        catch (TopologyException)
        {
            return OverlayNGRobust.Union(geometries.Select(g => GeometryFixer.Fix(g)), GeometryServices.Factory);
        }
    }
}
