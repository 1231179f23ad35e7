namespace ElementFlow.Spatial;

/// <summary>The CGCS2000 ellipsoid (GB/T 2000 国家大地坐标系): a = 6 378 137 m, 1/f = 298.257 222 101.</summary>
public static class Cgcs2000
{
    public const double SemiMajorAxis = 6_378_137.0;
    public const double InverseFlattening = 298.257222101;
    public const double Flattening = 1 / InverseFlattening;

    /// <summary>The semi-minor axis b = a(1 − f).</summary>
    public const double SemiMinorAxis = SemiMajorAxis * (1 - Flattening);

    /// <summary>The first eccentricity squared e² = f(2 − f).</summary>
    public const double EccentricitySquared = Flattening * (2 - Flattening);

    /// <summary>EPSG:4490, the geographic CRS (latitude, longitude in degrees; data usually stores longitude as X).</summary>
    public const int Geographic = 4490;

    /// <summary>True for EPSG:4490 and the 3-degree Gauss-Krüger zones EPSG:4513–4554.</summary>
    public static bool IsCgcs2000(int epsg) => epsg == Geographic || GaussKrugerZone.IsGaussKruger(epsg);

    /// <summary>The zone number (25–45) of a 3-degree zone CRS, or null.</summary>
    public static int? Zone(int epsg) => GaussKrugerZone.CentralMeridian(epsg) is { } meridian ? meridian / 3 : null;

    /// <summary>True when eastings carry the zone number (EPSG:4513–4533: false easting zone × 10⁶ + 500 000 m).</summary>
    public static bool HasZonePrefix(int epsg) => epsg is >= 4513 and <= 4533;

    /// <summary>The CRS of a 3-degree zone, with or without the zone prefix; null outside zones 25–45.</summary>
    public static int? ZoneCrs(int zone, bool prefixed) => zone is >= 25 and <= 45 ? (prefixed ? 4513 : 4534) + zone - 25 : null;

    /// <summary>The 3-degree zone whose central meridian is nearest a longitude (zone n has its meridian at 3n°E).</summary>
    public static int ZoneOfLongitude(double longitude) => (int)Math.Round(longitude / 3, MidpointRounding.AwayFromZero);

    /// <summary>The false easting of a 3-degree zone CRS, in metres.</summary>
    public static double FalseEasting(int epsg) =>
        HasZonePrefix(epsg) ? Zone(epsg)!.Value * 1_000_000d + 500_000 : 500_000;
}
