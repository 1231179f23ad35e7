using System.Globalization;
using System.Text.RegularExpressions;

namespace ElementFlow.Spatial;

/// <summary>
/// Names the EPSG code of a CRS given as WKT (a shapefile's .prj, a GeoPackage srs definition), where it
/// can be told without an EPSG database: an explicit EPSG authority, a CGCS2000 3-degree Gauss-Krüger
/// zone by its parameters (Esri and OGC spellings), or a CGCS2000 / WGS 84 geographic CRS.
/// </summary>
public static partial class CrsWkt
{
    [GeneratedRegex(@"(?:AUTHORITY|ID)\[\s*""EPSG""\s*,\s*""?(?<code>\d+)""?\s*\]\s*\]\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OuterAuthority();

    [GeneratedRegex(@"PARAMETER\[\s*""(?<name>[^""]+)""\s*,\s*(?<value>[-+0-9.eE]+)", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Parameter();

    /// <summary>The EPSG code, or 0 when the WKT does not tell one this way.</summary>
    public static int Epsg(string? wkt)
    {
        if (string.IsNullOrWhiteSpace(wkt)) return 0;
        wkt = wkt.Trim();
        if (OuterAuthority().Match(wkt) is { Success: true } m) return int.Parse(m.Groups["code"].Value, CultureInfo.InvariantCulture);

        var upper = wkt.ToUpperInvariant();
        var cgcs2000 = upper.Contains("CGCS2000", StringComparison.Ordinal) || upper.Contains("CHINA_2000", StringComparison.Ordinal)
            || upper.Contains("CHINA GEODETIC COORDINATE SYSTEM 2000", StringComparison.Ordinal) || upper.Contains("CHINA_GEODETIC_COORDINATE_SYSTEM_2000", StringComparison.Ordinal);
        var projected = upper.StartsWith("PROJCS", StringComparison.Ordinal) || upper.StartsWith("PROJCRS", StringComparison.Ordinal);
        if (!projected)
        {
            if (cgcs2000) return 4490;
            return upper.Contains("WGS_1984", StringComparison.Ordinal) || upper.Contains("WGS 84", StringComparison.Ordinal) || upper.Contains("WGS84", StringComparison.Ordinal) ? 4326 : 0;
        }

        if (!cgcs2000) return 0;
        var parameters = Parameter().Matches(wkt).ToDictionary(
            p => p.Groups["name"].Value.Replace(" ", "_", StringComparison.Ordinal).ToLowerInvariant(),
            p => double.Parse(p.Groups["value"].Value, NumberStyles.Float, CultureInfo.InvariantCulture));
        var meridian = parameters.GetValueOrDefault("central_meridian", parameters.GetValueOrDefault("longitude_of_natural_origin", double.NaN));
        var easting = parameters.GetValueOrDefault("false_easting", double.NaN);
        var scale = parameters.GetValueOrDefault("scale_factor", parameters.GetValueOrDefault("scale_factor_at_natural_origin", 1));
        if (double.IsNaN(meridian) || double.IsNaN(easting) || Math.Abs(scale - 1) > 1e-9 || meridian % 3 != 0) return 0;
        var zone = (int)(meridian / 3);
        if (easting == 500_000 && zone is >= 25 and <= 45) return 4534 + (zone - 25);
        if (easting == zone * 1_000_000d + 500_000 && zone is >= 25 and <= 45) return 4513 + (zone - 25);
        return 0;
    }
}
