using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// Moves geometries between CGCS2000 CRSs (EPSG:4490 and the 3-degree zones, with or without the zone
/// prefix), through geodetic coordinates and <see cref="GaussKruger"/>; optionally swaps X and Y first, for
/// data written northing-first.
/// </summary>
public static class CrsTransform
{
    /// <summary>A copy of <paramref name="geometry"/> in <paramref name="to"/>; the geometry itself when nothing changes.</summary>
    /// <exception cref="ArgumentOutOfRangeException">Either CRS is not CGCS2000.</exception>
    public static Geometry Apply(Geometry geometry, int from, int to, bool swapXY = false)
    {
        if (from == to && !swapXY) return geometry;
        var convert = Converter(from, to);
        var copy = geometry.Copy();
        copy.Apply(new ConvertFilter(convert, swapXY));
        copy.GeometryChanged();
        return copy;
    }

    /// <summary>The point conversion between two CGCS2000 CRSs.</summary>
    public static Func<double, double, (double X, double Y)> Converter(int from, int to)
    {
        if (!Cgcs2000.IsCgcs2000(from)) throw new ArgumentOutOfRangeException(nameof(from), from, "not a CGCS2000 CRS");
        if (!Cgcs2000.IsCgcs2000(to)) throw new ArgumentOutOfRangeException(nameof(to), to, "not a CGCS2000 CRS");
        if (from == to) return (x, y) => (x, y);

        // Same zone, prefix added or removed: only the false easting differs.
        if (from != Cgcs2000.Geographic && to != Cgcs2000.Geographic && Cgcs2000.Zone(from) == Cgcs2000.Zone(to))
        {
            var shift = Cgcs2000.FalseEasting(to) - Cgcs2000.FalseEasting(from);
            return (x, y) => (x + shift, y);
        }

        Func<double, double, (double, double)> toGeodetic = from == Cgcs2000.Geographic ? (x, y) => (x, y) : GaussKruger.ForEpsg(from).Inverse;
        if (to == Cgcs2000.Geographic) return (x, y) => toGeodetic(x, y);
        var target = GaussKruger.ForEpsg(to);
        return (x, y) =>
        {
            var (longitude, latitude) = toGeodetic(x, y);
            return target.Forward(longitude, latitude);
        };
    }

    private sealed class ConvertFilter(Func<double, double, (double X, double Y)> convert, bool swap) : ICoordinateSequenceFilter
    {
        public bool Done => false;

        public bool GeometryChanged => true;

        public void Filter(CoordinateSequence seq, int i)
        {
            var (x, y) = swap ? (seq.GetY(i), seq.GetX(i)) : (seq.GetX(i), seq.GetY(i));
            var (tx, ty) = convert(x, y);
            seq.SetX(i, tx);
            seq.SetY(i, ty);
        }
    }
}
