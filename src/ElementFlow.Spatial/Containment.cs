using System.Collections.Concurrent;
using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace ElementFlow.Spatial;

/// <summary>
/// What of a feature lies outside the union of another layer: <see cref="Area"/> for polygons,
/// <see cref="Length"/> for lines, <see cref="Distance"/> to the nearest container for points.
/// </summary>
public sealed record OutsidePart(Feature Feature, double Area, double Distance, Geometry Outside, int Part)
{
    public double Length { get; init; }
}

/// <summary>Measures what of each feature lies outside a containing layer, using the container's index.</summary>
public static class Containment
{
    /// <param name="features">The features that should be inside.</param>
    /// <param name="container">The index of the containing layer.</param>
    /// <param name="perPart">One result per separate outside part instead of one per feature.</param>
    /// <param name="cancellation">Stops the measurement between features.</param>
    public static IReadOnlyList<OutsidePart> Outside(IReadOnlyList<Feature> features, FeatureIndex container, bool perPart, CancellationToken cancellation = default)
    {
        var found = new ConcurrentBag<OutsidePart>();
        Parallel.ForEach(features, new ParallelOptions { CancellationToken = cancellation }, feature =>
        {
            if (feature.Geometry is not { IsEmpty: false } geometry) return;
            foreach (var part in Measure(feature, geometry, container, perPart)) found.Add(part);
        });
        return found.OrderBy(p => p.Feature.Ordinal).ThenBy(p => p.Part).ToList();
    }

    /// <summary>
    /// The union of many containers (a land-use layer under its plan boundary), at a cost that does not grow
    /// with their defects: the coverage screen, with the feature as the frame, clears every container whose
    /// edges all match a neighbour's or the frame's; those form a clean coverage and merge by coverage union
    /// alone, and only the suspects (defects, their neighbours, a rim that does not follow the frame) go
    /// through the general union, once, with the clean result. Without the screen a defect in most groups
    /// of the grouped union (0.5 % of parcels is one in most groups of 256) sent nearly all of them, and
    /// the levels above, to the general union.
    /// </summary>
    internal static Geometry ScreenedUnion(IReadOnlyList<Geometry> containers, Geometry frame)
    {
        if (containers.Count < ManyUnion.Threshold) return ManyUnion.Union(containers);
        var suspect = CoverageScreen.Suspects(containers, frame);
        var clean = new List<Geometry>(containers.Count);
        var rest = new List<Geometry>();
        for (var i = 0; i < containers.Count; i++) (suspect[i] ? rest : clean).Add(containers[i]);
        if (rest.Count == 0) return ManyUnion.Union(clean);
        var cleanUnion = ManyUnion.Union(clean);
        return Overlaps.Union([cleanUnion, Overlaps.Union(rest)]);
    }

    private static IEnumerable<OutsidePart> Measure(Feature feature, Geometry geometry, FeatureIndex container, bool perPart)
    {
        var containers = container.Candidates(geometry.EnvelopeInternal).Where(c => c.Geometry.IsPolygonal()).ToList();
        var candidates = containers.Select(c => c.Geometry!).ToList();

        if (geometry.IsPuntal())
        {
            // Points: inside when some container covers them; otherwise how far away they are.
            if (containers.Any(c => container.Prepared(c).Covers(geometry))) yield break;
            var distance = container.DistanceToNearestPolygon(geometry);
            yield return new OutsidePart(feature, 0, double.IsInfinity(distance) ? 0 : distance, geometry, 0);
            yield break;
        }

        if (!geometry.IsPolygonal())
        {
            // Lines: the length that runs outside the containers.
            if (candidates.Any(c => c.Covers(geometry))) yield break;
            var outsideLine = candidates.Count == 0 ? geometry : geometry.Difference(Overlaps.Union(candidates));
            if (outsideLine.Length > 0) yield return new OutsidePart(feature, 0, 0, outsideLine, 0) { Length = outsideLine.Length };
            yield break;
        }

        // The common case: one container covers the feature whole, decided by its cached prepared geometry.
        var envelope = geometry.EnvelopeInternal;
        foreach (var c in containers)
        {
            if (c.Geometry!.EnvelopeInternal.Covers(envelope) && container.Prepared(c).Covers(geometry)) yield break;
        }

        // Otherwise the feature less the union of the containers it meets; a large feature meeting many
        // containers (a plan boundary over its parcels) is prepared for the test.
        Func<Geometry, bool> meets = candidates.Count > 4 ? PreparedGeometryFactory.Prepare(geometry).Intersects : geometry.Intersects;
        var outside = candidates.Count == 0
            ? geometry
            : Overlaps.Difference(geometry, ScreenedUnion(candidates.Where(meets).ToList(), geometry));
        if (outside.IsEmpty || outside.Area <= 0) yield break;

        if (!perPart)
        {
            yield return new OutsidePart(feature, outside.Area, 0, outside, 0);
            yield break;
        }

        for (var i = 0; i < outside.NumGeometries; i++)
        {
            var piece = outside.GetGeometryN(i);
            if (piece.Area > 0) yield return new OutsidePart(feature, piece.Area, 0, piece, i + 1);
        }
    }
}
