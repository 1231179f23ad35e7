using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Utilities;
using ElementFlow.Core.Text;
using NetTopologySuite.Operation.Valid;

namespace ElementFlow.Spatial;

/// <summary>Why a feature's geometry cannot be used as it is.</summary>
/// <param name="Code">missing | empty | invalid | wrong-type | non-finite.</param>
/// <param name="Detail">A human explanation (the OGC validity error and where).</param>
/// <param name="Location">Where the problem is: the self-intersection point, the offending ring (a hole outside its shell, nested shells), else the geometry.</param>
public sealed record GeometryProblem(string Code, string Detail, Geometry? Location)
{
    /// <summary>The problem for people, in both languages ("invalid: Self-intersection at (x y)" / "无效：自相交，位于 (x y)").</summary>
    public LocalizedText Text { get; init; } = LocalizedText.Same($"{Code}: {Detail}");
}

/// <summary>Validity, emptiness and type checks for features of a role.</summary>
public static class GeometryChecks
{
    /// <summary>Every problem of a geometry, validity included.</summary>
    public static GeometryProblem? Problem(Geometry? geometry, GeometryKinds expected) =>
        Shape(geometry, expected) ?? Validity(geometry!);

    /// <summary>Missing, empty or of a kind the role does not allow; validity is not looked at.</summary>
    public static GeometryProblem? Shape(Geometry? geometry, GeometryKinds expected)
    {
        if (geometry is null) return new("missing", "no geometry", null) { Text = new("缺失：没有几何图形", "missing: no geometry") };
        if (geometry.IsEmpty) return new("empty", "empty geometry", null) { Text = new("为空：几何图形为空", "empty: empty geometry") };
        var kind = KindOf(geometry);

        // A collection passes only when every part is of a kind the role allows: a point hidden in a red-line collection is as wrong as a bare one.
        if ((kind & expected) == 0 || (kind & ~expected) != 0)
        {
            return new("wrong-type", $"{expected} expected, got {geometry.GeometryType}", geometry)
            {
                Text = new($"类型不符：应为{KindZh(expected)}，实为 {geometry.GeometryType}", $"wrong-type: {expected} expected, got {geometry.GeometryType}"),
            };
        }

        return null;
    }

    /// <summary>The OGC validity problem of a geometry of the right kind, located where it is.</summary>
    public static GeometryProblem? Validity(Geometry geometry)
    {
        if (SimpleRing.IsCertainlyValid(geometry)) return null;
        var error = new IsValidOp(geometry).ValidationError;
        if (error is null) return null;
        var where = error.Coordinate is { } p ? FormattableString.Invariant($" at ({p.X:0.###} {p.Y:0.###})") : "";
        var whereZh = error.Coordinate is { } q ? FormattableString.Invariant($"，位于 ({q.X:0.###} {q.Y:0.###})") : "";
        return new("invalid", error.Message + where, Locate(geometry, error)) { Text = new($"无效：{ErrorZh(error.ErrorType, error.Message)}{whereZh}", $"invalid: {error.Message}{where}") };
    }

    /// <summary>
    /// The geometry of a validity error: for a ring in the wrong place (a hole outside its shell, a hole
    /// inside another, a shell inside another) that ring; otherwise the point NTS names (a self-intersection,
    /// a ring touching itself); the whole geometry only when NTS names no point.
    /// </summary>
    private static Geometry Locate(Geometry geometry, TopologyValidationError error)
    {
        if (error.Coordinate is not { } at) return geometry;
        if (error.ErrorType is TopologyValidationErrors.HoleOutsideShell or TopologyValidationErrors.NestedHoles or TopologyValidationErrors.NestedShells)
        {
            var ring = Rings(geometry, error.ErrorType == TopologyValidationErrors.NestedShells)
                .FirstOrDefault(r => r.Coordinates.Any(c => c.Equals2D(at)));
            if (ring is not null) return geometry.Factory.CreateLineString(ring.CoordinateSequence.Copy());
        }

        return geometry.Factory.CreatePoint(at);
    }

    /// <summary>The holes of every polygon part, then (or, for nested shells, first) the shells.</summary>
    private static IEnumerable<LinearRing> Rings(Geometry geometry, bool shellsFirst)
    {
        var polygons = Enumerable.Range(0, geometry.NumGeometries).Select(geometry.GetGeometryN).OfType<Polygon>().ToList();
        var holes = polygons.SelectMany(p => p.Holes);
        var shells = polygons.Select(p => p.Shell);
        return shellsFirst ? shells.Concat(holes) : holes.Concat(shells);
    }

    /// <summary>The OGC validity errors NTS reports, in Chinese.</summary>
    private static string ErrorZh(TopologyValidationErrors type, string english) => type switch
    {
        TopologyValidationErrors.HoleOutsideShell => "内环位于外环之外",
        TopologyValidationErrors.NestedHoles => "内环嵌套",
        TopologyValidationErrors.DisconnectedInteriors => "内部不连通",
        TopologyValidationErrors.SelfIntersection => "自相交",
        TopologyValidationErrors.RingSelfIntersection => "环自相交",
        TopologyValidationErrors.NestedShells => "外环嵌套",
        TopologyValidationErrors.DuplicateRings => "环重复",
        TopologyValidationErrors.TooFewPoints => "不同的点过少",
        TopologyValidationErrors.InvalidCoordinate => "坐标无效",
        TopologyValidationErrors.RingNotClosed => "环未闭合",
        _ => english,
    };

    private static string KindZh(GeometryKinds kinds) => string.Join("或", new[]
    {
        (GeometryKinds.Point, "点"), (GeometryKinds.Line, "线"), (GeometryKinds.Polygon, "面"),
    }.Where(k => kinds.HasFlag(k.Item1)).Select(k => k.Item2));

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

/// <summary>
/// The one semantics of invalid geometry: a feature whose geometry is invalid is measured, by every rule,
/// as its repair (<see cref="GeometryFixer"/>, the MakeValid of JTS, as PostGIS users run ST_MakeValid),
/// keeping only the part of its role's geometry kind. Only DATA-003 looks at the geometry as submitted.
/// </summary>
public static class GeometryRepair
{
    /// <summary>The repaired geometry and the problem it had, or null when it can be measured as it is (valid, or missing, empty or of a wrong kind, which DATA-003 reports and measurements filter by kind).</summary>
    public static (Geometry Repaired, GeometryProblem Problem)? Repair(Geometry? geometry, GeometryKinds expected)
    {
        if (GeometryChecks.Shape(geometry, expected) is not null) return null;
        if (GeometryChecks.Validity(geometry!) is not { } problem) return null;
        return (Keep(GeometryFixer.Fix(geometry!, isKeepMulti: true), geometry!, expected), problem);
    }

    /// <summary>The part of a repair of the kinds a role allows: a bow-tie's repair is polygons, never its crossing point or a collapsed line.</summary>
    private static Geometry Keep(Geometry repaired, Geometry submitted, GeometryKinds expected)
    {
        var parts = Enumerable.Range(0, repaired.NumGeometries).Select(repaired.GetGeometryN)
            .SelectMany(g => g is GeometryCollection c and not (MultiPolygon or MultiLineString or MultiPoint) ? Enumerable.Range(0, c.NumGeometries).Select(c.GetGeometryN) : [g])
            .SelectMany(g => Enumerable.Range(0, g.NumGeometries).Select(g.GetGeometryN))
            .Where(g => !g.IsEmpty)
            .ToList();
        var factory = repaired.Factory;
        var kind = GeometryChecks.KindOf(submitted);
        if ((kind & GeometryKinds.Polygon) != 0 && (expected & GeometryKinds.Polygon) != 0)
        {
            var polygons = parts.OfType<Polygon>().ToArray();
            return polygons.Length == 1 && submitted is Polygon ? polygons[0] : factory.CreateMultiPolygon(polygons);
        }

        if ((kind & GeometryKinds.Line) != 0 && (expected & GeometryKinds.Line) != 0)
        {
            var lines = parts.OfType<LineString>().ToArray();
            return lines.Length == 1 && submitted is LineString ? lines[0] : factory.CreateMultiLineString(lines);
        }

        var points = parts.OfType<Point>().ToArray();
        return points.Length == 1 && submitted is Point ? points[0] : factory.CreateMultiPoint(points);
    }
}
