using NetTopologySuite.Algorithm;
using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// A quick proof that a small polygon without holes is valid: its shell is closed, has three distinct vertices
/// and no two of its edges meet except neighbours at their shared vertex. That is all OGC validity asks of such a
/// polygon. IsValidOp answers the same but noding a ring costs far more than this for a parcel of a dozen
/// vertices, and a million parcels pay it once each. Anything doubtful (a touch, a spike, a collinear run back,
/// a hole, a large ring) is not decided here: <see cref="IsCertainlyValid"/> says false and the caller asks
/// IsValidOp, which then also names the problem.
/// </summary>
internal static class SimpleRing
{
    /// <summary>Above this many vertices the pairwise test costs more than IsValidOp's monotone chains.</summary>
    private const int MaxVertices = 64;

    public static bool IsCertainlyValid(Geometry geometry)
    {
        if (geometry is not Polygon { NumInteriorRings: 0 } polygon) return false;
        Span<double> xs = stackalloc double[MaxVertices];
        Span<double> ys = stackalloc double[MaxVertices];
        var m = RingVertices.Load(polygon.ExteriorRing.CoordinateSequence, xs, ys);
        if (m < 3) return false;

        for (var i = 0; i < m; i++)
        {
            // A vertex where the ring runs straight back over itself (a spike, a collapsed triangle) is left to IsValidOp.
            int prev = (i + m - 1) % m, next = (i + 1) % m;
            if (CGAlgorithmsDD.OrientationIndex(xs[prev], ys[prev], xs[i], ys[i], xs[next], ys[next]) == 0 &&
                (xs[prev] - xs[i]) * (xs[next] - xs[i]) + (ys[prev] - ys[i]) * (ys[next] - ys[i]) > 0)
            {
                return false;
            }
        }

        for (var i = 0; i < m; i++)
        {
            int i2 = (i + 1) % m;
            for (var j = i + 2; j < m; j++)
            {
                if (i == 0 && j == m - 1) continue; // the last edge ends where the first begins
                int j2 = (j + 1) % m;
                if (Meet(xs[i], ys[i], xs[i2], ys[i2], xs[j], ys[j], xs[j2], ys[j2])) return false;
            }
        }

        return true;
    }

    /// <summary>Whether two closed segments share any point, touching included, with exact orientation tests.</summary>
    private static bool Meet(double ax, double ay, double bx, double by, double cx, double cy, double dx, double dy)
    {
        if (Math.Max(ax, bx) < Math.Min(cx, dx) || Math.Max(cx, dx) < Math.Min(ax, bx) ||
            Math.Max(ay, by) < Math.Min(cy, dy) || Math.Max(cy, dy) < Math.Min(ay, by))
        {
            return false;
        }

        var o1 = CGAlgorithmsDD.OrientationIndex(ax, ay, bx, by, cx, cy);
        var o2 = CGAlgorithmsDD.OrientationIndex(ax, ay, bx, by, dx, dy);
        if (o1 == o2 && o1 != 0) return false;
        var o3 = CGAlgorithmsDD.OrientationIndex(cx, cy, dx, dy, ax, ay);
        var o4 = CGAlgorithmsDD.OrientationIndex(cx, cy, dx, dy, bx, by);
        if (o3 == o4 && o3 != 0) return false;

        // Not strictly apart on either side: they cross or touch, or lie on one line, where the boxes above already overlap.
        return true;
    }
}
