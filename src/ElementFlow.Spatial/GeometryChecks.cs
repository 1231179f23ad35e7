using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using ElementFlow.Core.Text;
using NetTopologySuite.Operation.Valid;

namespace ElementFlow.Spatial;

/// <summary>Why a feature's geometry cannot be used as it is.</summary>
/// <param name="Code">missing | empty | invalid | wrong-type | non-finite.</param>
/// <param name="Detail">A human explanation (the OGC validity error and where).</param>
/// <param name="Location">Where the problem is: the error point when known, else the geometry.</param>
public sealed record GeometryProblem(string Code, string Detail, Geometry? Location)
{
    /// <summary>The problem for people, in both languages ("invalid: Self-intersection at (x y)" / "无效：自相交，位于 (x y)").</summary>
    public LocalizedText Text { get; init; } = LocalizedText.Same($"{Code}: {Detail}");
}

/// <summary>Validity, emptiness and type checks for features of a role.</summary>
public static class GeometryChecks
{
    public static GeometryProblem? Problem(Geometry? geometry, GeometryKinds expected)
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

        var error = new IsValidOp(geometry).ValidationError;
        if (error is null) return null;
        var at = error.Coordinate is { } c ? geometry.Factory.CreatePoint(c) : geometry;
        var where = error.Coordinate is { } p ? FormattableString.Invariant($" at ({p.X:0.###} {p.Y:0.###})") : "";
        var whereZh = error.Coordinate is { } q ? FormattableString.Invariant($"，位于 ({q.X:0.###} {q.Y:0.###})") : "";
        return new("invalid", error.Message + where, at) { Text = new($"无效：{ErrorZh(error.ErrorType, error.Message)}{whereZh}", $"invalid: {error.Message}{where}") };
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
