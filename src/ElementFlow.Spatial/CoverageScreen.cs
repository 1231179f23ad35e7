using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// Clears the polygons of a layer whose edges all match, by matching edges: in a clean coverage (a land-use
/// layer) every edge of an inner parcel is shared with exactly one neighbour, which runs it the other way
/// round. A polygon all of whose edges are shared like that is cleared; every other polygon (an edge on the
/// layer's outer rim, a crossing, an edge inside a neighbour, a duplicate) stays a suspect.
/// </summary>
/// <remarks>
/// What a cleared edge guarantees: crossing it, one polygon gives way to its neighbour and nothing else
/// changes, so the number of polygons over a point changes only across the edges of suspects. Hence a gap
/// (covered by none) is bounded by suspects' edges alone, and an area covered twice has suspects on its rim;
/// but two cleared polygons can still overlap inside such an area, where a second subdivision lies over the
/// first with crossing edges. Overlaps.Find therefore tests every pair with a suspect member and then
/// walks from the pairs found across cleared edges. This is the segment-matching idea of JTS's coverage
/// validator, done once for the whole layer instead of once per polygon and its neighbours. Coordinates
/// must be equal exactly to match, so rounding only makes more suspects, never fewer.
/// </remarks>
public static class CoverageScreen
{
    /// <summary>One directed edge of a ring, with its end points in canonical order and its owner.</summary>
    private readonly record struct Edge(double X1, double Y1, double X2, double Y2, int Owner, bool Forward) : IComparable<Edge>
    {
        public int CompareTo(Edge other)
        {
            var c = X1.CompareTo(other.X1);
            if (c != 0) return c;
            c = Y1.CompareTo(other.Y1);
            if (c != 0) return c;
            c = X2.CompareTo(other.X2);
            return c != 0 ? c : Y2.CompareTo(other.Y2);
        }

        public bool SameSegment(Edge other) => X1 == other.X1 && Y1 == other.Y1 && X2 == other.X2 && Y2 == other.Y2;
    }

    /// <summary>For each geometry, true when it may overlap another one of the list; non-polygons and empties are never cleared.</summary>
    /// <param name="frame">
    /// The area the geometries should fill (a plan boundary), or null: its rings take part in the matching
    /// turned inside out, so a polygon on the rim whose outer edges run exactly along the frame is cleared
    /// too. The frame itself is never reported.
    /// </param>
    public static bool[] Suspects(IReadOnlyList<Geometry?> geometries, Geometry? frame = null)
    {
        var suspect = new bool[geometries.Count + 1];

        // Sized up front: at a million parcels the edges take some 300 MB, and a growing list would double that.
        var edges = new List<Edge>(geometries.Sum(g => g is { IsEmpty: false } && g.IsPolygonal() ? g.NumPoints : 0));
        for (var i = 0; i < geometries.Count; i++)
        {
            if (geometries[i] is not { IsEmpty: false } g || !g.IsPolygonal())
            {
                suspect[i] = true;
                continue;
            }

            for (var p = 0; p < g.NumGeometries; p++)
            {
                var polygon = (Polygon)g.GetGeometryN(p);
                AddRing(edges, polygon.ExteriorRing.CoordinateSequence, i, shell: true, suspect);
                foreach (var hole in polygon.InteriorRings) AddRing(edges, hole.CoordinateSequence, i, shell: false, suspect);
            }
        }

        if (frame is { IsEmpty: false } && frame.IsPolygonal())
        {
            for (var p = 0; p < frame.NumGeometries; p++)
            {
                var polygon = (Polygon)frame.GetGeometryN(p);
                AddRing(edges, polygon.ExteriorRing.CoordinateSequence, geometries.Count, shell: false, suspect);
                foreach (var hole in polygon.InteriorRings) AddRing(edges, hole.CoordinateSequence, geometries.Count, shell: true, suspect);
            }
        }

        var sorted = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(edges);
        sorted.Sort();

        // A run of equal segments is a clean match only when it is exactly two edges, running opposite ways.
        for (var start = 0; start < sorted.Length;)
        {
            var end = start + 1;
            while (end < sorted.Length && sorted[end].SameSegment(sorted[start])) end++;
            var clean = end - start == 2 && sorted[start].Forward != sorted[start + 1].Forward && sorted[start].Owner != sorted[start + 1].Owner;
            if (!clean)
            {
                for (var k = start; k < end; k++) suspect[sorted[k].Owner] = true;
            }

            start = end;
        }

        return suspect[..geometries.Count];
    }

    /// <summary>Adds a ring's edges with the polygon's interior on their left (shells counter-clockwise, holes clockwise).</summary>
    private static void AddRing(List<Edge> edges, CoordinateSequence ring, int owner, bool shell, bool[] suspect)
    {
        if (ring.Count < 4)
        {
            suspect[owner] = true;
            return;
        }

        var flip = Orientation.IsCCW(ring) != shell;
        for (var k = 0; k < ring.Count - 1; k++)
        {
            double x1 = ring.GetX(k), y1 = ring.GetY(k), x2 = ring.GetX(k + 1), y2 = ring.GetY(k + 1);
            if (x1 == x2 && y1 == y2) continue;
            if (flip) (x1, y1, x2, y2) = (x2, y2, x1, y1);
            var forward = x1 < x2 || (x1 == x2 && y1 < y2);
            edges.Add(forward ? new Edge(x1, y1, x2, y2, owner, true) : new Edge(x2, y2, x1, y1, owner, false));
        }
    }
}
