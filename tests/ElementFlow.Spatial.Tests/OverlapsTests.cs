using NetTopologySuite.Geometries;
using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class OverlapsTests
{
    [Fact]
    public void Find_SquaresOffsetBySixty_ReportsSharedAreaOfFourThousand()
    {
        var a = Features(("E1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));
        var b = Index(("P1", "POLYGON ((60 0, 160 0, 160 100, 60 100, 60 0))"));

        var pair = Assert.Single(Overlaps.Find(a, b, self: false));

        Assert.Equal(("E1", "P1"), (pair.A.Id, pair.B.Id));
        Assert.Equal(4000, pair.Area, 6);
        Assert.Equal(new Envelope(60, 100, 0, 100), pair.Intersection.EnvelopeInternal);
    }

    [Fact]
    public void Find_SquaresSharingAnEdge_ReportsNoPair()
    {
        var a = Features(("E1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));
        var b = Index(("P1", "POLYGON ((100 0, 200 0, 200 100, 100 100, 100 0))"));

        Assert.Empty(Overlaps.Find(a, b, self: false));
    }

    [Fact]
    public void Find_SquaresSharingACorner_ReportsNoPair()
    {
        var a = Features(("E1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));
        var b = Index(("P1", "POLYGON ((100 100, 200 100, 200 200, 100 200, 100 100))"));

        Assert.Empty(Overlaps.Find(a, b, self: false));
    }

    [Fact]
    public void Find_SelfOverlapWithinOneList_ReportsEachPairOnceInSourceOrder()
    {
        var features = Features(
            ("L1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"),
            ("L2", "POLYGON ((90 0, 200 0, 200 100, 90 100, 90 0))"),
            ("L3", "POLYGON ((500 500, 600 500, 600 600, 500 600, 500 500))"),
            ("L4", "POLYGON ((0 50, 100 50, 100 150, 0 150, 0 50))"));

        var pairs = Overlaps.Find(features, new FeatureIndex(features), self: true);

        Assert.Equal(
            [("L1", "L2", 1000.0), ("L1", "L4", 5000.0), ("L2", "L4", 500.0)],
            pairs.Select(p => (p.A.Id, p.B.Id, Math.Round(p.Area, 6))));
    }

    [Fact]
    public void Find_PolygonInsideTheHoleOfAnother_ReportsNoPair()
    {
        var a = Features(("U1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (20 20, 80 20, 80 80, 20 80, 20 20))"));
        var b = Index(("P1", "POLYGON ((30 30, 70 30, 70 70, 30 70, 30 30))"));

        Assert.Empty(Overlaps.Find(a, b, self: false));
    }

    [Fact]
    public void Find_PolygonFillingTheHoleExactly_ReportsNoPair()
    {
        var a = Features(("U1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (20 20, 80 20, 80 80, 20 80, 20 20))"));
        var b = Index(("P1", "POLYGON ((20 20, 80 20, 80 80, 20 80, 20 20))"));

        Assert.Empty(Overlaps.Find(a, b, self: false));
    }

    [Fact]
    public void Find_PolygonOverlappingTheHoleEdge_ReportsOnlyThePartOutsideTheHole()
    {
        var a = Features(("U1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0), (20 20, 80 20, 80 80, 20 80, 20 20))"));
        var b = Index(("P1", "POLYGON ((10 30, 70 30, 70 70, 10 70, 10 30))"));

        var pair = Assert.Single(Overlaps.Find(a, b, self: false));

        Assert.Equal(400, pair.Area, 6);
    }

    [Fact]
    public void Find_PointsAndLines_AreIgnored()
    {
        var a = Features(("F1", "POINT (50 50)"), ("R1", "LINESTRING (0 50, 200 50)"));
        var b = Index(("P1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));

        Assert.Empty(Overlaps.Find(a, b, self: false));
    }

    [Fact]
    public void Find_ManyCandidates_UsesPreparedTestAndFindsEveryPair()
    {
        var strips = Enumerable.Range(0, 6)
            .Select(i => ($"P{i + 1}", $"POLYGON (({i * 10} 0, {i * 10 + 10} 0, {i * 10 + 10} 100, {i * 10} 100, {i * 10} 0))"))
            .ToArray();
        var a = Features(("E1", "POLYGON ((5 0, 55 0, 55 50, 5 50, 5 0))"));

        var pairs = Overlaps.Find(a, Index(strips), self: false);

        Assert.Equal([250.0, 500, 500, 500, 500, 250], pairs.Select(p => Math.Round(p.Area, 6)));
    }

    [Fact]
    public void Find_InvalidBowTieFeature_MeasuresTheRepairedShapeWithoutThrowing()
    {
        var a = Features(("E1", "POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))"));
        var b = Index(("P1", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"));

        var pair = Assert.Single(Overlaps.Find(a, b, self: false));

        Assert.Equal(50, pair.Area, 6);
    }

    [Fact]
    public void Intersection_InvalidBowTie_DoesNotThrowAndReturnsPolygonalResult()
    {
        var bowTie = Wkt("POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))");
        var square = Wkt("POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))");

        var shared = Overlaps.Intersection(bowTie, square);

        Assert.True(shared.IsPolygonal());
        Assert.Equal(50, shared.Area, 6);
    }

    [Fact]
    public void Difference_SquareMinusOverlappingSquare_LeavesTheRest()
    {
        var a = Wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))");
        var b = Wkt("POLYGON ((60 0, 160 0, 160 100, 60 100, 60 0))");

        Assert.Equal(6000, Overlaps.Difference(a, b).Area, 6);
    }

    [Fact]
    public void Union_NoGeometries_IsEmptyPolygon()
    {
        var union = Overlaps.Union([]);

        Assert.True(union.IsEmpty);
        Assert.IsType<Polygon>(union);
    }

    [Fact]
    public void Union_OverlappingSquares_CountsSharedAreaOnce()
    {
        var union = Overlaps.Union(
        [
            Wkt("POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"),
            Wkt("POLYGON ((60 0, 160 0, 160 100, 60 100, 60 0))"),
        ]);

        Assert.Equal(16000, union.Area, 6);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(6)]
    public void Find_FeatureInsideAnother_SharedPartIsTheInnerOneWithoutOverlay(int candidates)
    {
        var a = Features(("L1", "POLYGON ((10 10, 30 10, 30 40, 10 40, 10 10))"));
        var zones = Enumerable.Range(0, candidates)
            .Select(i => ($"Z{i}", i == 0 ? "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))" : $"POLYGON (({100 + i} 0, {101 + i} 0, {101 + i} 1, {100 + i} 1, {100 + i} 0))"))
            .ToArray();

        var pair = Assert.Single(Overlaps.Find(a, Index(zones), self: false));

        Assert.Equal(600, pair.Area, 9);
        Assert.Same(a[0].Geometry, pair.Intersection);
    }

    [Fact]
    public void Find_FeatureContainingAnother_SharedPartIsTheContainedOne()
    {
        var a = Features(("Z1", "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))"));

        var pair = Assert.Single(Overlaps.Find(a, Index(("L1", "POLYGON ((10 10, 30 10, 30 40, 10 40, 10 10))")), self: false));

        Assert.Equal(600, pair.Area, 9);
    }
}
