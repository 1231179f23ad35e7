using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class PolygonalPartsTests
{
    [Fact]
    public void Of_CollectionWithPolygonLineAndPoint_KeepsOnlyThePolygon()
    {
        var parts = PolygonalParts.Of(Wkt("GEOMETRYCOLLECTION (POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)), LINESTRING (20 0, 30 0), POINT (40 0))"));

        var polygon = Assert.IsType<Polygon>(parts);
        Assert.Equal(100, polygon.Area);
    }

    [Fact]
    public void Of_CollectionWithTwoPolygons_IsMultiPolygon()
    {
        var parts = PolygonalParts.Of(Wkt("GEOMETRYCOLLECTION (POLYGON ((0 0, 1 0, 1 1, 0 0)), MULTIPOLYGON (((5 5, 6 5, 6 6, 5 5))))"));

        Assert.Equal(2, Assert.IsType<MultiPolygon>(parts).NumGeometries);
    }

    [Theory]
    [InlineData("LINESTRING (0 0, 10 0)")]
    [InlineData("GEOMETRYCOLLECTION (LINESTRING (0 0, 10 0), POINT (1 1))")]
    public void Of_NoAreaBearingPart_IsEmptyPolygon(string wkt)
    {
        var parts = PolygonalParts.Of(Wkt(wkt));

        Assert.True(parts.IsEmpty);
        Assert.IsType<Polygon>(parts);
    }

    [Fact]
    public void IsPolygonal_NullPointAndPolygon_AreTold()
    {
        Assert.False(((Geometry?)null).IsPolygonal());
        Assert.False(Wkt("POINT (0 0)").IsPolygonal());
        Assert.True(Wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))").IsPolygonal());
        Assert.True(Wkt("MULTIPOINT ((0 0), (1 1))").IsPuntal());
    }
}
