using static ElementFlow.Spatial.Tests.Geo;

namespace ElementFlow.Spatial.Tests;

public sealed class ContainmentTests
{
    private const string Container = "POLYGON ((0 0, 100 0, 100 100, 0 100, 0 0))";

    [Fact]
    public void Outside_SquareHalfOutside_ReportsExactOutsideArea()
    {
        var features = Features(("L1", "POLYGON ((50 0, 150 0, 150 100, 50 100, 50 0))"));

        var outside = Assert.Single(Containment.Outside(features, Index(("B1", Container)), perPart: false));

        Assert.Equal("L1", outside.Feature.Id);
        Assert.Equal(5000, outside.Area, 6);
        Assert.Equal(0, outside.Distance);
        Assert.Equal(0, outside.Part);
    }

    [Fact]
    public void Outside_SquareWhollyInside_ReportsNothing()
    {
        var features = Features(("L1", "POLYGON ((10 10, 90 10, 90 90, 10 90, 10 10))"));

        Assert.Empty(Containment.Outside(features, Index(("B1", Container)), perPart: false));
    }

    [Fact]
    public void Outside_SquareCoveredByTwoAdjacentContainers_ReportsNothing()
    {
        var features = Features(("L1", "POLYGON ((50 10, 150 10, 150 90, 50 90, 50 10))"));
        var container = Index(("B1", Container), ("B2", "POLYGON ((100 0, 200 0, 200 100, 100 100, 100 0))"));

        Assert.Empty(Containment.Outside(features, container, perPart: false));
    }

    [Fact]
    public void Outside_StripCrossingTheContainerPerPart_ReportsTwoParts()
    {
        var features = Features(("R1", "POLYGON ((-50 40, 150 40, 150 60, -50 60, -50 40))"));

        var parts = Containment.Outside(features, Index(("B1", Container)), perPart: true);

        Assert.Equal([1, 2], parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.Equal(1000, p.Area, 6));
        Assert.Equal([-50.0, 100.0], parts.Select(p => p.Outside.EnvelopeInternal.MinX).Order());
    }

    [Fact]
    public void Outside_StripCrossingTheContainerWhole_ReportsOneResultWithBothParts()
    {
        var features = Features(("R1", "POLYGON ((-50 40, 150 40, 150 60, -50 60, -50 40))"));

        var outside = Assert.Single(Containment.Outside(features, Index(("B1", Container)), perPart: false));

        Assert.Equal(2000, outside.Area, 6);
        Assert.Equal(2, outside.Outside.NumGeometries);
    }

    [Fact]
    public void Outside_InvalidBowTieContainer_MeasuresAgainstTheRepairedShape()
    {
        var features = Features(("L1", Container));

        var outside = Assert.Single(Containment.Outside(features, Index(("B1", "POLYGON ((0 0, 100 100, 100 0, 0 100, 0 0))")), perPart: false));

        Assert.Equal(5000, outside.Area, 6);
    }

    [Fact]
    public void Outside_ContainerOfLinesOnly_ReportsTheWholePolygon()
    {
        var features = Features(("L1", Container));

        var outside = Assert.Single(Containment.Outside(features, Index(("R1", "LINESTRING (0 0, 100 100)")), perPart: false));

        Assert.Equal(10000, outside.Area, 6);
    }

    [Fact]
    public void Outside_PointOutside_ReportsDistanceToNearestContainer()
    {
        var features = Features(("F1", "POINT (130 50)"));

        var outside = Assert.Single(Containment.Outside(features, Index(("B1", Container)), perPart: false));

        Assert.Equal(30, outside.Distance, 9);
        Assert.Equal(0, outside.Area);
    }

    [Fact]
    public void Outside_PointOutsideAtADiagonal_ReportsEuclideanDistance()
    {
        var features = Features(("F1", "POINT (103 104)"));

        var outside = Assert.Single(Containment.Outside(features, Index(("B1", Container)), perPart: false));

        Assert.Equal(5, outside.Distance, 9);
    }

    [Fact]
    public void Outside_PointNearANonPolygonalContainerFeature_MeasuresDistanceToPolygonsOnly()
    {
        var features = Features(("F1", "POINT (150 50)"));
        var container = Index(("B1", Container), ("R1", "LINESTRING (149 0, 149 100)"));

        var outside = Assert.Single(Containment.Outside(features, container, perPart: false));

        Assert.Equal(50, outside.Distance, 9);
    }

    [Theory]
    [InlineData("POINT (100 50)")]
    [InlineData("POINT (0 0)")]
    [InlineData("POINT (50 50)")]
    public void Outside_PointOnBoundaryOrInside_ReportsNothing(string point)
    {
        var features = Features(("F1", point));

        Assert.Empty(Containment.Outside(features, Index(("B1", Container)), perPart: false));
    }

    [Fact]
    public void Outside_EmptyContainer_ReportsTheWholeFeature()
    {
        var features = Features(("L1", "POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))"));

        var outside = Assert.Single(Containment.Outside(features, new FeatureIndex([]), perPart: false));

        Assert.Equal(100, outside.Area, 9);
    }

    [Fact]
    public void Outside_FeatureWithoutGeometry_IsSkipped()
    {
        var features = new[] { new Core.Planning.Feature("L1", null, new Dictionary<string, object?>(), 1) };

        Assert.Empty(Containment.Outside(features, Index(("B1", Container)), perPart: false));
    }

    [Fact]
    public void Outside_SeveralFeatures_ComeBackInSourceOrder()
    {
        var features = Features(
            ("L1", "POLYGON ((90 0, 110 0, 110 10, 90 10, 90 0))"),
            ("L2", "POLYGON ((10 10, 20 10, 20 20, 10 20, 10 10))"),
            ("L3", "POLYGON ((-10 0, 10 0, 10 10, -10 10, -10 0))"));

        var outside = Containment.Outside(features, Index(("B1", Container)), perPart: false);

        Assert.Equal(["L1", "L3"], outside.Select(o => o.Feature.Id));
    }

    [Fact]
    public void Outside_LinePartlyOutside_ReportsTheLengthOutside()
    {
        var features = Features(("R1", "LINESTRING (50 50, 150 50)"));

        var outside = Assert.Single(Containment.Outside(features, Index(("B1", Container)), perPart: false));

        Assert.Equal(50, outside.Length, 9);
    }
}
