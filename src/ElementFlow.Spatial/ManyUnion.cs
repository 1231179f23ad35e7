using NetTopologySuite.Geometries;
using NetTopologySuite.Utilities;
using NtsCoverageUnion = NetTopologySuite.Operation.OverlayNG.CoverageUnion;

namespace ElementFlow.Spatial;

/// <summary>
/// The union of many polygons, fast when they form a coverage (land-use parcels, zoning blocks): groups
/// of neighbouring polygons are merged with <c>CoverageUnion</c>, which only drops shared edges, and the
/// group results merged the same way. A group that is not a clean coverage (overlaps, edges that do not
/// match) is detected and merged with the general cascaded union instead, so the result is always the
/// true union; a coverage with a few defects costs only the groups that hold them.
/// </summary>
public static class ManyUnion
{
    /// <summary>Below this many polygons they are merged in one piece, not in groups.</summary>
    public const int Threshold = 1024;

    /// <summary>Polygons per group, about.</summary>
    private const int GroupSize = 256;

    public static Geometry Union(IReadOnlyList<Geometry> polygons) => Union(polygons, Threshold, GroupSize);

    /// <param name="threshold">From how many polygons on to group them.</param>
    /// <param name="groupSize">About how many polygons a group holds (tests use small coverages and groups).</param>
    internal static Geometry Union(IReadOnlyList<Geometry> polygons, int threshold, int groupSize)
    {
        // A few large polygons (a plan's zoning blocks, thousands of vertices each) are still a coverage: merged by
        // dropping shared edges they cost far less than the overlay cascade.
        if (polygons.Count < threshold) return CoverageOrCascaded(polygons);

        // Merge level by level, a few neighbouring results at a time: a defect (an overlap across two
        // groups) then sends only its small block of results to the general union, not all of them.
        var level = polygons;
        var size = groupSize;
        while (level.Count > FanIn)
        {
            var groups = Groups(level, size);
            var merged = new Geometry[groups.Count];
            Parallel.For(0, groups.Count, i => merged[i] = CoverageOrCascaded(groups[i]));
            level = merged.Where(g => !g.IsEmpty).ToList();
            size = FanIn;
        }

        return level.Count == 1 ? level[0] : CoverageOrCascaded(level);
    }

    /// <summary>Results merged at once on the levels above the first.</summary>
    private const int FanIn = 8;

    /// <summary>Groups polygons by the tile their envelope centre falls in, so that each group is compact.</summary>
    private static List<List<Geometry>> Groups(IReadOnlyList<Geometry> polygons, int groupSize)
    {
        var extent = new Envelope();
        foreach (var p in polygons) extent.ExpandToInclude(p.EnvelopeInternal);
        var side = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(polygons.Count / (double)groupSize)));
        var width = Math.Max(extent.Width, double.Epsilon) / side;
        var height = Math.Max(extent.Height, double.Epsilon) / side;
        var groups = new Dictionary<int, List<Geometry>>();
        foreach (var p in polygons)
        {
            var centre = p.EnvelopeInternal.Centre;
            var column = Math.Min(side - 1, (int)((centre.X - extent.MinX) / width));
            var row = Math.Min(side - 1, (int)((centre.Y - extent.MinY) / height));
            var key = row * side + column;
            if (!groups.TryGetValue(key, out var list)) groups[key] = list = [];
            list.Add(p);
        }

        return groups.OrderBy(g => g.Key).Select(g => g.Value).ToList();
    }

    /// <summary>The union of a few polygons: as a coverage when they are one (no overlap), else cascaded.</summary>
    internal static Geometry CoverageOrCascaded(IReadOnlyList<Geometry> polygons) =>
        polygons.Count < 2 ? Overlaps.Union(polygons) : TryCoverageUnion(polygons) ?? Overlaps.Union(polygons);

    /// <summary>
    /// The coverage union when it is provably the union: polygonal, valid, and with the area of the parts
    /// added up (any overlap makes the union smaller than the sum). Null otherwise.
    /// </summary>
    internal static Geometry? TryCoverageUnion(IReadOnlyList<Geometry> polygons)
    {
        var parts = new List<Polygon>(polygons.Count);
        var sum = 0.0;
        foreach (var g in polygons)
        {
            for (var i = 0; i < g.NumGeometries; i++)
            {
                if (g.GetGeometryN(i) is not Polygon p) return null;
                if (p.IsEmpty) continue;
                parts.Add(p);
                sum += p.Area;
            }
        }

        Geometry result;
        try
        {
            result = NtsCoverageUnion.Union(GeometryServices.Factory.CreateMultiPolygon(parts.ToArray()));
        }
        catch (Exception e) when (e is TopologyException or AssertionFailedException or ArgumentException or InvalidOperationException)
        {
            // Edges that do not match make the ring builder give up (an assertion in NTS): not a clean coverage.
            return null;
        }

        // Rounding in the shoelace sums stays far below a millimetre square per part.
        var tolerance = 1e-6 + 1e-12 * sum + 1e-9 * parts.Count;
        if (!result.IsPolygonal() || Math.Abs(result.Area - sum) > tolerance || !result.IsValid) return null;
        return result;
    }
}
