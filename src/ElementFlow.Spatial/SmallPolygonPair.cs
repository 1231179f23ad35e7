using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// Decides whether the interiors of two small valid polygons without holes meet, with exact orientation
/// tests only, when their boundaries meet nowhere but at common vertices, along common edges or by crossing.
/// That is how neighbouring parcels meet: around each defect of a land-use layer the overlap search asks
/// this of every neighbour pair (135,000 pairs on the 0.5 %-defective plan of a million parcels), and
/// RelateNG, which handles every configuration, spends some 20 µs on each.
/// </summary>
/// <remarks>
/// The argument: two boundary edges crossing properly means the interiors meet. Otherwise, once it is known
/// that no vertex of one lies inside an edge of the other and no two edges overlap in part, every edge of
/// one polygon either is an edge of the other or has its open segment wholly inside or wholly outside the
/// other, which one of its ends tells (a point-in-ring test at an end that is not a common vertex, or the
/// edge's direction against the corner at a common vertex). An edge inside means the interiors meet. If no
/// edge of either lies inside the other, neither boundary enters the other's interior; as each interior is
/// connected, the interiors are then either apart or equal, and equal only when every edge is common.
/// A multipolygon of a few parts (a repaired bow-tie) is decided part by part. Anything else (a vertex on an
/// edge, a partial overlap, a spike, holes, more than <see cref="MaxVertices"/> vertices) is left
/// undecided, and the caller asks RelateNG. Nothing is allocated: a million-parcel check asks this
/// some 150,000 times, and garbage there costs collections of a heap of millions of geometries.
/// </remarks>
internal static class SmallPolygonPair
{
    /// <summary>Above this many vertices the pairwise edge test costs more than RelateNG's indexed one.</summary>
    private const int MaxVertices = 32;

    /// <summary>Above this many parts (a repaired bow-tie has two) a multipolygon is left to RelateNG.</summary>
    private const int MaxParts = 4;

    /// <summary>True or false when decided, null when the caller must ask RelateNG. Both geometries must be valid.</summary>
    public static bool? InteriorsMeet(Geometry a, Geometry b)
    {
        if (a is Polygon pa && b is Polygon pb) return InteriorsMeet(pa, pb);
        if (a is not (Polygon or MultiPolygon) || b is not (Polygon or MultiPolygon) || a.NumGeometries > MaxParts || b.NumGeometries > MaxParts) return null;

        // Parts of a valid multipolygon do not overlap, so the pair meets when some pair of parts does.
        var undecided = false;
        for (var i = 0; i < a.NumGeometries; i++)
        {
            var partA = (Polygon)a.GetGeometryN(i);
            for (var j = 0; j < b.NumGeometries; j++)
            {
                var partB = (Polygon)b.GetGeometryN(j);
                if (!partA.EnvelopeInternal.Intersects(partB.EnvelopeInternal)) continue;
                switch (InteriorsMeet(partA, partB))
                {
                    case true: return true;
                    case null: undecided = true; break;
                }
            }
        }

        return undecided ? null : false;
    }

    private static bool? InteriorsMeet(Polygon pa, Polygon pb)
    {
        if (pa.NumInteriorRings > 0 || pb.NumInteriorRings > 0) return null;
        Span<double> ax = stackalloc double[MaxVertices], ay = stackalloc double[MaxVertices];
        Span<double> bx = stackalloc double[MaxVertices], by = stackalloc double[MaxVertices];
        var ringA = pa.ExteriorRing.CoordinateSequence;
        var ringB = pb.ExteriorRing.CoordinateSequence;
        var n = Load(ringA, ax, ay);
        var m = Load(ringB, bx, by);
        if (n < 3 || m < 3) return null;

        Span<bool> commonA = stackalloc bool[MaxVertices], commonB = stackalloc bool[MaxVertices];
        for (var i = 0; i < n; i++)
        {
            int i2 = (i + 1) % n;
            for (var j = 0; j < m; j++)
            {
                int j2 = (j + 1) % m;
                switch (Meet(ax[i], ay[i], ax[i2], ay[i2], bx[j], by[j], bx[j2], by[j2]))
                {
                    case Contact.Cross or Contact.SameWay: return true;
                    case Contact.Undecided: return null;
                    case Contact.Common:
                        commonA[i] = true;
                        commonB[j] = true;
                        break;
                }
            }
        }

        var inside = AnyEdgeInside(bx[..m], by[..m], commonB[..m], ax[..n], ay[..n]);
        if (inside != false) return inside;
        inside = AnyEdgeInside(ax[..n], ay[..n], commonA[..n], bx[..m], by[..m]);
        if (inside != false) return inside;
        return !commonA[..n].Contains(false) && !commonB[..m].Contains(false);
    }

    /// <summary>The ring's distinct vertices (<see cref="RingVertices"/>), counter-clockwise; -1 when it cannot be loaded.</summary>
    private static int Load(CoordinateSequence ring, Span<double> xs, Span<double> ys)
    {
        var n = RingVertices.Load(ring, xs, ys);
        if (n >= 3 && !IsCounterClockwise(xs[..n], ys[..n], ring))
        {
            xs[..n].Reverse();
            ys[..n].Reverse();
        }

        return n;
    }

    /// <summary>
    /// The ring's orientation by its signed area, taken about its first vertex so the products stay small;
    /// only when the area is too small for its sign to be sure (a sliver) by NTS's exact test.
    /// </summary>
    private static bool IsCounterClockwise(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, CoordinateSequence ring)
    {
        double x0 = xs[0], y0 = ys[0], twiceArea = 0, extent = 0;
        for (var i = 1; i < xs.Length - 1; i++)
        {
            double ux = xs[i] - x0, uy = ys[i] - y0, vx = xs[i + 1] - x0, vy = ys[i + 1] - y0;
            twiceArea += ux * vy - vx * uy;
            extent = Math.Max(extent, Math.Max(Math.Abs(ux), Math.Abs(uy)));
        }

        extent = Math.Max(extent, Math.Max(Math.Abs(xs[^1] - x0), Math.Abs(ys[^1] - y0)));
        if (Math.Abs(twiceArea) > 1e-9 * extent * extent * xs.Length) return twiceArea > 0;
        return Orientation.IsCCW(ring);
    }

    private enum Contact { Apart, AtVertex, Common, SameWay, Cross, Undecided }

    /// <summary>How two edges of counter-clockwise rings meet, exactly.</summary>
    private static Contact Meet(double p1x, double p1y, double p2x, double p2y, double q1x, double q1y, double q2x, double q2y)
    {
        if (Math.Max(p1x, p2x) < Math.Min(q1x, q2x) || Math.Max(q1x, q2x) < Math.Min(p1x, p2x) ||
            Math.Max(p1y, p2y) < Math.Min(q1y, q2y) || Math.Max(q1y, q2y) < Math.Min(p1y, p2y))
        {
            return Contact.Apart;
        }

        var o1 = CGAlgorithmsDD.OrientationIndex(p1x, p1y, p2x, p2y, q1x, q1y);
        var o2 = CGAlgorithmsDD.OrientationIndex(p1x, p1y, p2x, p2y, q2x, q2y);
        if (o1 * o2 > 0) return Contact.Apart;
        var o3 = CGAlgorithmsDD.OrientationIndex(q1x, q1y, q2x, q2y, p1x, p1y);
        var o4 = CGAlgorithmsDD.OrientationIndex(q1x, q1y, q2x, q2y, p2x, p2y);
        if (o3 * o4 > 0) return Contact.Apart;
        if (o1 * o2 < 0 && o3 * o4 < 0) return Contact.Cross;

        // They touch: an end lying on the other edge must be one of its ends, or this is a T (undecided here).
        if ((o1 == 0 && !OnlyAtEnd(q1x, q1y, p1x, p1y, p2x, p2y))
            || (o2 == 0 && !OnlyAtEnd(q2x, q2y, p1x, p1y, p2x, p2y))
            || (o3 == 0 && !OnlyAtEnd(p1x, p1y, q1x, q1y, q2x, q2y))
            || (o4 == 0 && !OnlyAtEnd(p2x, p2y, q1x, q1y, q2x, q2y)))
        {
            return Contact.Undecided;
        }

        if (o1 == 0 && o2 == 0)
        {
            // On one line, meeting only at ends: the same edge run both ways (interiors on either side), the
            // same edge run the same way (interiors on one side: they overlap), or one common end.
            if (p1x == q2x && p1y == q2y && p2x == q1x && p2y == q1y) return Contact.Common;
            if (p1x == q1x && p1y == q1y && p2x == q2x && p2y == q2y) return Contact.SameWay;
        }

        return Contact.AtVertex;
    }

    /// <summary>For a point on the line through an edge: false when it lies inside the edge, not at an end; true otherwise.</summary>
    private static bool OnlyAtEnd(double x, double y, double x1, double y1, double x2, double y2)
    {
        var within = x >= Math.Min(x1, x2) && x <= Math.Max(x1, x2) && y >= Math.Min(y1, y2) && y <= Math.Max(y1, y2);
        return !within || (x == x1 && y == y1) || (x == x2 && y == y2);
    }

    /// <summary>Whether an edge of the first ring, other than its common ones, lies inside the second; null when undecided.</summary>
    private static bool? AnyEdgeInside(ReadOnlySpan<double> xs, ReadOnlySpan<double> ys, ReadOnlySpan<bool> common, ReadOnlySpan<double> ox, ReadOnlySpan<double> oy)
    {
        var n = xs.Length;
        for (var k = 0; k < n; k++)
        {
            if (common[k]) continue;
            int k2 = (k + 1) % n;
            var inside = EdgeInside(xs[k], ys[k], xs[k2], ys[k2], ox, oy);
            if (inside != false) return inside;
        }

        return false;
    }

    /// <summary>Whether the open edge (x1, y1)–(x2, y2), which meets the other ring only at its vertices, runs inside it.</summary>
    private static bool? EdgeInside(double x1, double y1, double x2, double y2, ReadOnlySpan<double> ox, ReadOnlySpan<double> oy)
    {
        var at1 = IndexOf(x1, y1, ox, oy);
        if (at1 < 0) return Locate(x1, y1, ox, oy);
        var at2 = IndexOf(x2, y2, ox, oy);
        if (at2 < 0) return Locate(x2, y2, ox, oy);
        return IntoCorner(at1, x2, y2, ox, oy);
    }

    /// <summary>
    /// A point off the ring is inside or outside it; on it (which the edge tests exclude) is undecided. The
    /// crossing count of NTS's RayCrossingCounter, with its exact orientation test, on the loaded vertices.
    /// </summary>
    private static bool? Locate(double x, double y, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var crossings = 0;
        var n = xs.Length;
        for (var i = 0; i < n; i++)
        {
            double x1 = xs[i], y1 = ys[i], x2 = xs[(i + 1) % n], y2 = ys[(i + 1) % n];
            if (x1 < x && x2 < x) continue;
            if (x == x2 && y == y2) return null;
            if (y1 == y && y2 == y)
            {
                if (x >= Math.Min(x1, x2) && x <= Math.Max(x1, x2)) return null;
                continue;
            }

            if ((y1 > y && y2 <= y) || (y2 > y && y1 <= y))
            {
                var side = CGAlgorithmsDD.OrientationIndex(x1, y1, x2, y2, x, y);
                if (side == 0) return null;
                if (y2 < y1) side = -side;
                if (side > 0) crossings++;
            }
        }

        return crossings % 2 == 1;
    }

    private static int IndexOf(double x, double y, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        for (var i = 0; i < xs.Length; i++)
        {
            if (xs[i] == x && ys[i] == y) return i;
        }

        return -1;
    }

    /// <summary>
    /// Whether the direction from vertex <paramref name="at"/> of a counter-clockwise ring towards (x, y) points
    /// into the ring's interior: between the edge leaving the vertex and the edge arriving, turning left.
    /// </summary>
    private static bool? IntoCorner(int at, double x, double y, ReadOnlySpan<double> xs, ReadOnlySpan<double> ys)
    {
        var n = xs.Length;
        double cx = xs[at], cy = ys[at];
        double nx = xs[(at + 1) % n], ny = ys[(at + 1) % n];
        double px = xs[(at + n - 1) % n], py = ys[(at + n - 1) % n];
        var leftOfNext = CGAlgorithmsDD.OrientationIndex(cx, cy, nx, ny, x, y);
        var leftOfPrev = CGAlgorithmsDD.OrientationIndex(cx, cy, px, py, x, y);

        // Along either edge of the corner would be an overlap of edges, which the edge tests classify first.
        if (leftOfNext == 0 || leftOfPrev == 0) return null;
        switch (CGAlgorithmsDD.OrientationIndex(cx, cy, nx, ny, px, py))
        {
            case > 0: return leftOfNext > 0 && leftOfPrev < 0; // convex corner
            case < 0: return leftOfNext > 0 || leftOfPrev < 0; // reflex corner
            default:
                // The edges run on in one line: a straight corner (its interior is the left half-plane), or
                // back over each other (a spike, never valid). The products cannot cancel: both vectors lie on one line.
                var straight = (nx - cx) * (px - cx) + (ny - cy) * (py - cy) < 0;
                return straight ? leftOfNext > 0 : null;
        }
    }
}
