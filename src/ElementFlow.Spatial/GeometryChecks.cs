using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Operation.Valid;

namespace ElementFlow.Spatial;

/// <summary>Why a feature's geometry cannot be used as it is.</summary>
/// <param name="Code">missing | empty | invalid | wrong-type | non-finite.</param>
/// <param name="Detail">A human explanation (the OGC validity error and where).</param>
/// <param name="Location">Where the problem is: the error point when known, else the geometry.</param>
public sealed record GeometryProblem(string Code, string Detail, Geometry? Location);

/// <summary>Validity, emptiness and type checks for features of a role.</summary>
public static class GeometryChecks
{
    public static GeometryProblem? Problem(Geometry? geometry, GeometryKinds expected)
    {
        if (geometry is null) return new("missing", "no geometry", null);
        if (geometry.IsEmpty) return new("empty", "empty geometry", null);
        var kind = KindOf(geometry);

        // A collection passes only when every part is of a kind the role allows: a point hidden in a red-line collection is as wrong as a bare one.
        if ((kind & expected) == 0 || (kind & ~expected) != 0)
        {
            return new("wrong-type", $"{expected} expected, got {geometry.GeometryType}", geometry);
        }

        var error = new IsValidOp(geometry).ValidationError;
        if (error is null) return null;
        var at = error.Coordinate is { } c ? geometry.Factory.CreatePoint(c) : geometry;
        var where = error.Coordinate is { } p ? FormattableString.Invariant($" at ({p.X:0.###} {p.Y:0.###})") : "";
        return new("invalid", error.Message + where, at);
    }

    public static GeometryKinds KindOf(Geometry geometry) => geometry switch
    {
        Point or MultiPoint => GeometryKinds.Point,
        LineString or MultiLineString => GeometryKinds.Line,
        Polygon or MultiPolygon => GeometryKinds.Polygon,
        GeometryCollection gc => Enumerable.Range(0, gc.NumGeometries)
            .Aggregate(GeometryKinds.None, (k, i) => k | KindOf(gc.GetGeometryN(i))),
        _ => GeometryKinds.None,
    };
}
