using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public class GeometryRepairTests
{
    private const string BowTie = "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))";
    private const string BowTieReversed = "POLYGON ((0 0, 0 10, 10 0, 10 10, 0 0))";

    [Theory]
    [InlineData(BowTie)]
    [InlineData(BowTieReversed)]
    public void Repair_BowTieInEitherVertexOrder_IsItsTwoTriangles(string wkt)
    {
        var (repaired, _) = GeometryRepair.Repair(Wkt(wkt), GeometryKinds.Polygon)!.Value;

        var polygons = Assert.IsType<MultiPolygon>(repaired);
        Assert.Equal(2, polygons.NumGeometries);
        Assert.Equal(50, repaired.Area, 9);
        Assert.True(repaired.IsValid);
    }

    [Theory]
    [InlineData(BowTie)]
    [InlineData(BowTieReversed)]
    public void Repair_BowTie_LocatesTheProblemAtTheCrossing(string wkt)
    {
        var (_, problem) = GeometryRepair.Repair(Wkt(wkt), GeometryKinds.Polygon)!.Value;

        Assert.Equal("invalid", problem.Code);
        Assert.Equal(Wkt("POINT (5 5)"), problem.Location);
    }

    [Fact]
    public void Repair_RingTouchingItselfAtAPoint_CutsOutTheEnclosedTriangle()
    {
        // The shell runs down to (5 10)... no: it dips from the top edge to (7 5) and (3 5) and back to (5 10), touching itself there.
        var ring = Wkt("POLYGON ((0 0, 10 0, 10 10, 5 10, 7 5, 3 5, 5 10, 0 10, 0 0))");

        var (repaired, problem) = GeometryRepair.Repair(ring, GeometryKinds.Polygon)!.Value;

        Assert.Equal(Wkt("POINT (5 10)"), problem.Location);
        Assert.Equal(100 - 10, repaired.Area, 9);
        Assert.True(repaired.IsValid);
    }

    [Fact]
    public void Repair_HoleOutsideItsShell_LocatesTheHoleRingAndKeepsTheShell()
    {
        var polygon = Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0), (20 20, 22 20, 22 22, 20 22, 20 20))");

        var (repaired, problem) = GeometryRepair.Repair(polygon, GeometryKinds.Polygon)!.Value;

        Assert.Equal(Wkt("LINESTRING (20 20, 22 20, 22 22, 20 22, 20 20)"), problem.Location);
        Assert.True(repaired.IsPolygonal());
        Assert.True(repaired.Covers(Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))")));
    }

    [Fact]
    public void Repair_ValidPolygon_IsNothingToRepair()
    {
        Assert.Null(GeometryRepair.Repair(Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"), GeometryKinds.Polygon));
    }

    [Fact]
    public void Repair_WrongKind_IsLeftForTheTypeCheck()
    {
        Assert.Null(GeometryRepair.Repair(Wkt("LINESTRING (0 0, 10 10)"), GeometryKinds.Polygon));
    }

    [Fact]
    public void Repair_CollapsedPolygon_KeepsNoLineOrPoint()
    {
        var (repaired, _) = GeometryRepair.Repair(Wkt("POLYGON ((0 0, 10 0, 20 0, 0 0))"), GeometryKinds.Polygon)!.Value;

        Assert.True(repaired.IsPolygonal());
        Assert.True(repaired.IsEmpty);
    }
}
