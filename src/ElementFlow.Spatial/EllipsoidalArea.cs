using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial;

/// <summary>
/// 椭球面积: the area of a polygon on the CGCS2000 ellipsoid as the national land surveys compute it
/// (《图幅理论面积与图斑椭球面积计算公式及要求》, 国土调查办发〔2008〕32号, carried into TD/T 1055—2019
/// 第三次全国国土调查技术规程): the vertices are taken back from Gauss-Krüger to latitude B and longitude L,
/// and every edge adds the ellipsoidal trapezoid between it and the central meridian,
/// S = 2b²ΔL [A sin(ΔB/2) cos Bm − B sin(3ΔB/2) cos 3Bm + C sin(5ΔB/2) cos 5Bm − D sin(7ΔB/2) cos 7Bm + E sin(9ΔB/2) cos 9Bm],
/// with ΔL the edge's mean longitude from that meridian, ΔB its latitude difference and Bm its mean latitude.
/// </summary>
/// <remarks>
/// The bracket is the series in e² (to e⁸) of ∫cos B/(1 − e² sin²B)² dB, so each trapezoid is the exact
/// ellipsoidal area between two parallels times the edge's mean longitude; for a graticule cell it is the
/// exact area, and for edges of survey polygons (metres to a few kilometres) it equals the geodesic polygon
/// area to far better than 0.01 %. Rings' areas are taken absolute: shells add, holes subtract.
/// </remarks>
public static class EllipsoidalArea
{
    private static readonly double E2 = Cgcs2000.EccentricitySquared;
    private static readonly double A = 1 + 3 / 6d * E2 + 30 / 80d * E2 * E2 + 35 / 112d * Math.Pow(E2, 3) + 630 / 2304d * Math.Pow(E2, 4);
    private static readonly double B = 1 / 6d * E2 + 15 / 80d * E2 * E2 + 21 / 112d * Math.Pow(E2, 3) + 420 / 2304d * Math.Pow(E2, 4);
    private static readonly double C = 3 / 80d * E2 * E2 + 7 / 112d * Math.Pow(E2, 3) + 180 / 2304d * Math.Pow(E2, 4);
    private static readonly double D = 1 / 112d * Math.Pow(E2, 3) + 45 / 2304d * Math.Pow(E2, 4);
    private static readonly double Ee = 5 / 2304d * Math.Pow(E2, 4);
    private static readonly double TwoBSquared = 2 * Cgcs2000.SemiMinorAxis * Cgcs2000.SemiMinorAxis;

    /// <summary>The ellipsoidal area in m² of a polygonal geometry in a CGCS2000 CRS (EPSG:4490 in degrees, or a 3-degree zone); 0 for other geometries.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The CRS is not CGCS2000.</exception>
    public static double Of(Geometry geometry, int epsg)
    {
        Func<double, double, (double Longitude, double Latitude)> toGeodetic;
        if (epsg == Cgcs2000.Geographic) toGeodetic = (x, y) => (x, y);
        else if (GaussKrugerZone.IsGaussKruger(epsg)) toGeodetic = GaussKruger.ForEpsg(epsg).Inverse;
        else throw new ArgumentOutOfRangeException(nameof(epsg), epsg, "not a CGCS2000 CRS");

        var total = 0.0;
        for (var i = 0; i < geometry.NumGeometries; i++)
        {
            if (geometry.GetGeometryN(i) is not Polygon polygon || polygon.IsEmpty) continue;
            total += Ring(polygon.ExteriorRing.CoordinateSequence, toGeodetic);
            for (var h = 0; h < polygon.NumInteriorRings; h++) total -= Ring(polygon.GetInteriorRingN(h).CoordinateSequence, toGeodetic);
        }

        return total;
    }

    /// <summary>The area of one ring given by geodetic coordinates in degrees (longitude as X).</summary>
    public static double OfGeodeticRing(IReadOnlyList<(double Longitude, double Latitude)> ring)
    {
        if (ring.Count < 3) return 0;
        var reference = ring[0].Longitude;
        var sum = 0.0;
        for (var i = 0; i < ring.Count; i++)
        {
            var (l1, b1) = ring[i];
            var (l2, b2) = ring[(i + 1) % ring.Count];
            sum += Trapezoid(((l1 + l2) / 2 - reference) * Math.PI / 180, b1 * Math.PI / 180, b2 * Math.PI / 180);
        }

        return Math.Abs(sum);
    }

    /// <summary>The area between two parallels over a longitude difference, all in radians (signed with both differences).</summary>
    public static double Trapezoid(double deltaL, double b1, double b2)
    {
        var dB = b2 - b1;
        var bm = (b1 + b2) / 2;
        return TwoBSquared * deltaL * (
            A * Math.Sin(dB / 2) * Math.Cos(bm)
            - B * Math.Sin(3 * dB / 2) * Math.Cos(3 * bm)
            + C * Math.Sin(5 * dB / 2) * Math.Cos(5 * bm)
            - D * Math.Sin(7 * dB / 2) * Math.Cos(7 * bm)
            + Ee * Math.Sin(9 * dB / 2) * Math.Cos(9 * bm));
    }

    private static double Ring(CoordinateSequence ring, Func<double, double, (double, double)> toGeodetic)
    {
        var points = new (double, double)[ring.Count];
        for (var i = 0; i < ring.Count; i++) points[i] = toGeodetic(ring.GetX(i), ring.GetY(i));
        return OfGeodeticRing(points);
    }
}
