using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// The CGCS2000 3-degree Gauss-Krüger zones, EPSG:4513–4533 (false easting with the zone number,
/// zones 25–45) and EPSG:4534–4554 (false easting 500 000 m, central meridians 75°E–135°E).
/// </summary>
public static class GaussKrugerZone
{
    /// <summary>Half the width of a 3° zone at the equator is about 167 km; allow the usual overlap between zones.</summary>
    private const double HalfWidthMetres = 250_000;

    /// <summary>Northings of China: from about 3°N to 54°N, with margin.</summary>
    private const double MinNorthing = 0;
    private const double MaxNorthing = 6_200_000;

    public static bool IsGaussKruger(int epsg) => epsg is >= 4513 and <= 4554;

    /// <summary>The central meridian in degrees east, or null for a code outside 4513–4554.</summary>
    public static int? CentralMeridian(int epsg) => epsg switch
    {
        >= 4513 and <= 4533 => 3 * (epsg - 4513 + 25),
        >= 4534 and <= 4554 => 75 + 3 * (epsg - 4534),
        _ => null,
    };

    /// <summary>The envelope in which coordinates of that CRS can lie, or null for a code outside 4513–4554.</summary>
    public static Envelope? ValidExtent(int epsg)
    {
        double falseEasting = epsg switch
        {
            >= 4513 and <= 4533 => (epsg - 4513 + 25) * 1_000_000d + 500_000,
            >= 4534 and <= 4554 => 500_000,
            _ => double.NaN,
        };
        if (double.IsNaN(falseEasting)) return null;
        return new Envelope(falseEasting - HalfWidthMetres, falseEasting + HalfWidthMetres, MinNorthing, MaxNorthing);
    }
}
