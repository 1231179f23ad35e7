using System.Globalization;
using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>What the coordinates of a layer say about its CRS, when that differs from what was declared.</summary>
/// <param name="Declared">The EPSG code declared (by the file, else by plan.yaml).</param>
/// <param name="Actual">The CGCS2000 CRS the coordinates are in.</param>
/// <param name="SwappedXY">True when X holds northings (or latitudes) and Y eastings (or longitudes).</param>
/// <param name="Evidence">The coordinates that show it, for the message.</param>
public sealed record CrsFinding(int Declared, int Actual, bool SwappedXY, string Evidence);

/// <summary>
/// Tells from a layer's extent when its declared CGCS2000 CRS cannot be right: an easting with the zone
/// number (false easting zone × 10⁶ + 500 000 m) under a CRS without it or the reverse, X and Y swapped
/// (Chinese surveying writes X for northing), or degrees under a projected CRS and the reverse.
/// </summary>
/// <remarks>China spans northings 0–6 200 000 m and longitudes 73°–136°E; an unprefixed easting lies within 250 km of 500 000 m.</remarks>
public static class CrsDetection
{
    private static bool IsNorthing(double v) => v is >= 0 and <= 6_200_000;
    private static bool IsPlainEasting(double v) => v is >= 250_000 and <= 750_000;
    private static int? PrefixZone(double v) => v is >= 25_000_000 and < 46_000_000 && v % 1_000_000 is >= 250_000 and <= 750_000 ? (int)(v / 1_000_000) : null;
    private static bool IsLongitude(double v) => v is >= 70 and <= 140;
    private static bool IsLatitude(double v) => v is >= 0 and <= 60;

    /// <summary>The CRS the extent shows, or null when it fits the declared one (or shows nothing certain).</summary>
    public static CrsFinding? Detect(int declared, Envelope extent)
    {
        if (!Cgcs2000.IsCgcs2000(declared) || extent.IsNull) return null;
        var (x0, x1, y0, y1) = (extent.MinX, extent.MaxX, extent.MinY, extent.MaxY);
        bool Both(Func<double, bool> test, double a, double b) => test(a) && test(b);
        int? Zone(double a, double b) => PrefixZone(a) is { } z && PrefixZone(b) == z ? z : null;
        string Range(string axis, double a, double b) => string.Create(CultureInfo.InvariantCulture, $"{axis} {a:0.###}–{b:0.###}");
        var evidence = $"{Range("X", x0, x1)}, {Range("Y", y0, y1)}";

        if (declared == Cgcs2000.Geographic)
        {
            if (Both(IsLongitude, x0, x1) && Both(IsLatitude, y0, y1)) return null;
            if (Both(IsLatitude, x0, x1) && Both(IsLongitude, y0, y1)) return new(declared, declared, true, evidence);
            if (Zone(x0, x1) is { } zx && Both(IsNorthing, y0, y1)) return new(declared, Cgcs2000.ZoneCrs(zx, true)!.Value, false, evidence);
            if (Zone(y0, y1) is { } zy && Both(IsNorthing, x0, x1)) return new(declared, Cgcs2000.ZoneCrs(zy, true)!.Value, true, evidence);
            return null;
        }

        var zone = Cgcs2000.Zone(declared)!.Value;
        var prefixed = Cgcs2000.HasZonePrefix(declared);
        if (Both(IsLongitude, x0, x1) && Both(IsLatitude, y0, y1)) return new(declared, Cgcs2000.Geographic, false, evidence);
        if (Both(IsLatitude, x0, x1) && Both(IsLongitude, y0, y1)) return new(declared, Cgcs2000.Geographic, true, evidence);

        if (Zone(x0, x1) is { } eastZone && Both(IsNorthing, y0, y1))
        {
            return prefixed && eastZone == zone ? null : new(declared, Cgcs2000.ZoneCrs(eastZone, true)!.Value, false, evidence);
        }

        if (Zone(y0, y1) is { } northZone && Both(IsNorthing, x0, x1)) return new(declared, Cgcs2000.ZoneCrs(northZone, true)!.Value, true, evidence);
        if (Both(IsPlainEasting, x0, x1) && Both(IsNorthing, y0, y1))
        {
            return prefixed ? new(declared, Cgcs2000.ZoneCrs(zone, false)!.Value, false, evidence) : null;
        }

        // Unprefixed eastings in Y and northings beyond any easting in X: swapped.
        if (Both(IsPlainEasting, y0, y1) && Both(IsNorthing, x0, x1) && x0 > 750_000) return new(declared, Cgcs2000.ZoneCrs(zone, false)!.Value, true, evidence);
        return null;
    }
}
