using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// Decodes the format's compressed shapes: a shape type, then counts, a bounding box and coordinates as
/// scaled integers, each a varint delta from the previous one; Z and M follow; curve segments last.
/// </summary>
/// <remarks>Only X and Y are kept: plans are checked in two dimensions. Z and M are read past.</remarks>
internal sealed partial class ShapeDecoder(GeometryEncoding encoding, GeometryFactory factory, string table)
{
    private const uint HasZFlag = 0x80000000;
    private const uint HasMFlag = 0x40000000;
    private const uint HasCurvesFlag = 0x20000000;

    /// <summary>The shape, how many curve segments it had, and why it could not be built (else null).</summary>
    public (Geometry? Geometry, int Curves, string? Problem) Decode(ReadOnlySpan<byte> blob, long objectId)
    {
        var cursor = new ByteCursor(blob, $"{table} row {objectId} shape");
        if (cursor.AtEnd) return (null, 0, null);
        var type = (uint)cursor.VarUInt();
        var baseType = type & 0xFF;
        switch (baseType)
        {
            case 0:
                return (null, 0, null);
            case 1 or 9 or 11 or 21 or 52:
                return (Point(ref cursor), 0, null);
            case 8 or 18 or 20 or 28 or 53:
                return (MultiPoint(ref cursor), 0, null);
            case 3 or 10 or 13 or 23 or 50:
            case 5 or 15 or 19 or 25 or 51:
            {
                var polygon = baseType is 5 or 15 or 19 or 25 or 51;
                var general = baseType is 50 or 51;
                var hasZ = baseType is 10 or 13 or 15 or 19 || (general && (type & HasZFlag) != 0);
                var hasM = baseType is 13 or 15 or 23 or 25 || (general && (type & HasMFlag) != 0);
                var hasCurves = general && (type & HasCurvesFlag) != 0;
                var (parts, curves) = Paths(ref cursor, hasZ, hasM, hasCurves);
                return (polygon ? Polygonal(parts) : Lineal(parts), curves, null);
            }

            case 31 or 32 or 54:
                return (null, 0, "the shape is a multipatch (3D surface), which is not read");
            default:
                return (null, 0, $"unknown shape type {baseType}");
        }
    }

    private Point Point(ref ByteCursor cursor)
    {
        var x = cursor.VarUInt();
        var y = cursor.VarUInt();
        if (x == 0) return factory.CreatePoint();
        return factory.CreatePoint(new Coordinate(X(x - 1), Y(y - 1)));
    }

    private MultiPoint MultiPoint(ref ByteCursor cursor)
    {
        var count = cursor.Count(2);
        if (count == 0) return factory.CreateMultiPoint();
        SkipBox(ref cursor);
        long x = 0, y = 0;
        var points = new Point[count];
        for (var i = 0; i < count; i++)
        {
            x += cursor.VarInt();
            y += cursor.VarInt();
            points[i] = factory.CreatePoint(new Coordinate(X(x), Y(y)));
        }

        return factory.CreateMultiPoint(points);
    }

    /// <summary>The parts of a polyline or polygon as coordinate arrays, curves densified.</summary>
    private (List<Coordinate[]> Parts, int Curves) Paths(ref ByteCursor cursor, bool hasZ, bool hasM, bool hasCurves)
    {
        var pointCount = cursor.Count(2);
        if (pointCount == 0) return ([], 0);
        var partCount = cursor.Count();
        var curveCount = hasCurves ? cursor.Count() : 0;
        if (partCount == 0) return ([], 0);
        SkipBox(ref cursor);
        var sizes = new int[partCount];
        var assigned = 0L;
        for (var i = 0; i < partCount - 1; i++)
        {
            sizes[i] = cursor.Count();
            assigned += sizes[i];
        }

        if (assigned > pointCount) throw new FileGdbFormatException($"{table}: a shape's parts hold more points ({assigned}) than it declares ({pointCount})");
        sizes[^1] = pointCount - (int)assigned;

        var points = new Coordinate[pointCount];
        long x = 0, y = 0;
        for (var i = 0; i < pointCount; i++)
        {
            x += cursor.VarInt();
            y += cursor.VarInt();
            points[i] = new Coordinate(X(x), Y(y));
        }

        if (curveCount == 0) return (Split(points, sizes), 0);

        if (hasZ) SkipVarInts(ref cursor, pointCount);

        // An absent M array is written as the single byte 0x42.
        if (hasM && cursor.PeekByte() == 0x42) cursor.Skip(1);
        else if (hasM) SkipVarInts(ref cursor, pointCount);

        var segments = CurveSegment.ReadAll(ref cursor, curveCount, pointCount, table);
        return (Split(points, sizes, segments), curveCount);
    }

    private static List<Coordinate[]> Split(Coordinate[] points, int[] sizes, Dictionary<int, CurveSegment>? curves = null)
    {
        var parts = new List<Coordinate[]>(sizes.Length);
        var start = 0;
        foreach (var size in sizes)
        {
            if (curves is null)
            {
                parts.Add(points[start..(start + size)]);
            }
            else
            {
                var part = new List<Coordinate>(size);
                for (var i = start; i < start + size; i++)
                {
                    part.Add(points[i]);
                    if (i + 1 < start + size && curves.TryGetValue(i, out var curve)) curve.Densify(points[i], points[i + 1], part);
                }

                parts.Add([.. part]);
            }

            start += size;
        }

        return parts;
    }

    private static void SkipBox(ref ByteCursor cursor)
    {
        for (var i = 0; i < 4; i++) cursor.VarUInt();
    }

    private static void SkipVarInts(ref ByteCursor cursor, int count)
    {
        for (var i = 0; i < count; i++) cursor.VarInt();
    }

    private double X(long scaled) => scaled / encoding.XYScale + encoding.XOrigin;

    private double Y(long scaled) => scaled / encoding.XYScale + encoding.YOrigin;

    private double X(ulong scaled) => scaled / encoding.XYScale + encoding.XOrigin;

    private double Y(ulong scaled) => scaled / encoding.XYScale + encoding.YOrigin;
}
