using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

/// <summary>
/// A clinic on the north bank of a river 200 m wide with one bridge at the east end (x = 1000), and
/// homes on both banks: the straight line crosses the water, the walk goes round by the bridge.
/// </summary>
public sealed class WalkingDistanceTests
{
    private static readonly RoadNetwork River = RoadNetwork.Build(
    [
        Wkt("LINESTRING (0 0, 1000 0)"),
        Wkt("LINESTRING (0 200, 1000 200)"),
        Wkt("LINESTRING (1000 0, 1000 200)"),
    ]);

    private static readonly IReadOnlyList<Coordinate> Homes =
    [
        new(100, -10), // south bank, facing the clinic
        new(900, -10), // south bank, near the bridge
        new(300, 190), // north bank, same road as the clinic
        new(500, 100), // in the river: no road within the snap distance
    ];

    private static readonly FeatureIndex Clinic = Index(("F1", "POINT (100 210)"));

    [Fact]
    public void StraightLine_NearestTargetWithinTheCutoff_IsItsDistance()
    {
        var d = WalkingDistance.StraightLine(Homes, Clinic, 1000);

        Assert.Equal(220, d[0], 9);
        Assert.Equal(Math.Sqrt((800 * 800) + (220 * 220)), d[1], 9);
        Assert.Equal(Math.Sqrt((200 * 200) + (20 * 20)), d[2], 9);
        Assert.Equal(Math.Sqrt((400 * 400) + (110 * 110)), d[3], 9);
    }

    [Fact]
    public void StraightLine_BeyondTheCutoff_IsInfinite()
    {
        var d = WalkingDistance.StraightLine(Homes, Clinic, 300);

        Assert.True(double.IsPositiveInfinity(d[1]));
        Assert.Equal(220, d[0], 9);
    }

    [Fact]
    public void Network_AcrossTheRiver_WalksRoundByTheBridge()
    {
        var d = Network(cutoff: 5000);

        Assert.Equal(10 + 900 + 200 + 900 + 10, d[0], 9); // 2020 m where the straight line says 220
        Assert.Equal(10 + 100 + 200 + 900 + 10, d[1], 9);
    }

    [Fact]
    public void Network_HomeOnTheTargetsRoad_WalksAlongIt()
    {
        var d = Network(cutoff: 5000);

        Assert.Equal(10 + 200 + 10, d[2], 9);
    }

    [Fact]
    public void Network_HomeFarFromAnyRoad_IsOutOfReach()
    {
        Assert.True(double.IsPositiveInfinity(Network(cutoff: 5000)[3]));
    }

    [Fact]
    public void Network_BeyondTheCutoff_IsInfinite()
    {
        var d = Network(cutoff: 1500);

        Assert.True(double.IsPositiveInfinity(d[0]));
        Assert.Equal(1220, d[1], 9);
    }

    [Fact]
    public void Network_TargetWithinSnapOfTheHomesRoadPoint_IsReachedStraightFromThere()
    {
        // A park beside the south road, far from both of its nodes: entered from the road point in front of the home.
        var parkFeatures = Features(("P1", "POLYGON ((450 -80, 550 -80, 550 -20, 450 -20, 450 -80))"));
        var homes = new List<Coordinate> { new(500, 30) };
        var snaps = WalkingDistance.Snap(River, homes, 50);

        var d = WalkingDistance.Network(River, homes, snaps, parkFeatures, new FeatureIndex(parkFeatures), 1000, 50);

        Assert.Equal(30 + 20, d[0], 9);
    }

    private static double[] Network(double cutoff)
    {
        var clinic = Features(("F1", "POINT (100 210)"));
        var snaps = WalkingDistance.Snap(River, Homes, 50);
        return WalkingDistance.Network(River, Homes, snaps, clinic, new FeatureIndex(clinic), cutoff, 50);
    }
}
