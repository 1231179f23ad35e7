using NetTopologySuite.Geometries;

namespace ElementFlow.Sources.FileGdb.Tests;

public class ShapeDecoderTests
{
    [Fact]
    public void Polygon_WithHole_KeepsTheHole()
    {
        var polygon = Assert.IsType<Polygon>(Fixture.Rows("plan.gdb", "GHYDYH")[0].Geometry);
        Assert.Equal(1, polygon.NumInteriorRings);
        Assert.Equal(9600, polygon.Area, 6);
    }

    [Fact]
    public void MultiPolygon_KeepsEveryPart()
    {
        var multi = Assert.IsType<MultiPolygon>(Fixture.Rows("plan.gdb", "GHYDYH")[1].Geometry);
        Assert.Equal(2, multi.NumGeometries);
        Assert.Equal(5000, multi.Area, 6);
    }

    [Fact]
    public void NullShape_IsNullGeometry()
    {
        Assert.Null(Fixture.Rows("plan.gdb", "GHYDYH")[2].Geometry);
    }

    [Fact]
    public void Point_CoordinatesToTheStoredResolution()
    {
        var point = Assert.IsType<Point>(Fixture.Rows("plan.gdb", "SSD")[0].Geometry);
        Assert.Equal(39500010.5, point.X, 4);
        Assert.Equal(3500020.25, point.Y, 4);
    }

    [Fact]
    public void Polyline_OnePartIsALineString()
    {
        var line = Assert.IsType<LineString>(Fixture.Rows("plan.gdb", "DL")[0].Geometry);
        Assert.Equal(3, line.NumPoints);
    }

    [Fact]
    public void Polyline_SeveralPartsAreAMultiLineString()
    {
        var lines = Assert.IsType<MultiLineString>(Fixture.Rows("plan.gdb", "DL")[1].Geometry);
        Assert.Equal(2, lines.NumGeometries);
    }

    [Fact]
    public void Geographic_CoordinatesInDegrees()
    {
        var polygon = Fixture.Rows("geographic.gdb", "GHFQ")[0].Geometry!;
        Assert.Equal(117.001, polygon.EnvelopeInternal.MinX, 6);
        Assert.Equal(30.0, polygon.EnvelopeInternal.MinY, 6);
    }
}
