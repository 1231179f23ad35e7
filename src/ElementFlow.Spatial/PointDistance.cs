using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// The distance from a coordinate to a geometry without allocating (0 inside a polygon): the coverage
/// measurements call it a few million times, where building a Point and a DistanceOp each time dominated.
/// </summary>
public static class PointDistance
{
    public static double To(Geometry g, Coordinate c) => g switch
    {
        Point p => p.Coordinate.Distance(c),
        Polygon polygon => ToPolygon(polygon, c),
        LineString line => ToSegments(line.CoordinateSequence, c),
        GeometryCollection collection => Enumerable.Range(0, collection.NumGeometries).Min(i => To(collection.GetGeometryN(i), c)),
        _ => g.Distance(GeometryServices.Factory.CreatePoint(c)),
    };

    private static double ToPolygon(Polygon polygon, Coordinate c)
    {
        if (polygon.IsEmpty) return double.PositiveInfinity;
        var shell = polygon.Shell.CoordinateSequence;
        if (polygon.EnvelopeInternal.Contains(c) && RayCrossingCounter.LocatePointInRing(c, shell) != Location.Exterior)
        {
            // Inside the shell: outside the area only when strictly inside a hole.
            foreach (var hole in polygon.Holes)
            {
                if (RayCrossingCounter.LocatePointInRing(c, hole.CoordinateSequence) == Location.Interior) return ToSegments(hole.CoordinateSequence, c);
            }

            return 0;
        }

        return ToSegments(shell, c);
    }

    private static double ToSegments(CoordinateSequence sequence, Coordinate c)
    {
        var best = double.PositiveInfinity;
        for (var i = 1; i < sequence.Count; i++)
        {
            var d = DistanceComputer.PointToSegment(c, sequence.GetCoordinate(i - 1), sequence.GetCoordinate(i));
            if (d < best) best = d;
        }

        return sequence.Count == 1 ? sequence.GetCoordinate(0).Distance(c) : best;
    }
}
