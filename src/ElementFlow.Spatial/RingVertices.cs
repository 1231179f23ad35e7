using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>A closed ring's distinct vertices in order, copied to spans for the exact small-ring tests (SimpleRing, SmallPolygonPair).</summary>
internal static class RingVertices
{
    /// <summary>
    /// Copies the vertices without the closing one, skipping consecutive repeats (OGC allows them). Returns how
    /// many, or -1 when the ring is not closed, has a coordinate that is not finite or more vertices than the spans hold.
    /// </summary>
    public static int Load(CoordinateSequence ring, Span<double> xs, Span<double> ys)
    {
        var count = ring.Count;
        if (count < 4 || count > xs.Length + 1) return -1;
        if (ring.GetX(0) != ring.GetX(count - 1) || ring.GetY(0) != ring.GetY(count - 1)) return -1;
        var n = 0;
        for (var i = 0; i < count - 1; i++)
        {
            double x = ring.GetX(i), y = ring.GetY(i);
            if (!double.IsFinite(x) || !double.IsFinite(y)) return -1;
            if (n > 0 && x == xs[n - 1] && y == ys[n - 1]) continue;
            xs[n] = x;
            ys[n] = y;
            n++;
        }

        if (n > 1 && xs[n - 1] == xs[0] && ys[n - 1] == ys[0]) n--;
        return n;
    }
}
