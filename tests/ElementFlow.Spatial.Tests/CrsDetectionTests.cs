using NetTopologySuite.Geometries;

namespace ElementFlow.Spatial.Tests;

public sealed class CrsDetectionTests
{
    [Fact]
    public void Detect_ZonePrefixUnderUnprefixedCrs_IsThePrefixedZone()
    {
        var finding = CrsDetection.Detect(4548, new Envelope(39_500_000, 39_510_000, 3_320_000, 3_330_000));
        Assert.Equal(4527, finding!.Actual);
        Assert.False(finding.SwappedXY);
    }

    [Fact]
    public void Detect_NoPrefixUnderPrefixedCrs_IsTheUnprefixedZone()
    {
        Assert.Equal(4548, CrsDetection.Detect(4527, new Envelope(500_000, 510_000, 3_320_000, 3_330_000))!.Actual);
    }

    [Fact]
    public void Detect_NorthingsInX_IsSwapped()
    {
        var finding = CrsDetection.Detect(4548, new Envelope(3_320_000, 3_330_000, 500_000, 510_000));
        Assert.Equal(4548, finding!.Actual);
        Assert.True(finding.SwappedXY);
    }

    [Fact]
    public void Detect_PrefixedEastingsInY_IsSwappedAndPrefixed()
    {
        var finding = CrsDetection.Detect(4548, new Envelope(3_320_000, 3_330_000, 39_500_000, 39_510_000));
        Assert.Equal(4527, finding!.Actual);
        Assert.True(finding.SwappedXY);
    }

    [Fact]
    public void Detect_LatitudeFirstDegrees_IsSwappedGeographic()
    {
        var finding = CrsDetection.Detect(4490, new Envelope(30, 30.1, 117, 117.1));
        Assert.Equal(4490, finding!.Actual);
        Assert.True(finding.SwappedXY);
    }

    [Fact]
    public void Detect_DegreesUnderAZone_IsGeographic()
    {
        Assert.Equal(4490, CrsDetection.Detect(4527, new Envelope(117, 117.1, 30, 30.1))!.Actual);
    }

    [Theory]
    [InlineData(4527, 39_500_000, 3_320_000)]
    [InlineData(4548, 500_000, 3_320_000)]
    [InlineData(4490, 117, 30)]
    public void Detect_CoordinatesThatFitTheDeclaration_FindNothing(int epsg, double x, double y)
    {
        Assert.Null(CrsDetection.Detect(epsg, new Envelope(x, x + 1000 * (epsg == 4490 ? 1e-5 : 1), y, y + 1000 * (epsg == 4490 ? 1e-5 : 1))));
    }

    [Fact]
    public void Detect_OtherDeclaredCrs_FindsNothing()
    {
        Assert.Null(CrsDetection.Detect(3857, new Envelope(39_500_000, 39_510_000, 3_320_000, 3_330_000)));
    }
}
