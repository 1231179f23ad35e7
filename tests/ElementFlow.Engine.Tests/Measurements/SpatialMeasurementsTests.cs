using ElementFlow.Engine.Measurements;
using ElementFlow.Rules.Facts;
using ElementFlow.Rules.Model;
using static ElementFlow.Engine.Tests.TestPlan;

namespace ElementFlow.Engine.Tests.Measurements;

/// <summary>The measurements of the spatial kinds on small inline-WKT plans, as NetTopologySuite's own tests are written.</summary>
public class SpatialMeasurementsTests
{
    private static IReadOnlyList<Observation> Run(Measurement m, TestPlan plan) =>
        m.Run(new PlanScope(plan.Build())).Facts.Cast<Observation>().ToList();

    private static LayerSelector Whole(string role) => LayerSelector.Whole(role);

    [Fact]
    public void Overlap_TwoRedLinesSharingAStrip_MeasuresTheStripOnce()
    {
        var plan = new TestPlan().Layer("ecological_redline", ("E1", Square(0, 0, 10), ""), ("E2", Rect(5, 0, 15, 10), ""));

        var o = Assert.Single(Run(new OverlapMeasurement(Whole("ecological_redline"), null), plan));

        Assert.Equal((50.0, "E1", "E2"), (o.Value, o.A!.Id, o.B!.Id));
    }

    [Fact]
    public void Overlap_SquaresTouchingAlongAnEdge_IsNoOverlap()
    {
        var plan = new TestPlan().Layer("ecological_redline", ("E1", Square(0, 0, 10), ""), ("E2", Square(10, 0, 10), ""));

        Assert.Empty(Run(new OverlapMeasurement(Whole("ecological_redline"), null), plan));
    }

    [Fact]
    public void Overlap_BetweenTwoLayers_NamesTheFirstLayersFeatureFirst()
    {
        var plan = new TestPlan()
            .Layer("ecological_redline", ("E1", Square(0, 0, 10), ""))
            .Layer("permanent_basic_farmland", ("P1", Square(8, 8, 10), ""));

        var o = Assert.Single(Run(new OverlapMeasurement(Whole("ecological_redline"), Whole("permanent_basic_farmland")), plan));

        Assert.Equal((4.0, "ecological_redline", "permanent_basic_farmland"), (o.Value, o.A!.Layer, o.B!.Layer));
    }

    [Fact]
    public void Within_ParcelHalfOutsideTheBoundary_MeasuresTheOutsideHalf()
    {
        var plan = new TestPlan()
            .Layer("urban_development_boundary", ("U1", Square(0, 0, 100), ""))
            .Layer("land_use", ("L1", Rect(90, 0, 110, 10), "code=0701"));

        var o = Assert.Single(Run(new WithinMeasurement([Whole("land_use")], [Whole("urban_development_boundary")], perPart: false), plan));

        Assert.Equal(("L1", 100.0), (o.A!.Id, o.Value));
    }

    [Fact]
    public void Within_ParcelInsideTheBoundary_IsNotOutside()
    {
        var plan = new TestPlan()
            .Layer("urban_development_boundary", ("U1", Square(0, 0, 100), ""))
            .Layer("land_use", ("L1", Square(10, 10, 10), "code=0701"));

        Assert.Empty(Run(new WithinMeasurement([Whole("land_use")], [Whole("urban_development_boundary")], perPart: false), plan));
    }

    [Fact]
    public void Validity_BowTiePolygon_IsOneProblemAtTheCrossing()
    {
        var plan = new TestPlan().Layer("land_use",
            ("L1", "POLYGON ((39500000 3300000, 39500010 3300010, 39500010 3300000, 39500000 3300010, 39500000 3300000))", ""),
            ("L2", Square(20, 0, 10), ""));

        var o = Assert.Single(Run(new ValidityMeasurement(["land_use"]), plan));

        Assert.Equal("L1", o.A!.Id);
    }

    [Fact]
    public void Overlap_CheckCancelled_StopsWithOperationCanceled()
    {
        var plan = new TestPlan().Layer("ecological_redline", ("E1", Square(0, 0, 10), ""), ("E2", Rect(5, 0, 15, 10), ""));
        var scope = new PlanScope(plan.Build()) { Cancellation = new CancellationToken(canceled: true) };

        Assert.ThrowsAny<OperationCanceledException>(() => new OverlapMeasurement(Whole("ecological_redline"), null).Run(scope));
    }
}
