using ElementFlow.Core.Planning;
using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class FeatureIndexTests
{
    private static FeatureIndex TwoSquares() => Index(
        ("A", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"),
        ("B", "POLYGON ((100 0, 110 0, 110 10, 100 10, 100 0))"));

    [Fact]
    public void Candidates_EnvelopeOverOneFeature_ReturnsOnlyThatFeature()
    {
        var found = TwoSquares().Candidates(new Envelope(5, 20, 5, 20));

        Assert.Equal(["A"], found.Select(f => f.Id));
    }

    [Fact]
    public void Candidates_EnvelopeOverBoth_ReturnsBoth()
    {
        var found = TwoSquares().Candidates(new Envelope(5, 105, 5, 6));

        Assert.Equal(["A", "B"], found.Select(f => f.Id).Order());
    }

    [Fact]
    public void Candidates_EnvelopeBetween_ReturnsNone()
    {
        Assert.Empty(TwoSquares().Candidates(new Envelope(20, 90, 0, 10)));
    }

    [Fact]
    public void Count_FeaturesWithoutGeometryOrEmpty_AreNotIndexed()
    {
        var index = new FeatureIndex(
        [
            Feature("A", "POINT (1 1)", 1),
            Feature("B", "POLYGON EMPTY", 2),
            new Feature("C", null, new Dictionary<string, object?>(), 3),
        ]);

        Assert.Equal(1, index.Count);
    }

    [Fact]
    public void Candidates_EmptyIndex_ReturnsNone()
    {
        Assert.Empty(new FeatureIndex([]).Candidates(new Envelope(0, 1, 0, 1)));
    }

    [Fact]
    public void DistanceToNearestPolygon_PointBetweenSquares_IsDistanceToCloserOne()
    {
        Assert.Equal(20, TwoSquares().DistanceToNearestPolygon(Wkt("POINT (80 5)")), 9);
    }

    [Fact]
    public void DistanceToNearestPolygon_PointInside_IsZero()
    {
        Assert.Equal(0, TwoSquares().DistanceToNearestPolygon(Wkt("POINT (5 5)")));
    }

    [Fact]
    public void DistanceToNearestPolygon_NearestByEnvelopeIsNotNearestByShape_UsesTrueDistance()
    {
        // The L-shape's envelope covers the point, but its arms are 40 away; the small square is 30 away.
        var index = Index(
            ("L", "POLYGON ((0 0, 100 0, 100 10, 10 10, 10 100, 0 100, 0 0))"),
            ("S", "POLYGON ((50 80, 60 80, 60 90, 50 90, 50 80))"));

        Assert.Equal(30, index.DistanceToNearestPolygon(Wkt("POINT (50 50)")), 9);
    }

    [Fact]
    public void DistanceToNearestPolygon_EmptyIndex_IsInfinity()
    {
        Assert.Equal(double.PositiveInfinity, new FeatureIndex([]).DistanceToNearestPolygon(Wkt("POINT (0 0)")));
    }
}
