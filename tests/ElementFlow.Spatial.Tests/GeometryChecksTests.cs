using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class GeometryChecksTests
{
    [Fact]
    public void Problem_ValidPolygon_IsNull()
    {
        Assert.Null(GeometryChecks.Problem(Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), GeometryKinds.Polygon));
    }

    [Fact]
    public void Problem_BowTie_IsInvalidAtTheCrossing()
    {
        var problem = GeometryChecks.Problem(Wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"), GeometryKinds.Polygon);

        Assert.NotNull(problem);
        Assert.Equal("invalid", problem.Code);
        var at = Assert.IsType<Point>(problem.Location);
        Assert.Equal((5.0, 5.0), (at.X, at.Y));
        Assert.EndsWith(" at (5 5)", problem.Detail);
    }

    [Fact]
    public void Problem_LineStringForPolygonRole_IsWrongType()
    {
        var line = Wkt("LINESTRING (0 0, 10 10)");

        var problem = GeometryChecks.Problem(line, GeometryKinds.Polygon);

        Assert.NotNull(problem);
        Assert.Equal("wrong-type", problem.Code);
        Assert.Equal("Polygon expected, got LineString", problem.Detail);
        Assert.Same(line, problem.Location);
    }

    [Fact]
    public void Problem_PointForPointOrPolygonRole_IsNull()
    {
        Assert.Null(GeometryChecks.Problem(Wkt("POINT (1 2)"), GeometryKinds.Point | GeometryKinds.Polygon));
    }

    [Fact]
    public void Problem_CollectionWithAPointForPolygonRole_IsWrongType()
    {
        var problem = GeometryChecks.Problem(Wkt("GEOMETRYCOLLECTION (POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)), POINT (20 20))"), GeometryKinds.Polygon);

        Assert.Equal("wrong-type", problem?.Code);
        Assert.Equal("Polygon expected, got GeometryCollection", problem?.Detail);
    }

    [Fact]
    public void Problem_CollectionOfPolygonsForPolygonRole_IsNull()
    {
        Assert.Null(GeometryChecks.Problem(Wkt("GEOMETRYCOLLECTION (POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0)), POLYGON ((20 20, 30 20, 30 30, 20 30, 20 20)))"), GeometryKinds.Polygon));
    }

    [Theory]
    [InlineData("POLYGON EMPTY")]
    [InlineData("POINT EMPTY")]
    [InlineData("GEOMETRYCOLLECTION EMPTY")]
    public void Problem_Empty_IsEmpty(string wkt)
    {
        var problem = GeometryChecks.Problem(Wkt(wkt), GeometryKinds.Polygon);

        Assert.Equal("empty", problem?.Code);
    }

    [Fact]
    public void Problem_Null_IsMissing()
    {
        var problem = GeometryChecks.Problem(null, GeometryKinds.Polygon);

        Assert.Equal("missing", problem?.Code);
        Assert.Null(problem?.Location);
    }

    [Fact]
    public void KindOf_MixedCollection_CombinesKinds()
    {
        var kind = GeometryChecks.KindOf(Wkt("GEOMETRYCOLLECTION (POINT (0 0), LINESTRING (0 0, 1 1))"));

        Assert.Equal(GeometryKinds.Point | GeometryKinds.Line, kind);
    }

    [Fact]
    public void KindOf_MultiPolygon_IsPolygon()
    {
        Assert.Equal(GeometryKinds.Polygon, GeometryChecks.KindOf(Wkt("MULTIPOLYGON (((0 0, 1 0, 1 1, 0 0)))")));
    }
}
