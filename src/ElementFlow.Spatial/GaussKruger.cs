namespace ElementFlow.Spatial;

/// <summary>
/// The Gauss-Krüger (transverse Mercator) projection on the CGCS2000 ellipsoid, scale 1 on the central
/// meridian, by Krüger's series in the third flattening n to order n⁶ (Karney 2011, "Transverse Mercator
/// with an accuracy of a few nanometers", J. Geodesy 85: eqs. 35–36); within a 3-degree zone the series
/// is exact to well under a millimetre.
/// </summary>
/// <remarks>X is easting and Y northing here, as the data stores them; Chinese surveying writes them the other way round.</remarks>
public sealed class GaussKruger
{
    private static readonly double N = Cgcs2000.Flattening / (2 - Cgcs2000.Flattening);
    private static readonly double E = Math.Sqrt(Cgcs2000.EccentricitySquared);

    /// <summary>The rectifying radius A = a/(1+n) (1 + n²/4 + n⁴/64 + n⁶/256).</summary>
    private static readonly double Radius = Cgcs2000.SemiMajorAxis / (1 + N) * (1 + N * N / 4 + Math.Pow(N, 4) / 64 + Math.Pow(N, 6) / 256);

    private static readonly double[] Alpha = Series(
        [1 / 2d, -2 / 3d, 5 / 16d, 41 / 180d, -127 / 288d, 7891 / 37800d],
        [13 / 48d, -3 / 5d, 557 / 1440d, 281 / 630d, -1983433 / 1935360d],
        [61 / 240d, -103 / 140d, 15061 / 26880d, 167603 / 181440d],
        [49561 / 161280d, -179 / 168d, 6601661 / 7257600d],
        [34729 / 80640d, -3418889 / 1995840d],
        [212378941 / 319334400d]);

    private static readonly double[] Beta = Series(
        [1 / 2d, -2 / 3d, 37 / 96d, -1 / 360d, -81 / 512d, 96199 / 604800d],
        [1 / 48d, 1 / 15d, -437 / 1440d, 46 / 105d, -1118711 / 3870720d],
        [17 / 480d, -37 / 840d, -209 / 4480d, 5569 / 90720d],
        [4397 / 161280d, -11 / 504d, -830251 / 7257600d],
        [4583 / 161280d, -108847 / 3991680d],
        [20648693 / 638668800d]);

    private readonly double _centralMeridian;
    private readonly double _falseEasting;

    /// <param name="centralMeridian">Degrees east.</param>
    /// <param name="falseEasting">Metres (500 000, or with the zone prefix zone × 10⁶ + 500 000).</param>
    public GaussKruger(double centralMeridian, double falseEasting)
    {
        _centralMeridian = centralMeridian;
        _falseEasting = falseEasting;
    }

    /// <summary>The projection of a 3-degree zone CRS (EPSG:4513–4554).</summary>
    public static GaussKruger ForEpsg(int epsg) =>
        GaussKrugerZone.CentralMeridian(epsg) is { } meridian
            ? new GaussKruger(meridian, Cgcs2000.FalseEasting(epsg))
            : throw new ArgumentOutOfRangeException(nameof(epsg), epsg, "not a CGCS2000 3-degree zone CRS");

    /// <summary>Geodetic longitude and latitude (degrees) to easting and northing (metres).</summary>
    public (double Easting, double Northing) Forward(double longitude, double latitude)
    {
        var phi = latitude * Math.PI / 180;
        var lambda = (longitude - _centralMeridian) * Math.PI / 180;
        var tau = Math.Tan(phi);
        var sigma = Math.Sinh(E * Math.Atanh(E * tau / Math.Sqrt(1 + tau * tau)));
        var tauPrime = tau * Math.Sqrt(1 + sigma * sigma) - sigma * Math.Sqrt(1 + tau * tau);
        var xiPrime = Math.Atan2(tauPrime, Math.Cos(lambda));
        var etaPrime = Math.Asinh(Math.Sin(lambda) / Math.Sqrt(tauPrime * tauPrime + Math.Cos(lambda) * Math.Cos(lambda)));
        var xi = xiPrime;
        var eta = etaPrime;
        for (var j = 1; j <= 6; j++)
        {
            xi += Alpha[j - 1] * Math.Sin(2 * j * xiPrime) * Math.Cosh(2 * j * etaPrime);
            eta += Alpha[j - 1] * Math.Cos(2 * j * xiPrime) * Math.Sinh(2 * j * etaPrime);
        }

        return (Radius * eta + _falseEasting, Radius * xi);
    }

    /// <summary>Easting and northing (metres) to geodetic longitude and latitude (degrees).</summary>
    public (double Longitude, double Latitude) Inverse(double easting, double northing)
    {
        var xi = northing / Radius;
        var eta = (easting - _falseEasting) / Radius;
        var xiPrime = xi;
        var etaPrime = eta;
        for (var j = 1; j <= 6; j++)
        {
            xiPrime -= Beta[j - 1] * Math.Sin(2 * j * xi) * Math.Cosh(2 * j * eta);
            etaPrime -= Beta[j - 1] * Math.Cos(2 * j * xi) * Math.Sinh(2 * j * eta);
        }

        var tauPrime = Math.Sin(xiPrime) / Math.Sqrt(Math.Sinh(etaPrime) * Math.Sinh(etaPrime) + Math.Cos(xiPrime) * Math.Cos(xiPrime));
        var lambda = Math.Atan2(Math.Sinh(etaPrime), Math.Cos(xiPrime));
        var tau = Latitude(tauPrime);
        return (_centralMeridian + lambda * 180 / Math.PI, Math.Atan(tau) * 180 / Math.PI);
    }

    /// <summary>The tangent of the geodetic latitude from that of the conformal latitude, by Newton's method (Karney 2011, eqs. 19–21).</summary>
    private static double Latitude(double tauPrime)
    {
        var e2m = 1 - Cgcs2000.EccentricitySquared;
        var tau = tauPrime / e2m;
        for (var i = 0; i < 8; i++)
        {
            var sigma = Math.Sinh(E * Math.Atanh(E * tau / Math.Sqrt(1 + tau * tau)));
            var tauI = tau * Math.Sqrt(1 + sigma * sigma) - sigma * Math.Sqrt(1 + tau * tau);
            var step = (tauPrime - tauI) / Math.Sqrt(1 + tauI * tauI) * (1 + e2m * tau * tau) / (e2m * Math.Sqrt(1 + tau * tau));
            tau += step;
            if (Math.Abs(step) < 1e-14 * Math.Max(1, Math.Abs(tau))) break;
        }

        return tau;
    }

    /// <summary>Coefficients as polynomials in n, coefficient j starting at n^j.</summary>
    private static double[] Series(params double[][] polynomials) =>
        polynomials.Select((p, j) => p.Select((c, k) => c * Math.Pow(N, j + 1 + k)).Sum()).ToArray();
}
