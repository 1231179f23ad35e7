using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial.Tests;

/// <summary>
/// Independent values: geodesic polygon areas on the CGCS2000 ellipsoid from GeographicLib's Planimeter
/// (<c>Planimeter -e 6378137 1/298.257222101</c>), the vertices taken to latitude and longitude by PROJ
/// (<c>cs2cs EPSG:4527 EPSG:4490</c>); and the closed form of the authalic area for a graticule cell.
/// </summary>
public sealed class EllipsoidalAreaTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Square(double x, double y, double side) => Factory.CreatePolygon(
    [
        new(x, y), new(x, y + side), new(x + side, y + side), new(x + side, y), new(x, y),
    ]);

    [Fact]
    public void Of_KilometreSquareOnTheCentralMeridian_MatchesTheGeodesicArea()
    {
        Assert.Equal(1_000_000.0, EllipsoidalArea.Of(Square(39_500_000, 3_320_000, 1000), 4527), 1_000_000.0 * 1e-4);
    }

    [Fact]
    public void Of_TenKilometreSquareAHundredKilometresEast_MatchesTheGeodesicArea()
    {
        // The planar area is 10⁸ m²; the projection's scale there makes the ellipsoid's 0.03 % smaller.
        Assert.Equal(99_972_812.4, EllipsoidalArea.Of(Square(39_600_000, 3_320_000, 10_000), 4527), 99_972_812.4 * 1e-4);
    }

    [Fact]
    public void Of_GraticuleCellInDegrees_MatchesTheGeodesicArea()
    {
        Assert.Equal(1_069_521.2, EllipsoidalArea.Of(Square(117, 30, 0.01), 4490), 1_069_521.2 * 1e-4);
    }

    [Fact]
    public void Trapezoid_GraticuleCell_IsTheClosedFormAuthalicArea()
    {
        var e2 = Cgcs2000.EccentricitySquared;
        var e = Math.Sqrt(e2);
        double Q(double b) => Math.Sin(b) / (1 - e2 * Math.Sin(b) * Math.Sin(b)) + Math.Log((1 + e * Math.Sin(b)) / (1 - e * Math.Sin(b))) / (2 * e);
        var (b1, b2, dl) = (30 * Math.PI / 180, 31 * Math.PI / 180, Math.PI / 180);
        var exact = Cgcs2000.SemiMinorAxis * Cgcs2000.SemiMinorAxis * dl * (Q(b2) - Q(b1)) / 2;
        Assert.Equal(exact, EllipsoidalArea.Trapezoid(dl, b1, b2), exact * 1e-9);
    }

    [Fact]
    public void Of_PolygonWithHole_SubtractsTheHole()
    {
        var shell = Square(39_500_000, 3_320_000, 1000).Shell;
        var hole = Square(39_500_100, 3_320_100, 100).Shell;
        var area = EllipsoidalArea.Of(Factory.CreatePolygon(shell, [hole]), 4527);
        Assert.Equal(990_000, area, 990_000 * 1e-4);
    }

    [Fact]
    public void Of_OtherCrs_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => EllipsoidalArea.Of(Square(0, 0, 1), 3857));
    }
}
