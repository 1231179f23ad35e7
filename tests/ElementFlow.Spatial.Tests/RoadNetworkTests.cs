using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class RoadNetworkTests
{
    /// <summary>Two banks of a river 200 m wide, joined by one bridge at the east end.</summary>
    private static RoadNetwork RiverWithOneBridge() => RoadNetwork.Build(
    [
        Wkt("LINESTRING (0 0, 1000 0)"),
        Wkt("LINESTRING (0 200, 1000 200)"),
        Wkt("LINESTRING (1000 0, 1000 200)"),
    ]);

    [Fact]
    public void Build_LinesMeetingAtEnds_SharesTheirEndNodes()
    {
        var network = RiverWithOneBridge();

        Assert.Equal(4, network.NodeCount);
        Assert.Equal(3, network.EdgeCount);
    }

    [Fact]
    public void Build_CrossingLines_AreNodedAtTheCrossing()
    {
        var network = RoadNetwork.Build([Wkt("LINESTRING (0 0, 200 0)"), Wkt("LINESTRING (100 -100, 100 100)")]);

        var west = Node(network, 0, 0);
        var north = Node(network, 100, 100);
        var distances = network.Distances([(west, 0)], double.PositiveInfinity);

        Assert.Equal(5, network.NodeCount);
        Assert.Equal(200, distances[north], 9);
    }

    [Fact]
    public void Build_PolygonRoads_WalkAlongTheirOutline()
    {
        var network = RoadNetwork.Build([Wkt("POLYGON ((0 0, 100 0, 100 10, 0 10, 0 0))")]);

        var distances = network.Distances([(Node(network, 0, 0), 0)], double.PositiveInfinity);

        Assert.Equal(110, distances[Node(network, 100, 10)], 9);
    }

    [Fact]
    public void Distances_AcrossTheRiver_GoByTheBridge()
    {
        var network = RiverWithOneBridge();

        var distances = network.Distances([(Node(network, 0, 0), 0)], double.PositiveInfinity);

        Assert.Equal(2200, distances[Node(network, 0, 200)], 9);
    }

    [Fact]
    public void Distances_BeyondTheCutoff_StayInfinite()
    {
        var network = RiverWithOneBridge();

        var distances = network.Distances([(Node(network, 0, 0), 0)], 1100);

        Assert.Equal(1000, distances[Node(network, 1000, 0)], 9);
        Assert.True(double.IsPositiveInfinity(distances[Node(network, 1000, 200)])); // 1200 m > 1100 m
    }

    [Fact]
    public void Distances_SeveralSources_EachNodeTakesTheNearest()
    {
        var network = RiverWithOneBridge();

        var distances = network.Distances([(Node(network, 0, 0), 50), (Node(network, 0, 200), 0)], double.PositiveInfinity);

        Assert.Equal(1050, distances[Node(network, 1000, 0)], 9);
        Assert.Equal(1000, distances[Node(network, 1000, 200)], 9);
    }

    [Fact]
    public void Snap_PointBesideARoad_JoinsAtTheFootOfThePerpendicular()
    {
        var snap = RiverWithOneBridge().Snap(new Coordinate(300, -10), 50);

        Assert.NotNull(snap);
        Assert.Equal(300, snap.Value.Position, 9);
        Assert.Equal(10, snap.Value.Leg, 9);
    }

    [Fact]
    public void Snap_NoRoadWithinTheSnapDistance_IsNull()
    {
        Assert.Null(RiverWithOneBridge().Snap(new Coordinate(500, 100), 50));
    }

    [Fact]
    public void Snap_Polygon_JoinsAtItsNearestEdgePoint()
    {
        var snap = RiverWithOneBridge().Snap(Wkt("POLYGON ((400 220, 500 220, 500 300, 400 300, 400 220))"), 50);

        Assert.NotNull(snap);
        Assert.Equal(20, snap.Value.Leg, 9);
    }

    private static int Node(RoadNetwork network, double x, double y) =>
        Enumerable.Range(0, network.NodeCount).Single(n => network.Node(n).Equals2D(new Coordinate(x, y)));
}
