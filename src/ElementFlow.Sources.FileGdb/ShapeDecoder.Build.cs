using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb;

/// <summary>Parts to NTS geometries: one part a line or polygon, several a multi-geometry.</summary>
internal sealed partial class ShapeDecoder
{
    private Geometry Lineal(List<Coordinate[]> parts)
    {
        if (parts.Count == 0) return factory.CreateLineString();

        // A one-point part is kept as a zero-length line, so that the validity check names it.
        var lines = parts.Select(p => factory.CreateLineString(p.Length == 1 ? [p[0], p[0].Copy()] : p)).ToArray();
        return lines.Length == 1 ? lines[0] : factory.CreateMultiLineString(lines);
    }

    /// <summary>
    /// Esri rings: outer rings clockwise, holes counter-clockwise, in any order. Each hole goes to the
    /// smallest outer ring that holds it; a hole no outer ring holds, or rings all of one orientation, stand as
    /// polygons of their own, so nothing is dropped.
    /// </summary>
    private Geometry Polygonal(List<Coordinate[]> parts)
    {
        if (parts.Count == 0) return factory.CreatePolygon();
        var rings = parts.Select(Ring).ToList();
        if (rings.Count == 1) return factory.CreatePolygon(rings[0]);

        var shells = new List<LinearRing>();
        var holes = new List<LinearRing>();
        foreach (var ring in rings)
        {
            if (Orientation.IsCCW(ring.CoordinateSequence)) holes.Add(ring);
            else shells.Add(ring);
        }

        if (shells.Count == 0) return factory.CreateMultiPolygon(rings.Select(r => factory.CreatePolygon(r)).ToArray());

        var holesOf = shells.Select(_ => new List<LinearRing>()).ToList();
        foreach (var hole in holes)
        {
            var owner = shells.Count == 1 ? 0 : Owner(shells, hole);
            if (owner < 0) shells.Add(hole);
            if (owner < 0) holesOf.Add([]);
            else holesOf[owner].Add(hole);
        }

        var polygons = shells.Select((s, i) => factory.CreatePolygon(s, [.. holesOf[i]])).ToArray();
        return polygons.Length == 1 ? polygons[0] : factory.CreateMultiPolygon(polygons);
    }

    private static int Owner(List<LinearRing> shells, LinearRing hole)
    {
        var box = hole.EnvelopeInternal;
        var best = -1;
        var bestArea = double.MaxValue;
        for (var i = 0; i < shells.Count; i++)
        {
            var shell = shells[i];
            if (!shell.EnvelopeInternal.Contains(box)) continue;
            var coordinates = shell.Coordinates;
            var inside = hole.Coordinates.Any(c => PointLocation.LocateInRing(c, coordinates) == Location.Interior)
                || PointLocation.IsInRing(hole.Coordinates[0], coordinates);
            var area = shell.EnvelopeInternal.Area;
            if (inside && area < bestArea)
            {
                best = i;
                bestArea = area;
            }
        }

        return best;
    }

    /// <summary>A ring as stored, closed when the last point is missing and padded when too short, so the validity check can name it.</summary>
    private LinearRing Ring(Coordinate[] points)
    {
        if (points.Length > 0 && !points[0].Equals2D(points[^1])) points = [.. points, points[0].Copy()];
        while (points.Length is > 0 and < 4) points = [.. points, points[0].Copy()];
        return factory.CreateLinearRing(points);
    }
}
