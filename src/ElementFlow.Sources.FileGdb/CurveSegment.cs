using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb;

/// <summary>
/// A curve segment of a shape (Esri's extended shapefile format): a circular arc, a cubic Bézier or an
/// elliptic arc replacing the straight segment from point <c>i</c> to point <c>i + 1</c>.
/// </summary>
/// <remarks>
/// Circular arcs and Béziers are densified: arcs in steps of at most one degree (a circle loses under
/// 0.01 % of its area), Béziers in 64 steps. Elliptic arcs are kept as their chord, and counted with the
/// other curves so the caller reports the feature.
/// </remarks>
internal abstract record CurveSegment
{
    private const int ArcEmpty = 0x1;
    private const int ArcCcw = 0x8;
    private const int ArcLine = 0x20;
    private const int ArcPoint = 0x40;
    private const int ArcInteriorPoint = 0x80;

    /// <summary>The points strictly between <paramref name="from"/> and <paramref name="to"/>.</summary>
    public abstract void Densify(Coordinate from, Coordinate to, List<Coordinate> into);

    public static Dictionary<int, CurveSegment> ReadAll(ref ByteCursor cursor, int count, int pointCount, string where)
    {
        var segments = new Dictionary<int, CurveSegment>(count);
        for (var i = 0; i < count; i++)
        {
            var start = cursor.VarUInt();
            var type = cursor.VarUInt();
            if (start >= (ulong)pointCount) throw new FileGdbFormatException($"{where}: a curve starts at point {start} of {pointCount}");
            CurveSegment segment = type switch
            {
                1 => Arc(cursor.Double(), cursor.Double(), cursor.Int32()),
                4 => new Bezier(new Coordinate(cursor.Double(), cursor.Double()), new Coordinate(cursor.Double(), cursor.Double())),
                5 => Ellipse(ref cursor),
                _ => throw new FileGdbFormatException($"{where}: unknown curve segment type {type}"),
            };
            segments[(int)start] = segment;
        }

        return segments;
    }

    private static CurveSegment Arc(double a, double b, int bits)
    {
        if ((bits & (ArcEmpty | ArcLine | ArcPoint)) != 0 || !double.IsFinite(a) || !double.IsFinite(b)) return new Chord();
        return (bits & ArcInteriorPoint) != 0 ? new ArcThrough(new Coordinate(a, b), (bits & ArcCcw) != 0) : new ArcAround(new Coordinate(a, b), (bits & ArcCcw) != 0);
    }

    private static Chord Ellipse(ref ByteCursor cursor)
    {
        cursor.Skip(5 * 8 + 4);
        return new Chord();
    }

    private const double MaxStep = Math.PI / 180;

    /// <summary>Points on a circle from angle <paramref name="start"/> through <paramref name="sweep"/> radians (negative: clockwise).</summary>
    private static void AlongCircle(Coordinate centre, double radius, double start, double sweep, List<Coordinate> into)
    {
        if (!(radius > 0) || !double.IsFinite(radius) || !double.IsFinite(sweep)) return;
        var steps = (int)Math.Min(4096, Math.Max(2, Math.Ceiling(Math.Abs(sweep) / MaxStep)));
        for (var k = 1; k < steps; k++)
        {
            var angle = start + sweep * k / steps;
            into.Add(new Coordinate(centre.X + radius * Math.Cos(angle), centre.Y + radius * Math.Sin(angle)));
        }
    }

    private static double Turn(double angle)
    {
        angle %= 2 * Math.PI;
        return angle < 0 ? angle + 2 * Math.PI : angle;
    }

    /// <summary>A straight segment: an elliptic arc not densified, or an arc flagged as a line or a point.</summary>
    private sealed record Chord : CurveSegment
    {
        public override void Densify(Coordinate from, Coordinate to, List<Coordinate> into)
        {
        }
    }

    /// <summary>A circular arc given by its centre and direction; from equal to end is a full circle.</summary>
    private sealed record ArcAround(Coordinate Centre, bool CounterClockwise) : CurveSegment
    {
        public override void Densify(Coordinate from, Coordinate to, List<Coordinate> into)
        {
            var a0 = Math.Atan2(from.Y - Centre.Y, from.X - Centre.X);
            var a1 = Math.Atan2(to.Y - Centre.Y, to.X - Centre.X);
            var sweep = CounterClockwise ? Turn(a1 - a0) : -Turn(a0 - a1);
            if (sweep == 0) sweep = CounterClockwise ? 2 * Math.PI : -2 * Math.PI;
            AlongCircle(Centre, from.Distance(Centre), a0, sweep, into);
        }
    }

    /// <summary>A circular arc through an interior point; from equal to end is a full circle, the interior point opposite.</summary>
    private sealed record ArcThrough(Coordinate Interior, bool CounterClockwise) : CurveSegment
    {
        public override void Densify(Coordinate from, Coordinate to, List<Coordinate> into)
        {
            if (from.Equals2D(to))
            {
                var middle = new Coordinate((from.X + Interior.X) / 2, (from.Y + Interior.Y) / 2);
                var start = Math.Atan2(from.Y - middle.Y, from.X - middle.X);
                AlongCircle(middle, from.Distance(middle), start, CounterClockwise ? 2 * Math.PI : -2 * Math.PI, into);
                return;
            }

            var (ax, ay) = (from.X, from.Y);
            var (bx, by) = (Interior.X, Interior.Y);
            var (cx, cy) = (to.X, to.Y);
            var d = 2 * (ax * (by - cy) + bx * (cy - ay) + cx * (ay - by));
            var scale = Math.Max(1, Math.Abs(ax) + Math.Abs(ay) + Math.Abs(bx) + Math.Abs(by));
            if (Math.Abs(d) < 1e-12 * scale * scale)
            {
                // Collinear: the arc is a straight line through the interior point.
                into.Add(Interior.Copy());
                return;
            }

            var a2 = ax * ax + ay * ay;
            var b2 = bx * bx + by * by;
            var c2 = cx * cx + cy * cy;
            var centre = new Coordinate(
                (a2 * (by - cy) + b2 * (cy - ay) + c2 * (ay - by)) / d,
                (a2 * (cx - bx) + b2 * (ax - cx) + c2 * (bx - ax)) / d);
            var t0 = Math.Atan2(ay - centre.Y, ax - centre.X);
            var t1 = Math.Atan2(by - centre.Y, bx - centre.X);
            var t2 = Math.Atan2(cy - centre.Y, cx - centre.X);
            var ccwToEnd = Turn(t2 - t0);
            var ccwToInterior = Turn(t1 - t0);
            if (ccwToEnd == 0) ccwToEnd = 2 * Math.PI;
            var sweep = ccwToInterior < ccwToEnd ? ccwToEnd : -(2 * Math.PI - ccwToEnd);
            AlongCircle(centre, from.Distance(centre), t0, sweep, into);
        }
    }

    /// <summary>A cubic Bézier with two control points.</summary>
    private sealed record Bezier(Coordinate First, Coordinate Second) : CurveSegment
    {
        private const int Steps = 64;

        public override void Densify(Coordinate from, Coordinate to, List<Coordinate> into)
        {
            for (var k = 1; k < Steps; k++)
            {
                var t = (double)k / Steps;
                var u = 1 - t;
                double B(double p0, double p1, double p2, double p3) => (u * u * u * p0) + (3 * u * u * t * p1) + (3 * u * t * t * p2) + (t * t * t * p3);
                into.Add(new Coordinate(B(from.X, First.X, Second.X, to.X), B(from.Y, First.Y, Second.Y, to.Y)));
            }
        }
    }
}
